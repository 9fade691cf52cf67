package huiqi.rules.file;

import huiqi.rules.lang.Checker;
import huiqi.rules.lang.Expr;
import huiqi.rules.lang.Exprs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Warns about parameters no expression reads: a legal value that changes nothing (and a what-if override of it
 * would do nothing) is usually a forgotten reference or a typo. The file still loads.
 */
final class UnusedParameters {
    private UnusedParameters() {
    }

    static void warn(Problems problems, Map<String, Parameter> fileParameters, List<Rule> rules, List<SharedCap> caps) {
        Set<String> used = new HashSet<>();
        for (Rule r : rules) {
            expressions(r).forEach(c -> Exprs.walk(c.expr(), e -> {
                if (e instanceof Expr.ParamRef p) {
                    used.add(p.qualifiedName());
                }
            }));
        }
        caps.forEach(c -> Exprs.walk(c.cap().expr(), e -> {
            if (e instanceof Expr.ParamRef p) {
                used.add(p.qualifiedName());
            }
        }));
        rules.forEach(r -> { // a validity ending at an event reads the event's date parameter
            if (r.valid() != null && r.valid().until() != null) {
                used.add(r.valid().until().qualifiedName());
            }
        });
        List<Parameter> declared = new ArrayList<>(fileParameters.values());
        rules.forEach(r -> declared.addAll(r.parameters().values()));
        for (Parameter p : declared) {
            if (!used.contains(p.qualifiedName())) {
                problems.warning(p.pos(), "参数 " + p.name() + " 没有被任何表达式使用（漏写了引用，或名字写错？）");
            }
        }
    }

    private static Stream<Checker.Checked> expressions(Rule r) {
        return Stream.of(r.lets().stream().map(Let::expr), r.conditions().stream().map(Condition::expr),
                        Stream.of(r.amount(), r.cap()), r.payers().stream().map(Payer::share))
                .flatMap(s -> s)
                .filter(Objects::nonNull);
    }
}
