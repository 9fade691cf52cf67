package huiqi.web.fulfilment;

import huiqi.fulfilment.ActionInput;
import huiqi.fulfilment.BearerPart;
import huiqi.fulfilment.BearerParts;
import huiqi.fulfilment.CaseKind;
import huiqi.fulfilment.Actor;
import huiqi.fulfilment.CaseAction;
import huiqi.fulfilment.CaseKey;
import huiqi.fulfilment.CaseStateMachine;
import huiqi.fulfilment.ExistingCase;
import huiqi.fulfilment.Match;
import huiqi.fulfilment.MatchPlan;
import huiqi.fulfilment.MatchReconciler;
import huiqi.fulfilment.Payers;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
    private final Runnable bindUnits;

    public MatchSync(JdbcClient jdbc, TransactionTemplate tx, CaseRepository cases, AuditLog audit) {
        this(jdbc, tx, cases, audit, () -> { });
    }

    /** @param bindUnits binds the new cases and offers to 组织目录 ids in the run's transaction ({@link FulfilmentUnits}) */
    public MatchSync(JdbcClient jdbc, TransactionTemplate tx, CaseRepository cases, AuditLog audit, Runnable bindUnits) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cases = cases;
        this.audit = audit;
        this.bindUnits = bindUnits;
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
        return sync(matches, scope, actor, Match::explanation, Map.of());
    }

    /**
     * @param explain  the engine's explanation of a match; asked only for the matches that become a new case or a
     *                 new or changed offer (an engine run may leave it out of the matches themselves)
     * @param versions policy id → the rule-set version the matches came from, recorded on each new case
     */
    public Result sync(List<Match> matches, Scope scope, Actor actor, Function<Match, String> explain,
                       Map<String, Integer> versions) {
        return sync(matches, scope, actor, explain, m -> List.of(), versions);
    }

    /**
     * @param parts who bears a match's benefit (borne_by), asked like {@code explain}; a new case stores its share:
     *              the benefit's parts, or for a 补发/冲正 each bearer's difference to the paid cases
     *              ({@link BearerParts}), which must add up to the case's amount
     */
    public Result sync(List<Match> matches, Scope scope, Actor actor, Function<Match, String> explain,
                       Function<Match, List<BearerPart>> parts, Map<String, Integer> versions) {
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
                var next = CaseStateMachine.next(before.ref(), Actor.system(), CaseAction.WITHDRAW, ActionInput.reason(w.reason()));
                jdbc.sql("update fulfilment_case set state = ?, last_reason = ?, updated_at = now() where id = ?")
                        .params(next.label(), w.reason(), w.caseId()).update();
                audit.record(actor, "撤销", "case", w.caseId(), before.audit(), cases.find(w.caseId()).orElseThrow().audit(), w.reason());
                withdrawn++;
            }
            int created = 0;
            int topUps = 0;
            int corrections = 0;
            for (MatchPlan.NewCase n : plan.create()) {
                Match m = n.match();
                List<BearerPart> benefit = parts.apply(m);
                List<BearerPart> shares = benefit.isEmpty() ? List.of() : BearerParts.ofCase(benefit,
                        n.kind() == CaseKind.PAYMENT ? List.of() : CaseParts.paid(jdbc, m.key()), n.amount());
                long id = jdbc.sql("""
                        insert into fulfilment_case (rule_id, title, uscc, enterprise_name, payer, unit, period, seq, kind,
                                                     delivery, rule_class, amount, state, explanation, rule_version, parts)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, '免申即享', ?, ?, '待推送', ?, ?, cast(? as jsonb)) returning id""")
                        .params(m.ruleId(), m.title(), m.uscc(), m.enterpriseName(), m.payer(), m.unit(), m.period(), n.seq(),
                                n.kind().label(), m.ruleClass(), n.amount(), explain.apply(m), versionOf(versions, m.ruleId()),
                                CaseParts.json(shares))
                        .query(Long.class).single();
                audit.record(actor, "匹配生成", "case", id, null, cases.find(id).orElseThrow().audit(), n.kind().label());
                switch (n.kind()) {
                    case PAYMENT -> created++;
                    case TOP_UP -> topUps++;
                    case CORRECTION -> corrections++;
                }
            }
            int offers = 0;
            Map<CaseKey, Offered> offered = offered(apply);
            for (Match m : apply) {
                Offered before = offered.get(m.key());
                if (before != null && before.amount().compareTo(m.amount()) == 0 && before.title().equals(m.title())) {
                    continue; // unchanged: the upsert below would not touch it either
                }
                List<BearerPart> shares = BearerParts.ofCase(parts.apply(m), List.of(), m.amount());
                offers += jdbc.sql("""
                        insert into fulfilment_offer (rule_id, uscc, period, title, payer, unit, amount, rule_class, explanation, parts)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                        on conflict (rule_id, uscc, period, payer) do update set amount = excluded.amount, title = excluded.title,
                            payer = excluded.payer, unit = excluded.unit, explanation = excluded.explanation, parts = excluded.parts
                        where fulfilment_offer.amount <> excluded.amount or fulfilment_offer.title <> excluded.title""")
                        .params(m.ruleId(), m.uscc(), m.period(), m.title(), m.payer(), m.unit(), m.amount(), m.ruleClass(),
                                explain.apply(m), CaseParts.json(shares)).update();
            }
            if (created + topUps + corrections + offers > 0) {
                bindUnits.run();
            }
            Result r = new Result(created, topUps, corrections, withdrawn, plan.unchanged(), offers);
            audit.record(actor, "匹配同步", "match-run", null, null, Map.of("matches", matches.size(), "rules", rules.size(),
                    "created", created, "topUps", topUps, "corrections", corrections, "withdrawn", withdrawn,
                    "unchanged", plan.unchanged(), "offers", offers), null);
            return r;
        });
    }

    private record Offered(BigDecimal amount, String title) {
    }

    /** The offers already stored for the rules of these matches, by key. */
    private Map<CaseKey, Offered> offered(List<Match> apply) {
        Set<String> rules = apply.stream().map(Match::ruleId).collect(Collectors.toSet());
        if (rules.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select rule_id, uscc, period, payer, amount, title from fulfilment_offer where rule_id in (:rules)")
                .param("rules", rules)
                .query((rs, i) -> Map.entry(new CaseKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                        new Offered(rs.getBigDecimal(5), rs.getString(6))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** "fz-2024-2/7" → the version of fz-2024-2's rule set, or null when not known. */
    private static Integer versionOf(Map<String, Integer> versions, String ruleId) {
        int slash = ruleId.indexOf('/');
        return versions.get(slash < 0 ? ruleId : ruleId.substring(0, slash));
    }
}
