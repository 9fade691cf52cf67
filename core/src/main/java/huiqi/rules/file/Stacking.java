package huiqi.rules.file;

import huiqi.rules.Labels;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * Relation to same-class policies: 叠加 (may be combined) or 取高不重复 (only the highest is paid). Written in rules.yaml
 * and shown by its Chinese label.
 */
public enum Stacking {
    COMBINED("叠加"), HIGHEST_ONLY("取高不重复");

    private final String label;

    Stacking(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Accepts the label or the English name. */
    public static Optional<Stacking> parse(String text) {
        return Labels.parse(values(), Stacking::label, text);
    }
}
