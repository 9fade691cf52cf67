package huiqi.enterprise;

import huiqi.facts.AttributeType;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The profile fields every enterprise has, which rules read by name like attributes: the name in rules and in
 * the enterprise JSON ({@link #id}), the Chinese label, the type, the {@link Enterprise} accessor, the column of
 * profiles.csv ({@link #importColumn}) and the column of the batch's wide table ({@link #sqlColumn}).
 */
public enum ProfileField {
    REGION("region", "行政区划代码", Enterprise::regionCode, "region_code"),
    INDUSTRY("industry", "行业代码", Enterprise::industryCode, "industry_code"),
    SIZE("size", "企业规模", Enterprise::size, "size");

    private final String id;
    private final String label;
    private final Function<Enterprise, String> reader;
    private final String importColumn;

    ProfileField(String id, String label, Function<Enterprise, String> reader, String importColumn) {
        this.id = id;
        this.label = label;
        this.reader = reader;
        this.importColumn = importColumn;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** All profile fields are codes or words read as text. */
    public AttributeType type() {
        return AttributeType.TEXT;
    }

    /** The field's value on a profile, null when unknown. */
    public String read(Enterprise e) {
        return reader.apply(e);
    }

    public String importColumn() {
        return importColumn;
    }

    public String sqlColumn() {
        return id;
    }

    public static Optional<ProfileField> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    /** Label by id, in declaration order. */
    public static Map<String, String> labels() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ProfileField f : values()) {
            out.put(f.id, f.label);
        }
        return Collections.unmodifiableMap(out);
    }
}
