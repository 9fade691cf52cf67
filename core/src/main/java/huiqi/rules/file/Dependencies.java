package huiqi.rules.file;

import huiqi.rules.lang.Checker;
import huiqi.rules.lang.Expr;
import huiqi.rules.lang.Exprs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluation order of the rules of one file: a rule comes after the rules it reads (granted(), eligible(),
 * deducts) and after the rules before it in a shared cap. Ties keep file order.
 */
public final class Dependencies {
    /** A cycle between rules. */
    public static final class CycleException extends RuntimeException {
        public final Rule rule;

        CycleException(Rule rule, String message) {
            super(message);
            this.rule = rule;
        }
    }

    private Dependencies() {
    }

    /** The rules another rule depends on. */
    public static Set<String> of(Rule r, List<SharedCap> caps) {
        Set<String> out = new LinkedHashSet<>(r.deducts());
        List<Checker.Checked> exprs = new ArrayList<>();
        r.lets().forEach(l -> exprs.add(l.expr()));
        r.conditions().forEach(c -> exprs.add(c.expr()));
        exprs.add(r.amount());
        exprs.add(r.cap());
        r.payers().forEach(p -> exprs.add(p.share()));
        for (Checker.Checked c : exprs) {
            if (c != null) {
                Exprs.walk(c.expr(), e -> {
                    if (e instanceof Expr.RuleRef ref) {
                        out.add(ref.ruleId());
                    }
                });
            }
        }
        for (SharedCap cap : caps) {
            int i = cap.rules().indexOf(r.id());
            if (i > 0) {
                out.add(cap.rules().get(i - 1));
            }
        }
        return out;
    }

    public static List<Rule> order(List<Rule> rules, List<SharedCap> caps) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        rules.forEach(r -> byId.put(r.id(), r));
        List<Rule> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (Rule r : rules) {
            visit(r, byId, caps, done, new ArrayList<>(), out);
        }
        return out;
    }

    private static void visit(Rule r, Map<String, Rule> byId, List<SharedCap> caps, Set<String> done, List<String> path,
                              List<Rule> out) {
        if (done.contains(r.id())) {
            return;
        }
        if (path.contains(r.id())) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(r.id()), path.size()));
            cycle.add(r.id());
            throw new CycleException(r, "规则之间循环依赖：" + String.join(" → ", cycle));
        }
        path.add(r.id());
        for (String d : of(r, caps)) {
            Rule dep = byId.get(d);
            if (dep != null) {
                visit(dep, byId, caps, done, path, out);
            }
        }
        path.remove(path.size() - 1);
        done.add(r.id());
        out.add(r);
    }
}
