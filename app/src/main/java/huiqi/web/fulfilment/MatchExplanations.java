package huiqi.web.fulfilment;

import huiqi.fulfilment.Match;
import huiqi.rules.eval.Evaluation;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import huiqi.web.enterprise.PgEnterpriseStore;
import huiqi.web.rules.RuleBook;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The interpreter's explanation of a match (rule by rule, with its trace), which the case keeps and shows. The
 * batch engine computes amounts, not explanations, so a run asks for them only for the matches that become a
 * case or an offer; each enterprise is interpreted once, with the rule set of the run.
 */
final class MatchExplanations {
    private final RuleBook book;
    private final List<RuleFile> files;
    private final PgEnterpriseStore store;
    private final Map<String, Map<String, String>> byEnterprise = new HashMap<>();

    MatchExplanations(RuleBook book, List<RuleFile> files, PgEnterpriseStore store) {
        this.book = book;
        this.files = files;
        this.store = store;
    }

    String of(Match m) {
        return byEnterprise.computeIfAbsent(m.uscc(), this::explain).get(m.ruleId());
    }

    private Map<String, String> explain(String uscc) {
        Map<String, String> out = new HashMap<>();
        store.record(uscc).ifPresent(record -> {
            Evaluation ev = book.evaluate(files, record);
            for (RuleResult r : ev.results()) {
                out.put(r.ruleId(), String.join("\n", r.explanation()));
            }
        });
        return out;
    }
}
