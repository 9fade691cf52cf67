package huiqi.rules.file;

import huiqi.rules.Labels;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * What a measure grants: 减免 (relief), 奖补 (award/subsidy), 权益 (a right), 资质 (a status). Written in rules.yaml and
 * shown by its Chinese label.
 */
public enum Kind {
    RELIEF("减免"), AWARD("奖补"), RIGHT("权益"), QUALIFICATION("资质");

    private final String label;

    Kind(String label) {
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
    public static Optional<Kind> parse(String text) {
        return Labels.parse(values(), Kind::label, text);
    }
}
