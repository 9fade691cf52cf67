package huiqi.batch.sql;

import huiqi.rules.file.Dependencies;
import huiqi.rules.file.Rule;
import huiqi.rules.lang.Checker;
import huiqi.rules.lang.Expr;
import huiqi.rules.lang.Exprs;
import huiqi.rules.plan.RulePlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which rules a what-if must evaluate again when only some parameters change: the rules whose conditions,
 * lets, amount, cap, shared caps or payer shares read a changed parameter, then, until nothing is added, every
 * rule that reads one of those (status() / granted(), deducts, a shared cap drawn on before it) and every
 * 取高不重复 rule with a rival among them (its final amount compares with the rival's). The others keep their
 * baseline columns.
 */
public final class Recompute {
    private Recompute() {
    }

    /** Indices ({@link RulePlan.Step#index}) of the rules to evaluate again, ascending. */
    public static Set<Integer> affected(RulePlan plan, Set<String> changedParams) {
        Set<Integer> out = new TreeSet<>();
        for (RulePlan.Step s : plan.steps()) {
            if (readsAny(s, changedParams)) {
                out.add(s.index());
            }
        }
        boolean grew = !out.isEmpty();
        while (grew) {
            grew = false;
            for (RulePlan.Step s : plan.steps()) {
                if (!out.contains(s.index()) && dependsOnAny(plan, s, out)) {
                    out.add(s.index());
                    grew = true;
                }
            }
        }
        return out;
    }

    private static boolean dependsOnAny(RulePlan plan, RulePlan.Step s, Set<Integer> redo) {
        Set<String> reads = new LinkedHashSet<>(Dependencies.of(s.rule(), s.file().caps()));
        s.sharedCaps().forEach(c -> reads.addAll(c.before()));
        for (String id : reads) {
            if (plan.step(id).map(d -> redo.contains(d.index())).orElse(false)) {
                return true;
            }
        }
        return s.rivals().stream().anyMatch(r -> redo.contains(r.index()));
    }

    private static boolean readsAny(RulePlan.Step s, Set<String> params) {
        Rule r = s.rule();
        List<Checker.Checked> exprs = new ArrayList<>();
        r.lets().forEach(l -> exprs.add(l.expr()));
        r.conditions().forEach(c -> exprs.add(c.expr()));
        exprs.add(r.amount());
        exprs.add(r.cap());
        r.payers().forEach(p -> exprs.add(p.share()));
        s.sharedCaps().forEach(c -> exprs.add(c.cap().cap()));
        boolean[] hit = {false};
        for (Checker.Checked c : exprs) {
            if (c != null) {
                Exprs.walk(c.expr(), e -> {
                    if (e instanceof Expr.ParamRef p && params.contains(p.qualifiedName())) {
                        hit[0] = true;
                    }
                });
            }
        }
        return hit[0];
    }
}
