package huiqi.policy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * Level of government: the one model for the level that issued a document (its label: 省, 市, 县区, 园区) and
 * the level of a payer in rule files (its payer labels: 中央, 省级, 市级, 县级/区级; see {@link PayerLevel}).
 * Serialised as its label.
 */
public enum Level {
    CENTRAL("中央", List.of("中央")),
    PROVINCE("省", List.of("省级")),
    CITY("市", List.of("市级")),
    COUNTY("县区", List.of("区级", "县级")),
    /** Documents of a park; a park does not appear as a payer level in rule files. */
    PARK("园区", List.of());

    private final String label;
    private final List<String> payerLabels;

    Level(String label, List<String> payerLabels) {
        this.label = label;
        this.payerLabels = payerLabels;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** How a payer of this level is written in rule files ("市级"); empty if this level does not pay. */
    public List<String> payerLabels() {
        return payerLabels;
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
