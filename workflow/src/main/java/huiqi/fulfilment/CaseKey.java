package huiqi.fulfilment;

/**
 * A benefit is identified by rule, enterprise, period and payer (a rule with two payers is two payments);
 * the cases for it are numbered 0, 1, 2… (seq).
 */
public record CaseKey(String ruleId, String uscc, String period, String payer) {
}
