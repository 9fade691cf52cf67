package huiqi.fulfilment;

import huiqi.rules.Labels;
/**
 * Who acts on a case. SYSTEM is the platform itself (batch matching, re-matching after new data). FINANCE is
 * the payer's 财政 role: the only one that pays (拨付), and only for its own payer; it approves nothing, so
 * 审核 and 拨付 always need two different accounts.
 */
public enum ActorRole {
    ADMIN("管理员"), OFFICER("部门经办"), FINANCE("财政经办"), ENTERPRISE("企业"), SYSTEM("系统");

    private final String label;

    ActorRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the label or the English name. */
    public static ActorRole parse(String s) {
        return Labels.parse(values(), ActorRole::label, s)
                .orElseThrow(() -> new IllegalArgumentException("未知的角色：" + s));
    }
}
