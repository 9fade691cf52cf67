package huiqi.web.rulesets;

import java.util.Arrays;

/** Where a rule-set version is in its life: 草稿 → 待审核 → 已发布 → 已废止, or 已退回 by the reviewer. */
public enum RuleSetState {
    DRAFT("草稿"),
    SUBMITTED("待审核"),
    PUBLISHED("已发布"),
    RETIRED("已废止"),
    RETURNED("已退回");

    private final String label;

    RuleSetState(String label) {
        this.label = label;
    }

    /** The Chinese name, which is also what the database stores. */
    public String label() {
        return label;
    }

    /** A version its author may still change (save a new text over): 草稿 or 已退回. */
    public boolean open() {
        return this == DRAFT || this == RETURNED;
    }

    static RuleSetState of(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("未知的规则集状态：" + label));
    }
}
