package huiqi.web.rules;

import huiqi.rules.file.Parameter;
import huiqi.rules.file.Payer;
import huiqi.rules.file.Rule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Encoded rules as the rule pages and /api/v1/rules show them: quoted clause, parameters (dated, with sources), tests. */
final class RuleViews {
    private RuleViews() {
    }

    record ParameterView(String name, String label, String unit, Map<LocalDate, BigDecimal> values, String source) {
    }

    record RuleView(String id, String docId, String document, int measure, String title, String quote, String kind,
                    String delivery, List<String> payers, String valid, String amount, String cap,
                    List<ParameterView> parameters, int tests) {
    }

    static List<RuleView> of(List<Rule> rules) {
        return rules.stream().map(RuleViews::view).toList();
    }

    static RuleView view(Rule r) {
        return new RuleView(r.id(), r.docId(), r.document(), r.measure(), r.title(), r.quote(), r.kind().label(),
                r.delivery().label(), r.payers().stream().map(Payer::label).toList(),
                r.valid() == null ? null : r.valid().toString(), r.amountText(), r.capText(),
                r.parameters().values().stream().map(RuleViews::parameter).toList(), r.tests().size());
    }

    private static ParameterView parameter(Parameter p) {
        return new ParameterView(p.qualifiedName(), p.label(), p.unit().describe(), p.values(), p.source());
    }
}
