package huiqi.web.rules.editor;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Applies a {@link FormEdit} to a rule file's text: parse → find the value → replace its characters (or insert a
 * key or list item next to its siblings, in their style) → the new text. Everything else stays byte for byte, so the
 * YAML remains the one model and a diff shows only what the officer changed.
 */
public final class YamlEditor {
    /** The marker {@code huiqi.rules.draft.DraftYaml} writes for an open question, and what an answer becomes. */
    public static final String OPEN = "# 待确认：";
    public static final String ANSWERED = "# 已确认：";
    static final Pattern QUESTION = Pattern.compile("(?m)^([ \\t]*)# 待确认：(.*)$");
    private static final Set<String> STATUSES = Set.of("eligible", "ineligible", "undeterminable");

    private YamlEditor() {
    }

    public static String apply(String text, FormEdit edit) {
        if (edit instanceof FormEdit.Answer a) {
            return answer(text, a);
        }
        RuleYaml y = RuleYaml.parse(text);
        if (edit instanceof FormEdit.ParameterValue p) {
            return parameterValue(y, p);
        } else if (edit instanceof FormEdit.ParameterSource s) {
            return parameterSource(y, s);
        } else if (edit instanceof FormEdit.Expression x) {
            return expression(y, x);
        } else if (edit instanceof FormEdit.RuleField r) {
            return ruleField(y, r);
        } else if (edit instanceof FormEdit.LoopOrder o) {
            return loopOrder(y, o);
        } else if (edit instanceof FormEdit.NewCondition c) {
            return newCondition(y, c);
        } else if (edit instanceof FormEdit.TestExpectation t) {
            return testExpectation(y, t);
        } else if (edit instanceof FormEdit.TestFact f) {
            return testFact(y, f);
        } else if (edit instanceof FormEdit.NewTest t) {
            return newTest(y, t);
        } else if (edit instanceof FormEdit.NewParameter p) {
            return YamlAdditions.newParameter(y, p);
        } else if (edit instanceof FormEdit.NewLet l) {
            return YamlAdditions.newLet(y, l);
        } else if (edit instanceof FormEdit.NewRule r) {
            return YamlAdditions.newRule(y, r);
        } else if (edit instanceof FormEdit.RemoveRule r) {
            return YamlAdditions.removeRule(y, r);
        } else if (edit instanceof FormEdit.NewIndicator i) {
            return YamlAdditions.newIndicator(y, i);
        }
        throw new IllegalArgumentException(edit.toString());
    }

    // ---- parameters

