package huiqi.rules.file;

import huiqi.rules.Labels;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * How the benefit reaches the enterprise: 免申即享 (paid without application) or 申请 (on application). Written in
 * rules.yaml and shown by its Chinese label.
 */
public enum Delivery {
    WITHOUT_APPLICATION("免申即享"), ON_APPLICATION("申请");

    private final String label;

    Delivery(String label) {
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
    public static Optional<Delivery> parse(String text) {
        return Labels.parse(values(), Delivery::label, text);
    }
}
