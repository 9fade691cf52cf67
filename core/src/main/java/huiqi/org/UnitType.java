package huiqi.org;

/** What kind of unit an {@link OrgUnit} is; the label is how the directory and its .xlsx import write it. */
public enum UnitType {
    GOVERNMENT("人民政府"),
    DEPARTMENT("部门"),
    PARK_COMMITTEE("园区管委会"),
    SUBDISTRICT("街道乡镇"),
    STATE_ENTERPRISE("国有企业"),
    FINANCIAL("金融机构"),
    /** 安委会, 工作推进小组: a body whose members the mention does not list; its office assigns the work. */
    COORDINATION("议事协调机构");

    private final String label;

    UnitType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static UnitType ofLabel(String s) {
        String t = s == null ? "" : s.strip().replace("/", "").replace("／", "");
        for (UnitType u : values()) {
            if (u.label.equals(t) || u.name().equals(t)) {
                return u;
            }
        }
        throw new IllegalArgumentException("未知的单位类型：" + s);
    }
}
