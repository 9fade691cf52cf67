package huiqi.web.fulfilment;

import huiqi.enterprise.EnterpriseRecord;
import huiqi.fulfilment.Match;
import huiqi.fulfilment.Payers;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.Status;
import huiqi.rules.eval.Evaluation;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.Stacking;
import huiqi.web.enterprise.PgEnterpriseStore;
import huiqi.web.rules.RuleBook;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The test oracle of {@link MatchSource}: the interpreter over every enterprise in the database, one by one
 * (how rematch worked before it ran on the batch engine). Each eligible CNY result with an amount becomes one
 * match per payer, with the interpreter's explanation; period, title, unit and classes as {@link MatchSource}
 * states them.
 */
class InterpreterMatches {
    private final PgEnterpriseStore store;
    private final RuleBook book;

    InterpreterMatches(PgEnterpriseStore store, RuleBook book) {
        this.store = store;
        this.book = book;
    }

    MatchSource.Run run() {
        return run(store.usccs());
    }

    MatchSource.Run run(Collection<String> usccs) {
        RuleBook.InForce inForce = book.inForce(null);
        RuleLibrary.Loaded loaded = inForce.library();
        Map<String, Rule> rules = new LinkedHashMap<>();
        Map<String, String> documents = new HashMap<>();
        for (RuleFile f : loaded.files()) {
            for (Rule r : f.rules()) {
                rules.put(r.id(), r);
                documents.put(r.id(), f.docId());
            }
        }
        Map<String, String> classes = new LinkedHashMap<>();
        rules.values().stream().filter(r -> r.ruleClass() != null && r.stacking() == Stacking.HIGHEST_ONLY)
                .forEach(r -> classes.put(r.id(), r.ruleClass()));
        List<Match> matches = new ArrayList<>();
        for (String uscc : usccs) {
            Optional<EnterpriseRecord> record = store.record(uscc);
            if (record.isEmpty()) {
                continue;
            }
            Evaluation ev = book.evaluate(loaded.files(), record.get());
            for (RuleResult r : ev.results()) {
                if (r.status() != Status.ELIGIBLE || r.amount() == null || r.amount().signum() <= 0
                        || !"CNY".equals(r.currency())) {
                    continue;
                }
                Rule rule = rules.get(r.ruleId());
                String period = rule != null && rule.valid() != null ? rule.valid().toString() : documents.getOrDefault(r.ruleId(), "—");
                String explanation = String.join("\n", r.explanation());
                for (RuleResult.PayerAmount p : r.payers()) {
                    if (p.amount() == null || p.amount().signum() <= 0) {
                        continue;
                    }
                    matches.add(new Match(r.ruleId(), title(r), uscc, record.get().profile().name(), p.payer(), Payers.unit(p.payer()),
                            period, p.amount().setScale(2, RoundingMode.HALF_UP), r.delivery(),
                            rule == null ? null : rule.ruleClass(), explanation));
                }
            }
        }
        Set<String> evaluated = new LinkedHashSet<>(rules.keySet());
        String note = loaded.ok() ? "" : "部分规则文件未能加载：" + loaded.problems().size() + " 个问题";
        return new MatchSource.Run(matches, evaluated, classes, note, Match::explanation, inForce.versions(),
                m -> java.util.List.of());
    }

    private static String title(RuleResult r) {
        return (r.docNumber() == null ? "" : r.docNumber() + " 第" + r.measure() + "条 ") + r.title();
    }
}
