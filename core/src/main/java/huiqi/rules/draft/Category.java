package huiqi.rules.draft;

/**
 * What a measure can become: a rule that computes money (可计算), a rule that only grants a right or status
 * (仅资格), a work target handed to supervision (目标（转督查）), or nothing the rule language can hold (无法编码).
 * {@code code} is the spelling rules.yaml uses under {@code unencoded.category} (null for the two rule kinds).
 */
public enum Category {
    COMPUTABLE("可计算", null),
    ELIGIBILITY_ONLY("仅资格", "eligibility-only"),
    TARGET("目标（转督查）", "target-only"),
    NOT_ENCODABLE("无法编码", "not-encodable");

    public final String label;
    public final String code;

    Category(String label, String code) {
        this.label = label;
        this.code = code;
    }

    /** The category of a rules.yaml {@code unencoded} entry. */
    public static Category ofCode(String code) {
        for (Category c : values()) {
            if (code.equals(c.code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("未知的措施类别：" + code);
    }
}
