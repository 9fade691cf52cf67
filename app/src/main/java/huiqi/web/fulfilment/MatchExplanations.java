package huiqi.web.fulfilment;

import huiqi.fulfilment.BearerPart;
import huiqi.fulfilment.Match;
import huiqi.rules.eval.Evaluation;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.web.enterprise.PgEnterpriseStore;
import huiqi.web.rules.RuleBook;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The interpreter's explanation of a match (rule by rule, with its trace), which the case keeps and shows, and who
 * bears the amount when the rule names bearers ({@code borne_by}). The batch engine computes amounts, not
 * explanations, so a run asks for them only for the matches that become a case or an offer; each enterprise is
 * interpreted once, with the rule set of the run.
 */
final class MatchExplanations {
    private final RuleBook book;
    private final List<RuleFile> files;
    private final PgEnterpriseStore store;
    private final Map<String, Map<String, RuleResult>> byEnterprise = new HashMap<>();
    private final Map<String, String> itemKinds = new HashMap<>();

    MatchExplanations(RuleBook book, List<RuleFile> files, PgEnterpriseStore store) {
        this.book = book;
        this.files = files;
        this.store = store;
        for (RuleFile f : files) {
            for (Rule r : f.rules()) {
                if (r.itemPayer() != null) {
                    itemKinds.put(r.id(), book.itemKindName(r.itemPayer().kind()));
                }
            }
        }
    }

    String of(Match m) {
        RuleResult r = resultOf(m);
        return r == null ? null : String.join("\n", r.explanation());
    }

    /** The bearers' parts of the match's benefit, each to the fen (empty when its rule names none). */
    List<BearerPart> parts(Match m) {
        RuleResult r = resultOf(m);
        if (r == null || r.parts() == null) {
            return List.of();
        }
        String kind = itemKinds.get(m.ruleId());
        return r.parts().stream().map(p -> new BearerPart(p.role(), p.name(), p.amount(), kind, p.items())).toList();
    }

    private RuleResult resultOf(Match m) {
        return byEnterprise.computeIfAbsent(m.uscc(), this::evaluate).get(m.ruleId());
    }

    private Map<String, RuleResult> evaluate(String uscc) {
        Map<String, RuleResult> out = new HashMap<>();
        store.record(uscc).ifPresent(record -> {
            Evaluation ev = book.evaluate(files, record);
            for (RuleResult r : ev.results()) {
                out.put(r.ruleId(), r);
            }
        });
        return out;
    }
}
