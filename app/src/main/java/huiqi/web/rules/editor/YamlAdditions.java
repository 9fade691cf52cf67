package huiqi.web.rules.editor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The form's structural edits, done on the text as {@link YamlEditor} does the others: a new parameter, a new
 * derived value ({@code let}), a whole new rule, and taking a rule out. Everything else stays byte for byte.
 */
final class YamlAdditions {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,47}");

    private YamlAdditions() {
    }

    static String newParameter(RuleYaml y, FormEdit.NewParameter p) {
        MappingNode owner = y.owner(p.rule());
        String name = name(p.name(), "参数名", "per_person");
        unused(y, owner, name);
        String literal = YamlEditor.oneLine(p.literal(), "参数值").strip();
        if (literal.isEmpty()) {
            throw new EditRefused("请填写参数值，如 300元/人、30万元、50%");
        }
        StringBuilder v = new StringBuilder("{ ");
        if (YamlEditor.blank(p.date())) {
            v.append("value: ").append(YamlScalars.render(literal, true));
        } else {
            v.append("values: { ").append(YamlEditor.date(p.date())).append(": ").append(YamlScalars.render(literal, true)).append(" }");
        }
        if (!YamlEditor.blank(p.source())) {
            v.append(", source: ").append(YamlScalars.quoted(YamlEditor.oneLine(p.source(), "来源").strip()));
        }
        if (!YamlEditor.blank(p.label())) {
            v.append(", label: ").append(YamlScalars.render(YamlEditor.oneLine(p.label(), "说明").strip(), true));
        }
        return putUnder(y, owner, "parameters", name, v.append(" }").toString());
    }

    static String newLet(RuleYaml y, FormEdit.NewLet l) {
        if (YamlEditor.blank(l.rule())) {
            throw new EditRefused("中间值属于一条规则：请在规则的卡片中添加");
        }
        String name = name(l.name(), "中间值的名字", "staff");
        String expr = YamlEditor.oneLine(l.expr(), "表达式").strip();
        if (expr.isEmpty()) {
            throw new EditRefused("请填写中间值的表达式，如 spring_festival_stable_staff[2023-01]");
        }
        String v = "{ expr: " + YamlScalars.quoted(expr)
                + (YamlEditor.blank(l.label()) ? "" : ", label: " + YamlScalars.render(YamlEditor.oneLine(l.label(), "说明").strip(), true))
                + " }";
        if (ScopeBlock.missing(y, l.rule())) {
            return ScopeBlock.create(y, "let:\n    " + name + ": " + v);
        }
        MappingNode rule = y.owner(l.rule());
        unused(y, rule, name);
        return putUnder(y, rule, "let", name, v);
    }

    static String newRule(RuleYaml y, FormEdit.NewRule r) {
        String policy = policyOf(y, r.policyId());
        int measures = RuleYaml.get(y.top, "measures").map(RuleYaml::string).filter(s -> s.strip().matches("\\d+"))
                .map(s -> Integer.parseInt(s.strip())).orElse(Integer.MAX_VALUE);
        if (r.measure() < 1 || r.measure() > measures) {
            throw new EditRefused("措施应为第 1 至第 " + measures + " 条");
        }
        String title = YamlEditor.oneLine(r.title(), "标题").strip();
        String quote = YamlEditor.oneLine(r.quote(), "引用的原文").strip();
        if (title.isEmpty() || quote.isEmpty()) {
            throw new EditRefused("请填写规则的标题和它引用的原文（从条文中复制给付的那一句）");
        }
        String id = freeId(y, policy + "/" + r.measure());
        String item = "id: " + id + "\n@measure: " + r.measure() + "\n@title: " + YamlScalars.render(title, false)
                + "\n@quote: " + YamlScalars.render(quote, false) + "\n@kind: " + YamlScalars.render(r.kind().strip(), false)
                + "\n@delivery: " + YamlScalars.render(r.delivery().strip(), false);
        return YamlEditor.appendItem(y, y.top, "rules", item);
    }

    static String removeRule(RuleYaml y, FormEdit.RemoveRule r) {
        MappingNode rule = y.owner(r.rule());
        if (rule == y.top) {
            throw new EditRefused("请选择要删除的规则");
        }
        List<MappingNode> rules = y.rules();
        if (rules.size() == 1) {
            throw new EditRefused("规则文件至少要有一条规则");
        }
        String measure = RuleYaml.get(rule, "measure").map(RuleYaml::string).orElse("").strip();
        boolean covered = rules.stream().anyMatch(o -> o != rule
                && measure.equals(RuleYaml.get(o, "measure").map(RuleYaml::string).orElse("").strip()));
        String reason = r.reason() == null ? "" : YamlEditor.oneLine(r.reason(), "理由").strip();
        if (!covered && reason.isEmpty()) {
            throw new EditRefused("第" + measure + "条没有其它规则：请写明为什么不编码（记入“未编码的措施”）");
        }
        int dash = y.text.lastIndexOf('-', y.start(rule));
        int from = y.text.lastIndexOf('\n', dash) + 1;
        int to = YamlEditor.lineAfter(y, YamlEditor.contentEnd(y, rule));
        String text = y.text.substring(0, from) + y.text.substring(to);
        if (covered) {
            return text;
        }
        RuleYaml after = RuleYaml.parse(text);
        return YamlEditor.appendItem(after, after.top, "unencoded", "{ measure: " + measure
                + ", category: not-encodable, reason: " + YamlScalars.quoted(reason) + " }");
    }

    /**
     * Proposes an indicator the catalog lacks: appended to new_indicators: (created at the end of the file). The
     * fields are checked here as far as the form can say what is wrong at once; the loader checks them all against
     * the catalog, and so does the check as you type.
     */
    static String newIndicator(RuleYaml y, FormEdit.NewIndicator i) {
        String id = name(i.id(), "指标 id", "retail_sales");
        if (huiqi.rules.file.NewIndicators.of(y.text).stream().anyMatch(p -> p.id().equals(id))) {
            throw new EditRefused("新指标 " + id + " 已经提出过");
        }
        String name = YamlEditor.oneLine(i.name(), "中文名").strip();
        if (!name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) || name.length() > 60) {
            throw new EditRefused("中文名应含汉字，不超过 60 个字（企业和经办人看到的名称）");
        }
        String unit = YamlEditor.oneLine(i.unit() == null ? "" : i.unit(), "单位").strip();
        String granularity = i.granularity().strip();
        if (!List.of("day", "month", "quarter", "year").contains(granularity)) {
            throw new EditRefused("报送粒度应为 按日、按月、按季 或 按年");
        }
        String source = YamlEditor.oneLine(i.source(), "报送部门").strip();
        if (source.isEmpty()) {
            throw new EditRefused("请写明报送数据的部门（如 区商务局）");
        }
        String sign = i.sign() == null || i.sign().isBlank() ? "nonnegative" : i.sign().strip();
        if (!List.of("nonnegative", "any").contains(sign)) {
            throw new EditRefused("取值范围应为 不为负 或 可为负");
        }
        String item = "{ id: " + id + ", name: " + YamlScalars.render(name, true) + ", unit: " + YamlScalars.quoted(unit)
                + ", granularity: " + granularity + ", source: " + YamlScalars.render(source, true)
                + (sign.equals("any") ? ", sign: any" : "") + (i.integral() ? ", integral: true" : "") + " }";
        Node list = RuleYaml.get(y.top, huiqi.rules.file.NewIndicators.KEY).orElse(null);
        if (list == null) {
            String before = y.text.endsWith("\n") ? y.text : y.text + "\n";
            return before + huiqi.rules.file.NewIndicators.KEY + ":\n  - " + item + "\n";
        }
        return YamlEditor.appendItem(y, y.top, huiqi.rules.file.NewIndicators.KEY, item);
    }

    /** Adds {@code name: value} under {@code key} of a mapping, creating {@code key} (a block mapping) if absent. */
    private static String putUnder(RuleYaml y, MappingNode owner, String key, String name, String value) {
        Node under = RuleYaml.get(owner, key).orElse(null);
        if (under instanceof MappingNode m) {
            return YamlEditor.insertKey(y, m, name, value);
        }
        if (under != null && !(under instanceof ScalarNode s && s.getValue().isEmpty())) {
            throw new EditRefused(key + " 的写法无法在表单中修改，请在 YAML 中修改");
        }
        int indent = owner == y.top ? 0 : YamlEditor.column(y, owner);
        String lines = " ".repeat(indent) + key + ":\n" + " ".repeat(indent + 2) + name + ": " + value + "\n";
        if (under != null) { // "let:" with nothing after it
            ScalarNode k = RuleYaml.keyNode(owner, key).orElseThrow();
            int from = y.text.lastIndexOf('\n', y.start(k)) + 1;
            return y.text.substring(0, from) + lines + y.text.substring(YamlEditor.lineAfter(y, y.end(k)));
        }
        int at = YamlEditor.lineAfter(y, YamlEditor.contentEnd(y, owner));
        String before = y.text.substring(0, at);
        return before + (before.isEmpty() || before.endsWith("\n") ? "" : "\n") + lines + y.text.substring(at);
    }

    private static String name(String raw, String what, String example) {
        String name = raw == null ? "" : raw.strip();
        if (!NAME.matcher(name).matches()) {
            throw new EditRefused(what + "只能用小写字母、数字和下划线，以字母开头（如 " + example + "），实为 '" + name + "'");
        }
        return name;
    }

    /** A name may be used once in a rule: among its parameters, its lets and the file's parameters. */
    private static void unused(RuleYaml y, MappingNode owner, String name) {
        Set<String> taken = new HashSet<>();
        for (MappingNode m : owner == y.top ? List.of(y.top) : List.of(owner, y.top)) {
            for (String key : List.of("parameters", "let")) {
                RuleYaml.get(m, key).ifPresent(n -> keys(n).forEach(taken::add));
            }
        }
        if (taken.contains(name)) {
            throw new EditRefused("名字 " + name + " 已在使用：请换一个名字");
        }
    }

    private static List<String> keys(Node n) {
        List<String> out = new ArrayList<>();
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    out.add(k.getValue());
                }
            }
        }
        return out;
    }

    private static String policyOf(RuleYaml y, String given) {
        if (!YamlEditor.blank(given)) {
            return given.strip();
        }
        for (MappingNode r : y.rules()) {
            String id = RuleYaml.get(r, "id").map(RuleYaml::string).orElse("");
            if (id.contains("/")) {
                return id.substring(0, id.indexOf('/'));
            }
        }
        throw new EditRefused("不知道规则属于哪个文件");
    }

    /** {@code base} if no rule uses it or a numbered variant of it, else base-(n+1) after the highest used. */
    private static String freeId(RuleYaml y, String base) {
        Pattern numbered = Pattern.compile(Pattern.quote(base) + "-(\\d+)");
        boolean baseTaken = false;
        int highest = 0;
        for (MappingNode r : y.rules()) {
            String id = RuleYaml.get(r, "id").map(RuleYaml::string).orElse("").strip();
            Matcher m = numbered.matcher(id);
            if (id.equals(base)) {
                baseTaken = true;
                highest = Math.max(highest, 1);
            } else if (m.matches()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        }
        return !baseTaken && highest == 0 ? base : base + "-" + (highest + 1);
    }
}
