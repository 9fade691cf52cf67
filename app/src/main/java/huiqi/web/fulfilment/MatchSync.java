package huiqi.web.fulfilment;

import huiqi.fulfilment.ActionInput;
import huiqi.fulfilment.Actor;
import huiqi.fulfilment.CaseAction;
import huiqi.fulfilment.CaseStateMachine;
import huiqi.fulfilment.ExistingCase;
import huiqi.fulfilment.Match;
import huiqi.fulfilment.MatchPlan;
import huiqi.fulfilment.MatchReconciler;
import huiqi.fulfilment.Payers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns matches of the rules engine into cases. 免申即享 matches become cases (待推送) through
 * {@link MatchReconciler}, so re-running after new data creates only the difference; 申请 matches become
 * offers the enterprise may apply for. One run is one transaction, serialised against other runs.
 */
public class MatchSync {
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CaseRepository cases;
    private final AuditLog audit;

    public MatchSync(JdbcClient jdbc, TransactionTemplate tx, CaseRepository cases, AuditLog audit) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cases = cases;
        this.audit = audit;
    }

    public record Result(int created, int topUps, int corrections, int withdrawn, int unchanged, int offers) {
    }

    /**
     * @param scope the rules this run evaluated; benefits of these rules missing from {@code matches} are no
     *              longer matched. {@code null}: the rules present in {@code matches}.
     */
    public Result sync(List<Match> matches, Set<String> scope, Actor actor) {
        Set<String> rules = scope != null ? scope : matches.stream().map(Match::ruleId).collect(Collectors.toSet());
        return sync(matches, new Scope(rules, null, null), actor);
    }

    /**
     * Which existing cases a run speaks for: those of these rules, and if set only of these enterprises and of
     * this unit. A run over some enterprises (an import checked against the rules engine) never withdraws the
     * cases of others, nor of another unit.
     */
    public record Scope(Set<String> rules, Set<String> usccs, String unit) {
        boolean coversUnit() {
            return unit != null;
        }
    }

    public Result sync(List<Match> matches, Scope scope, Actor actor) {
        return sync(matches, scope, actor, Map.of());
    }

    /** The same, recording on each new case the rule-set version (policy id → version) its match came from. */
    public Result sync(List<Match> matches, Scope scope, Actor actor, Map<String, Integer> versions) {
        Set<String> rules = scope.rules();
        return tx.execute(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('huiqi-match-sync'))").query().listOfRows();
            List<Match> auto = matches.stream().filter(m -> !"申请".equals(m.delivery())).toList();
            List<Match> apply = matches.stream().filter(m -> "申请".equals(m.delivery())).toList();
            List<ExistingCase> existing = cases.existingAutomatic(rules).stream()
                    .filter(c -> scope.usccs() == null || scope.usccs().contains(c.key().uscc()))
                    .filter(c -> !scope.coversUnit() || scope.unit().equals(Payers.unit(c.key().payer())))
                    .toList();
            MatchPlan plan = MatchReconciler.plan(auto, existing);
            int withdrawn = 0;
            for (MatchPlan.Withdrawal w : plan.withdraw()) {
                CaseRecord before = cases.lock(w.caseId()).orElseThrow();
                var next = CaseStateMachine.next(before.ref(), Actor.system(), CaseAction.撤销, ActionInput.reason(w.reason()));
                jdbc.sql("update fulfilment_case set state = ?, last_reason = ?, updated_at = now() where id = ?")
                        .params(next.name(), w.reason(), w.caseId()).update();
                audit.record(actor, "撤销", "case", w.caseId(), before.audit(), cases.find(w.caseId()).orElseThrow().audit(), w.reason());
                withdrawn++;
            }
            int created = 0;
            int topUps = 0;
            int corrections = 0;
            for (MatchPlan.NewCase n : plan.create()) {
                Match m = n.match();
                long id = jdbc.sql("""
                        insert into fulfilment_case (rule_id, title, uscc, enterprise_name, payer, unit, period, seq, kind,
                                                     delivery, rule_class, amount, state, explanation, rule_version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, '免申即享', ?, ?, '待推送', ?, ?) returning id""")
                        .params(m.ruleId(), m.title(), m.uscc(), m.enterpriseName(), m.payer(), m.unit(), m.period(), n.seq(),
                                n.kind().name(), m.ruleClass(), n.amount(), m.explanation(), versionOf(versions, m.ruleId()))
                        .query(Long.class).single();
                audit.record(actor, "匹配生成", "case", id, null, cases.find(id).orElseThrow().audit(), n.kind().name());
                switch (n.kind()) {
                    case 兑现 -> created++;
                    case 补发 -> topUps++;
                    case 冲正 -> corrections++;
                }
            }
            int offers = 0;
            for (Match m : apply) {
                offers += jdbc.sql("""
                        insert into fulfilment_offer (rule_id, uscc, period, title, payer, unit, amount, rule_class, explanation)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (rule_id, uscc, period, payer) do update set amount = excluded.amount, title = excluded.title,
                            payer = excluded.payer, unit = excluded.unit, explanation = excluded.explanation
                        where fulfilment_offer.amount <> excluded.amount or fulfilment_offer.title <> excluded.title""")
                        .params(m.ruleId(), m.uscc(), m.period(), m.title(), m.payer(), m.unit(), m.amount(), m.ruleClass(),
                                m.explanation()).update();
            }
            Result r = new Result(created, topUps, corrections, withdrawn, plan.unchanged(), offers);
            audit.record(actor, "匹配同步", "match-run", null, null, Map.of("matches", matches.size(), "rules", rules.size(),
                    "created", created, "topUps", topUps, "corrections", corrections, "withdrawn", withdrawn,
                    "unchanged", plan.unchanged(), "offers", offers), null);
            return r;
        });
    }

    /** "fz-2024-2/7" → the version of fz-2024-2's rule set, or null when not known. */
    private static Integer versionOf(Map<String, Integer> versions, String ruleId) {
        int slash = ruleId.indexOf('/');
        return versions.get(slash < 0 ? ruleId : ruleId.substring(0, slash));
    }
}
