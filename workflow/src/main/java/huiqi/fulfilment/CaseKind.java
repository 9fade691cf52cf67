package huiqi.fulfilment;

import huiqi.rules.Labels;
import com.fasterxml.jackson.annotation.JsonValue;

/** 兑现: the first payment of a benefit; 补发: a top-up after new data; 冲正: a recovery (negative amount). */
public enum CaseKind {
    PAYMENT("兑现"), TOP_UP("补发"), CORRECTION("冲正");

    private final String label;

    CaseKind(String label) {
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
    public static CaseKind parse(String s) {
        return Labels.parse(values(), CaseKind::label, s)
                .orElseThrow(() -> new IllegalArgumentException("未知的事项类型：" + s));
    }
}
