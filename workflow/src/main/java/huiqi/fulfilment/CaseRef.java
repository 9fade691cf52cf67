package huiqi.fulfilment;

/**
 * What the state machine needs to know about a case: its state, whose it is (统一社会信用代码), which unit
 * (部门) reviews it, the department of its payer (whose 财政经办 pays it) and who approved it (never the one
 * who pays it).
 */
public record CaseRef(CaseState state, String uscc, String unit, String payerUnit, String approvedBy) {

    /** A case whose payer is the reviewing unit's own department, not yet approved. */
    public CaseRef(CaseState state, String uscc, String unit) {
        this(state, uscc, unit, unit, null);
    }
}
