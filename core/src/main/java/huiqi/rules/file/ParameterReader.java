package huiqi.rules.file;

import huiqi.enterprise.ProfileField;
import huiqi.facts.Period;
import huiqi.quantity.Unit;
import huiqi.rules.lang.Expr;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads named periods and parameters (of the file or of one rule): a parameter is one quantity or dated values
 * in one unit, with its legal reference (source) and label. A name whose definition fails is remembered as broken.
 */
final class ParameterReader {
    static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final FileContext ctx;
    private final YamlDoc doc;

    ParameterReader(FileContext ctx) {
        this.ctx = ctx;
        this.doc = ctx.doc;
    }

    void periods(Node n, Map<String, Period> into, Set<String> broken) {
        if (n == null) {
            return;
        }
        for (Map.Entry<String, Node> e : doc.map(n, "periods").entrySet()) {
            ctx.problems.attempt(() -> {
                String k = e.getKey();
                if (!NAME.matcher(k).matches()) {
                    throw doc.problem(e.getValue(), "期间名 '" + k + "' 应为小写英文、数字和下划线");
                }
                into.put(k, ctx.fields.period(e.getValue(), "期间 " + k));
                return k;
            }).ifPresentOrElse(k -> { }, () -> markBroken(e.getKey(), broken));
        }
    }

    void parameters(Node n, String prefix, Map<String, Parameter> into, Set<String> broken) {
        if (n == null) {
            return;
        }
        for (Map.Entry<String, Node> e : doc.map(n, "parameters").entrySet()) {
            ctx.problems.attempt(() -> parameter(prefix, e.getKey(), e.getValue()))
                    .ifPresentOrElse(p -> into.put(e.getKey(), p), () -> markBroken(e.getKey(), broken));
        }
    }

    /** A well-formed name of its own whose definition failed: later uses of it report nothing more. */
    private void markBroken(String name, Set<String> broken) {
        if (NAME.matcher(name).matches() && !clashes(name)) {
            broken.add(name);
        }
    }

    private boolean clashes(String name) {
        return ProfileField.byId(name).isPresent() || ctx.catalog.attribute(name).isPresent() || ctx.catalog.indicator(name).isPresent();
    }

    private Parameter parameter(String prefix, String name, Node n) {
        if (!NAME.matcher(name).matches()) {
            throw doc.problem(n, "参数名 '" + name + "' 应为小写英文、数字和下划线");
        }
        if (clashes(name)) {
            throw doc.problem(n, "参数名 '" + name + "' 与 indicators.yaml 中的属性/指标或画像字段重名");
        }
        TreeMap<LocalDate, BigDecimal> values = new TreeMap<>();
        if (n instanceof ScalarNode s) {
            Expr.Num v = ctx.expressions.quantity(s);
            values.put(LocalDate.MIN, v.value());
            return new Parameter(prefix + "." + name, name, v.unit(), values, null, null, doc.pos(n));
        }
        Map<String, Node> m = doc.map(n, "参数 " + name);
        doc.requireKnownKeys(m, n, Set.of("values", "value", "source", "label"), "参数 " + name, ctx.problems);
        String source = ctx.fields.optional(m, "source");
        String label = ctx.fields.optional(m, "label");
        Unit unit = null;
        if (m.containsKey("value")) {
            Expr.Num v = ctx.expressions.quantity(doc.scalar(m.get("value"), "value"));
            values.put(LocalDate.MIN, v.value());
            unit = v.unit();
        }
        if (m.containsKey("values")) {
            Node vn = m.get("values");
            for (Map.Entry<String, Node> e : doc.map(vn, "values").entrySet()) {
                LocalDate d = effectiveDate(vn, e.getKey());
                Expr.Num v = ctx.expressions.quantity(doc.scalar(e.getValue(), "参数值"));
                if (unit != null && !unit.equals(v.unit())) {
                    throw doc.problem(e.getValue(), "参数 " + name + " 各日期的值单位不一致：" + unit.describe() + " 与 " + v.unit().describe());
                }
                unit = v.unit();
                values.put(d, v.value());
            }
        }
        if (values.isEmpty()) {
            throw doc.problem(n, "参数 " + name + " 缺少 values（或 value）");
        }
        return new Parameter(prefix + "." + name, name, unit, values, source, label, doc.pos(n));
    }

    private LocalDate effectiveDate(Node values, String key) {
        try {
            return LocalDate.parse(key);
        } catch (DateTimeException ex) {
            ScalarNode k = doc.keyNode(values, key);
            throw new YamlDoc.Problem(k == null ? doc.pos(values) : doc.pos(k), "参数生效日期应为 2024-01-10 这样的日期，实为 '" + key + "'");
        }
    }
}
