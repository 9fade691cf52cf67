package huiqi.fulfilment;

/** Who acts on a case. SYSTEM is the platform itself (batch matching, re-matching after new data). */
public enum ActorRole {
    ADMIN("管理员"), OFFICER("部门经办"), ENTERPRISE("企业"), SYSTEM("系统");

    private final String label;

    ActorRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
