package huiqi.web.security;

/** The roles of the platform; {@link #authority()} is what Spring Security checks. */
public enum Role {
    ADMIN("管理员"),
    OFFICER("部门经办"),
    /** 财政经办: pays (拨付) the cases of its payer (unit = the payer's department); approves nothing. */
    FINANCE("财政经办"),
    ENTERPRISE("企业"),
    /** 督查室 (supervision): reads every unit's tasks and reports; writes only its comments and reminders. */
    SUPERVISOR("督查室"),
    /** 政策审核: reviews rule-set versions (diff and impact) and approves or returns them; edits nothing. */
    REVIEWER("政策审核");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the English name (as users.role stores it) or the label. */
    public static Role parse(String s) {
        for (Role r : values()) {
            if (r.name().equals(s) || r.label.equals(s)) {
                return r;
            }
        }
        throw new IllegalArgumentException("未知角色：" + s);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
