package huiqi.policy;

import com.fasterxml.jackson.annotation.JsonValue;

/** Government level that issued a document. Serialised as its Chinese label. */
public enum Level {
    PROVINCE("省"), CITY("市"), COUNTY("县区"), PARK("园区");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public static Level ofLabel(String label) {
        for (Level l : values()) {
            if (l.label.equals(label)) {
                return l;
            }
        }
        throw new IllegalArgumentException("未知级别: " + label);
    }
}
