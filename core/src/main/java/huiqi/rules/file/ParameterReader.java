package huiqi.rules.file;

import huiqi.enterprise.ProfileField;
import huiqi.facts.Period;
import huiqi.quantity.Unit;
import huiqi.quantity.Units;
import huiqi.rules.lang.Expr;
import huiqi.rules.lang.Type;
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
            if (isUnpublished(s)) {
                throw doc.problem(n, "参数 " + name + " 的值未公布时须写成 { value: 待公布, unit: 元/人, reason: … }"
                        + "（日期写 type: 日期），以便检查使用它的表达式的单位");
            }
            Expr.Num v = ctx.expressions.quantity(s);
            values.put(LocalDate.MIN, v.value());
            return new Parameter(prefix + "." + name, name, v.unit(), values, null, null, doc.pos(n));
        }
        Map<String, Node> m = doc.map(n, "参数 " + name);
        doc.requireKnownKeys(m, n, Set.of("values", "value", "source", "label", "unit", "type", "reason", "bands", "keys",
                "regions"), "参数 " + name, ctx.problems);
        String source = ctx.fields.optional(m, "source");
        String label = ctx.fields.optional(m, "label");
        String qualified = prefix + "." + name;
        int forms = (m.containsKey("value") ? 1 : 0) + (m.containsKey("values") ? 1 : 0) + (m.containsKey("bands") ? 1 : 0)
                + (m.containsKey("keys") ? 1 : 0) + (m.containsKey("regions") ? 1 : 0);
        if (forms > 1) {
            throw doc.problem(n, "参数 " + name + " 只能有 value、values、bands、keys、regions 中的一种");
        }
        if (m.containsKey("bands") || m.containsKey("keys") || m.containsKey("regions")) {
            ParameterTables.Read t = new ParameterTables(ctx, name).read(m);
            return new Parameter(qualified, name, t.unit(), new TreeMap<>(), source, label, doc.pos(n), Type.num(t.unit()),
                    null, t.table(), null);
        }
        if (m.containsKey("value") && isUnpublished(m.get("value"))) {
            return unpublished(qualified, name, m, n, source, label);
        }
        if (m.containsKey("reason") || m.containsKey("unit") || m.containsKey("type")) {
            throw doc.problem(n, "参数 " + name + "：unit、type、reason 只用于未公布的值（value: 待公布）");
        }
        Unit unit = null;
        if (m.containsKey("value")) {
            ScalarNode vs = doc.scalar(m.get("value"), "value");
            if (DATE.matcher(vs.getValue().trim()).matches()) {
                LocalDate d = date(vs, "参数 " + name + " 的日期");
                return new Parameter(qualified, name, Unit.NONE, new TreeMap<>(), source, label, doc.pos(n), Type.DATE, null,
                        null, d);
            }
            Expr.Num v = ctx.expressions.quantity(vs);
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
        return new Parameter(qualified, name, unit, values, source, label, doc.pos(n));
    }

    static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** 待公布 / 未公布 / null: a value the policy announces but has not published yet. */
    private static boolean isUnpublished(Node n) {
        if (YamlDoc.isNull(n)) {
            return true;
        }
        String t = Fields.text(n);
        return t != null && (t.equals("待公布") || t.equals("未公布"));
    }

    /** A parameter whose value is not published: its unit (or 日期) still types every expression reading it. */
    private Parameter unpublished(String qualified, String name, Map<String, Node> m, Node n, String source, String label) {
        boolean isDate = m.containsKey("type");
        if (isDate) {
            String t = doc.string(m.get("type"), "type");
            if (!t.equals("日期")) {
                throw doc.problem(m.get("type"), "未公布参数的 type 只能是 日期（数值参数写 unit），实为 '" + t + "'");
            }
            if (m.containsKey("unit")) {
                throw doc.problem(m.get("unit"), "日期参数没有单位：去掉 unit");
            }
        } else if (!m.containsKey("unit")) {
            throw doc.problem(n, "参数 " + name + " 的值未公布：须写 unit（如 unit: 元/人）或 type: 日期，以便检查使用它的表达式");
        }
        Unit unit = Unit.NONE;
        if (!isDate) {
            String u = doc.string(m.get("unit"), "unit");
            unit = u.equals("无") ? Unit.NONE : Units.parse(u).map(Units.Scaled::unit).orElseThrow(() ->
                    doc.problem(m.get("unit"), "无法识别的单位 '" + u + "'（可用：" + Units.known() + "）"));
        }
        String shown = label != null ? label : name;
        String reason = m.containsKey("reason") ? "待定：" + doc.string(m.get("reason"), "reason")
                : "待定：" + shown + (isDate ? "日期" : "") + "未公布";
        return new Parameter(qualified, name, unit, new TreeMap<>(), source, label, doc.pos(n), isDate ? Type.DATE : Type.num(unit),
                reason, null, null);
    }

    LocalDate date(ScalarNode s, String what) {
        try {
            return LocalDate.parse(s.getValue().trim());
        } catch (DateTimeException ex) {
            throw doc.problem(s, what + " 应为 2020-05-02 这样的有效日期，实为 '" + s.getValue().trim() + "'");
        }
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
