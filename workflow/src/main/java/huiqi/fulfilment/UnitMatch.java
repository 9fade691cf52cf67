package huiqi.fulfilment;

import java.util.List;

/**
 * Whether an officer's or 财政经办's unit is a case's unit. By 组织目录 id when both sides are bound to the
 * directory (so 仓山区's "区财政局" is never 鼓楼区's); by the name as written only while one side is not bound
 * (accounts and cases from before the directory, or a payer the directory cannot resolve).
 */
public final class UnitMatch {
    private UnitMatch() {
    }

    public static boolean same(String actorUnit, String actorUnitId, String caseUnit, List<String> caseUnitIds) {
        if (actorUnitId != null && caseUnitIds != null && !caseUnitIds.isEmpty()) {
            return caseUnitIds.contains(actorUnitId);
        }
        return actorUnit != null && caseUnit != null && actorUnit.equals(caseUnit);
    }
}