    private static String parameterValue(RuleYaml y, FormEdit.ParameterValue e) {
        String literal = oneLine(e.literal(), "参数值");
        Node p = parameter(y, e.rule(), e.name());
        if (p instanceof ScalarNode s) {
            if (!blank(e.date())) {
                return replace(y, s, "{ values: { " + date(e.date()) + ": " + YamlScalars.render(literal, true) + " } }");
            }
            return replaceScalar(y, s, literal, false);
        }
        if (!blank(e.date())) {
            String d = date(e.date());
            Node values = RuleYaml.get(p, "values").orElse(null);
            if (values == null) {
                throw new EditRefused("参数 " + e.name() + " 没有按日期的取值（values）");
            }
            for (NodeTuple t : ((MappingNode) values).getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().strip().equals(d)
                        && t.getValueNode() instanceof ScalarNode v) {
                    return replaceScalar(y, v, literal, RuleYaml.flow(values));
                }
            }
            return insertKey(y, (MappingNode) values, d, YamlScalars.render(literal, RuleYaml.flow(values)));
        }
        Node value = RuleYaml.get(p, "value").orElseThrow(() -> new EditRefused("参数 " + e.name() + " 按日期取值：请写明生效日期"));
        return replaceScalar(y, (ScalarNode) value, literal, RuleYaml.flow(p));
    }

    private static String parameterSource(RuleYaml y, FormEdit.ParameterSource e) {
        String source = oneLine(e.source(), "来源");
        Node p = parameter(y, e.rule(), e.name());
        if (p instanceof ScalarNode s) {
            return replace(y, s, "{ value: " + YamlScalars.render(s.getValue(), true) + ", source: "
                    + YamlScalars.quoted(source) + " }");
        }
        return setKey(y, (MappingNode) p, "source", source);
    }

    private static Node parameter(RuleYaml y, String rule, String name) {
        Node params = RuleYaml.get(y.owner(rule), "parameters")
                .orElseThrow(() -> new EditRefused((blank(rule) ? "文件" : "规则 " + rule) + " 没有参数"));
        Node p = RuleYaml.get(params, name).orElseThrow(() -> new EditRefused("参数 " + name + " 不存在"));
        if (!(p instanceof ScalarNode) && !(p instanceof MappingNode)) {
            throw new EditRefused("参数 " + name + " 的写法无法在表单中修改，请在 YAML 中修改");
        }
        return p;
    }

    // ---- plain fields of a rule

    private static String ruleField(RuleYaml y, FormEdit.RuleField f) {
        MappingNode rule = y.owner(f.rule());
        if (y.rules().stream().noneMatch(r -> r == rule)) {
            throw new EditRefused("请选择规则");
        }
        String value = oneLine(f.value(), "值").strip();
        if (value.isEmpty() && !"borne_by.field".equals(f.key())) {
            throw new EditRefused("不能为空");
        }
        switch (f.key()) {
            case "title", "kind", "delivery" -> {
                return setKey(y, rule, f.key(), value);
            }
            case "payer.level", "payer.department" -> {
                String key = f.key().substring("payer.".length());
                Node payer = RuleYaml.get(rule, "payer").orElse(null);
                if (payer == null) {
                    return insertKey(y, rule, "payer", "{ " + key + ": " + YamlScalars.render(value, true) + " }");
                }
                if (!(payer instanceof MappingNode pm)) {
                    throw new EditRefused("付款方的写法无法在表单中修改，请在 YAML 中修改");
                }
                return setKey(y, pm, key, value);
            }
            case "borne_by.field", "borne_by.verb" -> {
                return borneBy(y, rule, f.key().substring("borne_by.".length()), f.value().strip());
            }
            default -> throw new EditRefused("未知的字段 " + f.key());
        }
    }

    /**
     * {@code borne_by: { field, verb }}: a blank field takes it out (the rule's payer bears the whole amount again); a
     * new one is written on the line after the payer.
     */
    private static String borneBy(RuleYaml y, MappingNode rule, String key, String value) {
        Node borne = RuleYaml.get(rule, "borne_by").orElse(null);
        if ("field".equals(key)) {
            if (value.isEmpty()) {
                return removeKey(y, rule, "borne_by");
            }
            if (!value.matches("[a-z][a-z0-9_]*")) {
                throw new EditRefused("承担方字段写清单中标明承担方的文字字段的名字（小写字母、数字、下划线），如 lessor；实为 '" + value + "'");
            }
        } else if (!value.matches("\\p{IsHan}{1,6}")) {
            throw new EditRefused("承担方的动作写一至六个汉字，如 减免、承担；实为 '" + value + "'");
        }
        if (borne == null) {
            if (!"field".equals(key)) {
                throw new EditRefused("请先填写承担方字段（如 lessor），再写动作");
            }
            String line = "borne_by: { field: " + value + " }";
            Node payer = RuleYaml.get(rule, "payer").orElse(null);
            if (payer == null || RuleYaml.flow(rule)) {
                return insertKey(y, rule, "borne_by", "{ field: " + value + " }");
            }
            int at = lineAfter(y, contentEnd(y, payer));
            return y.text.substring(0, at) + " ".repeat(column(y, rule)) + line + "\n" + y.text.substring(at);
        }
        if (borne instanceof ScalarNode s) { // the short form borne_by: lessor
            return "field".equals(key) ? replaceScalar(y, s, value, RuleYaml.flow(rule))
                    : replace(y, s, "{ field: " + s.getValue() + ", verb: " + value + " }");
        }
        return setKey(y, (MappingNode) borne, key, value);
    }

    // ---- expressions

    private static String expression(RuleYaml y, FormEdit.Expression e) {
        MappingNode rule = y.owner(e.rule());
        String expr = e.expr() == null ? "" : e.expr().strip();
        boolean optional = "cap".equals(e.field()) || "amount".equals(e.field());
        if (expr.isEmpty() && !optional) {
            throw new EditRefused("表达式不能为空");
        }
        switch (e.field()) {
            case "amount", "cap" -> {
                // no amount: an eligibility-only rule; no cap: not capped
                return expr.isEmpty() ? removeKey(y, rule, e.field()) : setKey(y, rule, e.field(), expr);
            }
            case "eligible" -> {
                List<Node> items = RuleYaml.items(RuleYaml.get(rule, "eligible").orElse(null));
                if (e.index() < 0 || e.index() >= items.size()) {
                    throw new EditRefused("条件 " + (e.index() + 1) + " 不存在");
                }
                return exprOf(y, items.get(e.index()), expr);
            }
            case "let" -> {
                Node let = RuleYaml.get(RuleYaml.get(rule, "let").orElse(null), e.name())
                        .orElseThrow(() -> new EditRefused("中间值 " + e.name() + " 不存在"));
                return exprOf(y, let, expr);
            }
            default -> throw new EditRefused("未知的字段 " + e.field());
        }
    }

    /** Rewrites only the loop's {@code order by} clause inside the expression's characters ({@link ItemLoops}). */
    private static String loopOrder(RuleYaml y, FormEdit.LoopOrder o) {
        MappingNode owner = y.owner(o.rule());
        Node n = switch (o.field()) {
            case "amount", "cap" -> RuleYaml.get(owner, o.field()).orElse(null);
            case "eligible" -> {
                List<Node> items = RuleYaml.items(RuleYaml.get(owner, "eligible").orElse(null));
                yield o.index() >= 0 && o.index() < items.size() ? items.get(o.index()) : null;
            }
            case "let" -> RuleYaml.get(RuleYaml.get(owner, "let").orElse(null), o.name()).orElse(null);
            default -> throw new EditRefused("未知的字段 " + o.field());
        };
        Node expr = n instanceof MappingNode ? RuleYaml.get(n, "expr").orElse(null) : n;
        if (!(expr instanceof ScalarNode)) {
            throw new EditRefused("没有找到要排序的表达式");
        }
        int start = y.start(expr);
        int end = y.end(expr);
        return y.text.substring(0, start) + ItemLoops.withOrder(y.text.substring(start, end), o.loop(), o.key(), o.direction())
                + y.text.substring(end);
    }

    /** The expression of a condition or let: the scalar itself or its {@code expr} key. */
    private static String exprOf(RuleYaml y, Node item, String expr) {
        if (item instanceof ScalarNode s) {
            return replaceScalar(y, s, expr, false);
        }
        return setKey(y, (MappingNode) item, "expr", expr);
    }

    private static String newCondition(RuleYaml y, FormEdit.NewCondition c) {
        if (oneLine(c.expr(), "条件").isBlank()) {
            throw new EditRefused("请填写条件的表达式，如 manufacturing");
        }
        String item = "{ expr: " + YamlScalars.render(oneLine(c.expr(), "条件"), true)
                + (blank(c.label()) ? "" : ", label: " + YamlScalars.render(oneLine(c.label(), "说明"), true)) + " }";
        if (ScopeBlock.missing(y, c.rule())) {
            return ScopeBlock.create(y, "eligible:\n    - " + item);
        }
        return appendItem(y, y.owner(c.rule()), "eligible", item);
    }

    // ---- tests

    private static MappingNode test(RuleYaml y, String rule, int index) {
        List<Node> tests = RuleYaml.items(RuleYaml.get(y.owner(rule), "tests").orElse(null));
        if (index < 0 || index >= tests.size() || !(tests.get(index) instanceof MappingNode t)) {
            throw new EditRefused("例子 " + (index + 1) + " 不存在");
        }
        return t;
    }

    private static String testExpectation(RuleYaml y, FormEdit.TestExpectation e) {
        if (blank(e.rule())) {
            throw new EditRefused("文件级例子的预期请在 YAML 中修改（按规则分别写）");
        }
        String status = status(e.status());
        String amount = blank(e.amount()) ? null : amount(e.amount());
        MappingNode t = test(y, e.rule(), e.index());
        Node expect = RuleYaml.get(t, "expect").orElse(null);
        String flow = "{ status: " + status + (amount == null ? "" : ", amount: " + amount) + " }";
        if (expect == null) {
            return insertKey(y, t, "expect", flow);
        }
        if (expect instanceof ScalarNode s) {
            return replace(y, s, flow);
        }
        String text = setKey(y, (MappingNode) expect, "status", status);
        if (amount != null) {
            RuleYaml again = RuleYaml.parse(text);
            MappingNode ex = (MappingNode) RuleYaml.get(test(again, e.rule(), e.index()), "expect").orElseThrow();
            text = setKey(again, ex, "amount", amount);
        }
        return text;
    }

    private static String testFact(RuleYaml y, FormEdit.TestFact f) {
        String key = oneLine(f.key(), "指标").strip();
        String value = oneLine(f.value(), "值").strip();
        MappingNode t = test(y, f.rule(), f.index());
        Node facts = RuleYaml.get(t, "facts").orElse(null);
        if (!(facts instanceof MappingNode m)) {
            return facts == null ? insertKey(y, t, "facts", "{ " + YamlScalars.render(key, true) + ": "
                    + YamlScalars.render(value, true) + " }") : refuse("例子的 facts 应为映射");
        }
        return setKey(y, m, key, value);
    }

    private static String newTest(RuleYaml y, FormEdit.NewTest t) {
        String name = oneLine(t.name(), "例子名称").strip();
        if (name.isEmpty()) {
            throw new EditRefused("请填写例子名称（按条文写出门槛两侧、上限等情形）");
        }
        if (t.facts().isEmpty()) {
            throw new EditRefused("请至少填写一个企业数据（指标 = 值）");
        }
        String facts = t.facts().stream()
                .map(f -> YamlScalars.render(oneLine(f.key(), "指标").strip(), true) + ": "
                        + YamlScalars.render(oneLine(f.value(), "值").strip(), true))
                .collect(Collectors.joining(", ", "{ ", " }"));
        String status = status(t.status());
        String expect = "{ status: " + status + (blank(t.amount()) ? "" : ", amount: " + amount(t.amount())) + " }";
        String item = "name: " + YamlScalars.render(name, false) + "\n@facts: " + facts + "\n@expect: " + expect;
        return appendItem(y, y.owner(t.rule()), "tests", item);
    }

    // ---- questions

    private static String answer(String text, FormEdit.Answer a) {
        String answer = oneLine(a.answer(), "答复").strip();
        if (answer.isEmpty()) {
            throw new EditRefused("请填写答复");
        }
        Matcher m = QUESTION.matcher(text);
        int i = 0;
        while (m.find()) {
            if (i++ == a.index()) {
                return text.substring(0, m.start()) + m.group(1) + ANSWERED + m.group(2).strip() + "（答：" + answer + "）"
                        + text.substring(m.end());
            }
        }
        throw new EditRefused("待确认问题 " + (a.index() + 1) + " 不存在（可能已答复）");
    }

    // ---- text operations

    /** Sets {@code key} of a mapping to a string value: replaces its scalar, or adds the key. */
    private static String setKey(RuleYaml y, MappingNode m, String key, String value) {
        Node existing = RuleYaml.get(m, key).orElse(null);
        if (existing instanceof ScalarNode s) {
            return replaceScalar(y, s, value, RuleYaml.flow(m));
        }
        if (existing != null) {
            throw new EditRefused(key + " 的写法无法在表单中修改，请在 YAML 中修改");
        }
        boolean flow = RuleYaml.flow(m);
        return insertKey(y, m, key, value.contains("\n") && !flow ? block(value, column(y, m) + 2)
                : YamlScalars.render(value, flow));
    }

    /** Removes a key with its value from a block mapping (whole lines); absent keys leave the text as it is. */
    private static String removeKey(RuleYaml y, MappingNode m, String key) {
        ScalarNode k = RuleYaml.keyNode(m, key).orElse(null);
        if (k == null) {
            return y.text;
        }
        if (RuleYaml.flow(m)) {
            throw new EditRefused(key + " 写在一行的映射里，请在 YAML 中删除");
        }
        int from = y.text.lastIndexOf('\n', Math.max(0, y.start(k) - 1)) + 1;
        int to = lineAfter(y, contentEnd(y, RuleYaml.get(m, key).orElseThrow()));
        return y.text.substring(0, from) + y.text.substring(to);
    }

    private static String replaceScalar(RuleYaml y, ScalarNode s, String value, boolean inFlow) {
        boolean wasBlock = s.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                || s.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED;
        if (value.contains("\n") && !inFlow) {
            int start = y.start(s);
            String rendered = block(value, y.keyColumnAt(start) + 2);
            int end = y.end(s);
            if (!wasBlock) {
                rendered = rendered.substring(0, rendered.length() - 1); // the line break after the old value stays
            }
            return y.text.substring(0, start) + rendered + y.text.substring(end);
        }
        String rendered = YamlScalars.render(value, inFlow);
        if (wasBlock) {
            rendered += "\n"; // a block scalar's end is the start of the next line
        }
        return replace(y, s, rendered);
    }

    private static String block(String value, int indent) {
        String pad = " ".repeat(indent);
        return "|\n" + value.strip().lines().map(l -> pad + l.stripTrailing()).collect(Collectors.joining("\n")) + "\n";
    }

    private static String replace(RuleYaml y, Node n, String rendered) {
        return y.text.substring(0, y.start(n)) + rendered + y.text.substring(y.end(n));
    }

    /** Adds {@code key: rendered} to a mapping after its last entry, in the mapping's own style. */
    static String insertKey(RuleYaml y, MappingNode m, String key, String rendered) {
        String k = YamlScalars.render(key, RuleYaml.flow(m));
        if (RuleYaml.flow(m)) {
            int close = y.end(m) - 1;
            if (m.getValue().isEmpty()) {
                return y.text.substring(0, close) + " " + k + ": " + rendered + " " + y.text.substring(close);
            }
            int at = y.end(m.getValue().get(m.getValue().size() - 1).getValueNode());
            return y.text.substring(0, at) + ", " + k + ": " + rendered + y.text.substring(at);
        }
        int at = lineAfter(y, contentEnd(y, m));
        String indent = " ".repeat(column(y, m));
        return y.text.substring(0, at) + indent + k + ": " + rendered + (rendered.endsWith("\n") ? "" : "\n") + y.text.substring(at);
    }

    /**
     * Adds an item to the list under {@code key} of a block mapping (a rule), creating the key if absent. Lines of
     * {@code item} after the first start with '@' where they continue the same mapping.
     */
    static String appendItem(RuleYaml y, MappingNode owner, String key, String item) {
        Node list = RuleYaml.get(owner, key).orElse(null);
        if (list != null && !(list instanceof SequenceNode)) {
            throw new EditRefused(key + " 应为列表");
        }
        if (list == null || ((SequenceNode) list).getValue().isEmpty()) {
            int indent = column(y, owner);
            String dash = " ".repeat(indent + 2) + "- ";
            String body = dash + item.replace("\n@", "\n" + " ".repeat(indent + 4));
            if (list != null) { // "tests: []"
                ScalarNode k = RuleYaml.keyNode(owner, key).orElseThrow();
                return y.text.substring(0, y.start(k)) + key + ":\n" + body + y.text.substring(y.end(list));
            }
            int at = lineAfter(y, contentEnd(y, owner));
            return y.text.substring(0, at) + " ".repeat(indent) + key + ":\n" + body + "\n" + y.text.substring(at);
        }
        SequenceNode seq = (SequenceNode) list;
        if (seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            throw new EditRefused(key + " 写成了一行的列表，请在 YAML 中添加");
        }
        Node first = seq.getValue().get(0);
        int dashAt = y.text.lastIndexOf('-', y.start(first));
        int dashColumn = dashAt - (y.text.lastIndexOf('\n', dashAt) + 1);
        String body = " ".repeat(dashColumn) + "- " + item.replace("\n@", "\n" + " ".repeat(dashColumn + 2));
        int at = lineAfter(y, contentEnd(y, seq.getValue().get(seq.getValue().size() - 1)));
        return y.text.substring(0, at) + body + "\n" + y.text.substring(at);
    }

    /** End of the last character that belongs to a node (a block collection's own end mark lies after following comments). */
    static int contentEnd(RuleYaml y, Node n) {
        if (n instanceof MappingNode m && !RuleYaml.flow(m) && !m.getValue().isEmpty()) {
            return contentEnd(y, m.getValue().get(m.getValue().size() - 1).getValueNode());
        }
        if (n instanceof SequenceNode s && !RuleYaml.flow(s) && !s.getValue().isEmpty()) {
            return contentEnd(y, s.getValue().get(s.getValue().size() - 1));
        }
        return y.end(n);
    }

    /** Start of the line after {@code offset} (or {@code offset} itself if it already starts a line). */
    static int lineAfter(RuleYaml y, int offset) {
        if (offset > 0 && y.text.charAt(offset - 1) == '\n') {
            return offset;
        }
        int nl = y.text.indexOf('\n', offset);
        if (nl < 0) {
            return y.text.length();
        }
        return nl + 1;
    }

    /** Column of a block mapping's keys. */
    static int column(RuleYaml y, MappingNode m) {
        if (m.getValue().isEmpty()) {
            return m.getStartMark().getColumn();
        }
        return m.getValue().get(0).getKeyNode().getStartMark().getColumn();
    }

    // ---- values

    static String date(String s) {
        try {
            return LocalDate.parse(s.strip()).toString();
        } catch (DateTimeException e) {
            throw new EditRefused("生效日期应为 2024-01-10 这样的日期，实为 '" + s + "'");
        }
    }

    private static String status(String s) {
        String v = s == null ? "" : s.strip();
        if (!STATUSES.contains(v)) {
            throw new EditRefused("预期结论应为 符合、不符合 或 无法判断");
        }
        return v;
    }

    private static String amount(String s) {
        String v = s.strip().replace(",", "").replace("，", "");
        if (!v.matches("\\d+(\\.\\d{1,2})?")) {
            throw new EditRefused("预期金额应为元，最多两位小数（如 300000 或 6172.84），实为 '" + s + "'");
        }
        return v;
    }

    static String oneLine(String s, String what) {
        if (s == null) {
            throw new EditRefused("缺少" + what);
        }
        if (s.contains("\n") && !"条件".equals(what)) {
            throw new EditRefused(what + "不能换行");
        }
        return s;
    }

    private static String refuse(String message) {
        throw new EditRefused(message);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
