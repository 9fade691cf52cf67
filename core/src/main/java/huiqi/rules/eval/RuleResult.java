package huiqi.rules.eval;

import huiqi.rules.Status;
import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of one rule for one enterprise. {@code amount} is the final amount rounded to the fen (0 when
 * ineligible, null when undeterminable or for eligibility-only rules); {@code payers} splits it; {@code parts} says who
 * bears it per item ({@code borne_by}).
 */
public record RuleResult(String ruleId, String docNumber, int measure, String title, Status status, BigDecimal amount,
                         String currency, List<PayerAmount> payers, String delivery, List<String> explanation,
                         List<String> missing, String nearMiss, List<ItemPart> parts) {

    public RuleResult(String ruleId, String docNumber, int measure, String title, Status status, BigDecimal amount,
                      String currency, List<PayerAmount> payers, String delivery, List<String> explanation,
                      List<String> missing, String nearMiss) {
        this(ruleId, docNumber, measure, title, status, amount, currency, payers, delivery, explanation, missing, nearMiss, List.of());
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

    public String payerLabel() {
        return String.join("、", payers.stream().map(PayerAmount::payer).toList());
    }
}
