package huiqi.web.fulfilment;

import huiqi.fulfilment.BearerPart;
import huiqi.fulfilment.Match;
import huiqi.fulfilment.Payers;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.file.Stacking;
import huiqi.web.enterprise.PgEnterpriseStore;
import huiqi.web.rules.RuleBook;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Where 免申即享/申请 matches come from: the rules engine over the enterprises in the database, on the batch
 * engine ({@link EligibleAmounts}). Each payer's part of an eligible CNY amount becomes one match. The benefit
 * period is the rule's validity (or its document when none is stated); the unit handling the case is the
 * payer's department. The rules are the {@link RuleBook}'s at the call (one rule set for the whole run). The
 * matches carry no explanation: {@link Run#explain()} works it out with the interpreter for the few
 * matches that become a case or an offer.
 */
@Component
public class MatchSource {
    private final EligibleAmounts engine;
    private final PgEnterpriseStore store;
    private final RuleBook book;

    MatchSource(EligibleAmounts engine, PgEnterpriseStore store, RuleBook book) {
        this.engine = engine;
        this.store = store;
        this.book = book;
    }

    /**
     * classes: rule id → class of the rules paid under 取高不重复 (enforced again at payment time); explain: the
     * engine's explanation of one of the matches (which the case shows); versions: policy id → the rule-set version
     * the matches came from (recorded on the cases they create); parts: who bears a match's amount when its rule
     * names bearers (borne_by), worked out with the explanation.
     */
    public record Run(List<Match> matches, Set<String> rules, Map<String, String> classes, String note,
                      Function<Match, String> explain, Map<String, Integer> versions,
                      Function<Match, List<BearerPart>> parts) {
    }

    /** The matches of one full run and the rules it evaluated (benefits of those rules not matched are gone). */
    public Run run() {
        return run(null);
    }

    /** The same over these enterprises only (unknown ones yield nothing); {@code rules} is still every rule evaluated. */
    public Run run(Collection<String> usccs) {
        RuleBook.InForce inForce = book.inForce(null);
        RuleLibrary.Loaded loaded = inForce.library();
        List<RuleFile> files = loaded.files();
        Map<String, Rule> rules = new LinkedHashMap<>();
        Map<String, String> documents = new HashMap<>();
        for (RuleFile f : files) {
            for (Rule r : f.rules()) {
                rules.put(r.id(), r);
                documents.put(r.id(), f.docId());
            }
        }
        Map<String, String> classes = new LinkedHashMap<>();
        rules.values().stream().filter(r -> r.ruleClass() != null && r.stacking() == Stacking.HIGHEST_ONLY)
                .forEach(r -> classes.put(r.id(), r.ruleClass()));
        Set<String> wanted = usccs == null ? null : Set.copyOf(usccs);
        List<Match> matches = new ArrayList<>();
        for (EligibleAmounts.Eligible e : engine.of(files)) {
            if (wanted != null && !wanted.contains(e.uscc())) {
                continue;
            }
            Rule rule = rules.get(e.ruleId());
            String period = rule.valid() != null ? rule.valid().toString() : documents.getOrDefault(rule.id(), "—");
            matches.add(new Match(rule.id(), title(rule), e.uscc(), e.name(), e.payer(), Payers.unit(e.payer()), period,
                    e.amount().setScale(2, RoundingMode.HALF_UP), rule.delivery().label(), rule.ruleClass(), null));
        }
        Map<String, Integer> order = new HashMap<>();
        rules.keySet().forEach(id -> order.put(id, order.size()));
        matches.sort(Comparator.comparing(Match::uscc).thenComparing(m -> order.get(m.ruleId())));
        String note = loaded.ok() ? "" : "部分规则文件未能加载：" + loaded.problems().size() + " 个问题";
        MatchExplanations explanations = new MatchExplanations(book, files, store);
        return new Run(matches, new LinkedHashSet<>(rules.keySet()), classes, note, explanations::of, inForce.versions(),
                explanations::parts);
    }

    private static String title(Rule r) {
        return (r.document() == null ? "" : r.document() + " 第" + r.measure() + "条 ") + r.title();
    }
}
