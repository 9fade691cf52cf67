package huiqi.enterprise;

import java.util.Map;
import java.util.Objects;

/**
 * 一企一档 profile. Attribute values are Boolean, String, java.time.LocalDate, java.time.YearMonth or
 * BigDecimal as declared in indicators.yaml; an attribute that is absent is unknown, not false.
 */
public record Enterprise(String uscc, String name, String regionCode, String industryCode, String size,
                         Map<String, Object> attributes) {
    public Enterprise {
        Objects.requireNonNull(uscc, "uscc");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
