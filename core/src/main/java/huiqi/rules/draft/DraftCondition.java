package huiqi.rules.draft;

/** One drafted eligibility condition: the rule-language expression, its label and the verbatim words behind it. */
public record DraftCondition(String expr, String label, String quote) {
}
