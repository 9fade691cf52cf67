package huiqi.rules.file;

import huiqi.rules.lang.Checker;
import java.util.List;
import java.util.Map;

/**
 * One encoded measure (or one part of a multi-part measure), fully checked. {@code amount} and {@code cap}
 * are null for eligibility-only rules; {@code valid} may be null (no stated validity). {@code region} is a
 * division-code prefix, {@code zone} the canonical name of a 园区 / 功能区 the enterprise must belong to (either null).
 */
public record Rule(String id, String docId, String document, int measure, String title, String quote, Kind kind,
                   Delivery delivery, List<Payer> payers, String region, String zone, Validity valid, String ruleClass,
                   Stacking stacking, Map<String, Parameter> parameters, List<Let> lets, List<Condition> conditions,
                   Checker.Checked amount, String amountText, Checker.Checked cap, String capText, List<String> deducts, List<RuleTest> tests,
                   SourcePos pos, ItemPayer itemPayer) {

    /** A rule without per-item payer. */
    public Rule(String id, String docId, String document, int measure, String title, String quote, Kind kind,
                Delivery delivery, List<Payer> payers, String region, String zone, Validity valid, String ruleClass,
                Stacking stacking, Map<String, Parameter> parameters, List<Let> lets, List<Condition> conditions,
                Checker.Checked amount, String amountText, Checker.Checked cap, String capText, List<String> deducts, List<RuleTest> tests,
                SourcePos pos) {
        this(id, docId, document, measure, title, quote, kind, delivery, payers, region, zone, valid, ruleClass, stacking, parameters,
                lets, conditions, amount, amountText, cap, capText, deducts, tests, pos, null);
    }

    public boolean computable() {
        return amount != null;
    }

    /** ISO code of the amount's currency (CNY, USD), or null for eligibility-only rules. */
    public String currency() {
        return amount == null ? null : ((huiqi.rules.lang.Type.Num) amount.type()).unit().currency();
    }
}
