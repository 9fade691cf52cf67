package huiqi.rules.eval;

import huiqi.rules.Status;
import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of one rule for one enterprise. {@code amount} is the final amount rounded to the fen (0 when
 * ineligible, null when undeterminable or for eligibility-only rules); {@code payers} splits it.
 */
public record RuleResult(String ruleId, String docNumber, int measure, String title, Status status, BigDecimal amount,
                         String currency, List<PayerAmount> payers, String delivery, List<String> explanation,
                         List<String> missing, String nearMiss) {

    /** One payer's part of the amount. */
    public record PayerAmount(String payer, BigDecimal amount) { }

    public String payerLabel() {
        return String.join("、", payers.stream().map(PayerAmount::payer).toList());
    }
}
