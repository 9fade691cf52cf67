package huiqi.rules.draft;

/**
 * One drafted parameter: its name, its value as a rule-language literal ("0.02元/千瓦时", "30万元", "50%"),
 * the verbatim clause it was read from, and a label.
 */
public record DraftParameter(String name, String literal, String quote, String label) {
}
