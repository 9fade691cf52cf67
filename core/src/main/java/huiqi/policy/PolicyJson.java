package huiqi.policy;

import java.math.BigDecimal;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON form of a {@link PolicyDocument} (documented in docs/formats.md): dates ISO-8601, decimals as
 * strings in plain notation ("300000", "0.02"), nulls kept so every field is always present.
 */
public final class PolicyJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("huiqi-decimals").addSerializer(BigDecimal.class, new PlainDecimal()))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private PolicyJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String toJson(PolicyDocument doc) {
        return MAPPER.writeValueAsString(doc);
    }

    private static final class PlainDecimal extends ValueSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.toPlainString());
        }
    }
}
