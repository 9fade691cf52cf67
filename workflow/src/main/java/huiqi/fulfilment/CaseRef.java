package huiqi.fulfilment;

/**
 * What the state machine needs to know about a case: its state, whose it is (统一社会信用代码) and which
 * unit (部门) is responsible for reviewing and paying it.
 */
public record CaseRef(CaseState state, String uscc, String unit) {
}
