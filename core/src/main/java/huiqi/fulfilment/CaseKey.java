package huiqi.fulfilment;

/** A benefit is identified by rule, enterprise and period; cases for it are numbered 0, 1, 2… (seq). */
public record CaseKey(String ruleId, String uscc, String period) {
}
