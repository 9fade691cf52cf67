package huiqi.rules.eval;

import huiqi.rules.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one rule for one enterprise. {@code amount} is the final amount rounded to the fen (0 when
 * ineligible, null when undeterminable or for eligibility-only rules); {@code payers} splits it. {@code explanation} is
 * complete on its own (a single rule shown); {@code scope} marks its lines that explain the document's {@code scope:}
 * conditions, which a list of the document's rules shows once; {@code parts} says who bears the amount per item
 * ({@code borne_by}).
 */
public record RuleResult(String ruleId, String docNumber, int measure, String title, Status status, BigDecimal amount,
                         String currency, List<PayerAmount> payers, String delivery, List<String> explanation,
                         List<String> missing, String nearMiss, ScopeLines scope, List<ItemPart> parts) {

    public RuleResult(String ruleId, String docNumber, int measure, String title, Status status, BigDecimal amount,
                      String currency, List<PayerAmount> payers, String delivery, List<String> explanation,
                      List<String> missing, String nearMiss) {
        this(ruleId, docNumber, measure, title, status, amount, currency, payers, delivery, explanation, missing, nearMiss,
                ScopeLines.NONE, List.of());
    }

    /**
     * {@code borne_by}: the part of the amount one bearer (出租方 某公司) bears for its items, to the fen; the parts of a
     * result sum to its amount. Empty unless the rule has a per-item payer and is eligible.
     *
     * @param role  the bearer's role, the item field's name (出租方)
     * @param name  who bears it, as the item names it
     * @param items the ids of the bearer's items that count
     */
    public record ItemPart(String role, String name, BigDecimal amount, List<String> items) { }

    /** One payer's part of the amount. */
    public record PayerAmount(String payer, BigDecimal amount) { }

    /** The explanation lines [from, to) that explain the document scope's conditions. */
    public record ScopeLines(int from, int to) {
        public static final ScopeLines NONE = new ScopeLines(0, 0);
    }

    public String payerLabel() {
        return String.join("、", payers.stream().map(PayerAmount::payer).toList());
    }

    /** The lines explaining the document's {@code scope:} conditions (empty when the document has none). */
    public List<String> scopeExplanation() {
        return explanation.subList(scope.from(), scope.to());
    }

    /** The explanation without the document scope's lines, for a list that shows them once per document. */
    public List<String> ownExplanation() {
        List<String> own = new ArrayList<>(explanation.subList(0, scope.from()));
        own.addAll(explanation.subList(scope.to(), explanation.size()));
        return List.copyOf(own);
    }
}
