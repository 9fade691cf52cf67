package huiqi.rules.draft;

import java.util.List;

/**
 * A drafted rule, the same shape as a rule in rules.yaml. {@code amount} and {@code cap} are rule-language
 * expressions over the parameters (null when absent: no amount means an eligibility-only rule, or an amount the
 * drafter left to the officer as an open question). {@code delivery} and {@code payer*} carry the quote they were
 * read from ({@code deliveryQuote} null when the text is silent and 申请 is the default).
 */
public record DraftRule(
        String id,
        int measure,
        String title,
        String quote,
        String kind,
        String delivery,
        String deliveryQuote,
        String payerLevel,
        String payerDepartment,
        List<DraftParameter> parameters,
        List<DraftCondition> conditions,
        String amount,
        String cap) {

    public DraftRule {
        parameters = List.copyOf(parameters);
        conditions = List.copyOf(conditions);
    }
}
