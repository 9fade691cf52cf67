package huiqi.supervision;

import huiqi.rules.Labels;
/**
 * How a unit is named in a measure: 牵头 (lead unit), 责任 (responsible or 配合 unit), 落实 (inherited from an
 * earlier blanket clause such as "以下均需各县（市）区人民政府…落实，不再一一列出").
 */
public enum UnitRole {
    LEAD("牵头"),
    RESPONSIBLE("责任"),
    IMPLEMENTING("落实");

    private final String label;

    UnitRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the label or the English name. */
    public static UnitRole parse(String label) {
        return Labels.parse(values(), UnitRole::label, label)
                .orElseThrow(() -> new IllegalArgumentException("未知的单位角色：" + label));
    }
}
