package huiqi.web.security;

/** The three roles of the platform; {@link #authority()} is what Spring Security checks. */
public enum Role {
    ADMIN("管理员"),
    OFFICER("部门经办"),
    ENTERPRISE("企业");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
