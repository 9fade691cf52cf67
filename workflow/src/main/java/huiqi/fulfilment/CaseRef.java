package huiqi.fulfilment;

import java.util.List;

/**
 * What the state machine needs to know about a case: its state, whose it is (统一社会信用代码), which unit
 * (部门) reviews it, the department of its payer (whose 财政经办 pays it) and who approved it (never the one
 * who pays it). {@code unitIds} and {@code payerUnitIds} are the 组织目录 units those names resolved to (empty
 * while unresolved: then the names are compared, see {@link UnitMatch}).
 */
public record CaseRef(CaseState state, String uscc, String unit, String payerUnit, String approvedBy,
                      List<String> unitIds, List<String> payerUnitIds) {

    public CaseRef {
        unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
        payerUnitIds = payerUnitIds == null ? List.of() : List.copyOf(payerUnitIds);
    }

    public CaseRef(CaseState state, String uscc, String unit, String payerUnit, String approvedBy) {
        this(state, uscc, unit, payerUnit, approvedBy, List.of(), List.of());
    }

    /** A case whose payer is the reviewing unit's own department, not yet approved. */
    public CaseRef(CaseState state, String uscc, String unit) {
        this(state, uscc, unit, unit, null);
    }
}
