package huiqi.web.rules.editor;

import huiqi.rules.draft.Category;
import huiqi.web.policy.TextSegments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the editor's form ({@link RuleSetForm}) out of a rule file's text, tolerating values the checker will reject. */
final class FormReader {
    private final RuleYaml y;
    private final Map<Integer, String> measureTexts;

    private FormReader(RuleYaml y, Map<Integer, String> measureTexts) {
        this.y = y;
        this.measureTexts = measureTexts;
    }

    /** @param measureTexts the document's measures (number → text), for the clause beside each rule */
    static RuleSetForm read(String text, Map<Integer, String> measureTexts) {
        RuleYaml y = RuleYaml.parse(text);
        try {
            return new FormReader(y, measureTexts).form();
        } catch (ClassCastException | IllegalArgumentException e) { // e.g. a list where a name belongs
            throw new EditRefused("这份 YAML 的结构无法显示为表单，请在“查看 YAML”中按检查结果修改");
        }
    }

    private RuleSetForm form() {
        List<RuleSetForm.Question> questions = questions();
        List<RuleSetForm.RuleForm> rules = new ArrayList<>();
        for (MappingNode r : y.rules()) {
            rules.add(rule(r, questions));
        }
        List<RuleSetForm.Unencoded> unencoded = new ArrayList<>();
        RuleYaml.get(y.top, "unencoded").ifPresent(u -> RuleYaml.items(u).forEach(n -> {
            int measure = number(RuleYaml.get(n, "measure").map(RuleYaml::string).orElse(null));
            String code = RuleYaml.get(n, "category").map(RuleYaml::string).orElse("");
            String category;
            try {
                category = Category.ofCode(code).label;
            } catch (IllegalArgumentException e) {
                category = code;
            }
            unencoded.add(new RuleSetForm.Unencoded(measure, category,
                    RuleYaml.get(n, "reason").map(RuleYaml::string).orElse(""), clause(measure, List.of())));
        }));
        return new RuleSetForm(RuleYaml.get(y.top, "document").map(RuleYaml::string).orElse(""),
                parameters("", y.top), rules, unencoded, questions, tests("", y.top), huiqi.rules.file.NewIndicators.of(y.text),
                scope());
    }

    private RuleSetForm.Scope scope() {
        MappingNode scope = y.scope().orElse(null);
        if (scope == null) {
            return new RuleSetForm.Scope(RuleYaml.get(y.top, "scope").isPresent(), List.of(), List.of());
        }
        return new RuleSetForm.Scope(true, lets(scope, RuleYaml.SCOPE), conditions(scope, RuleYaml.SCOPE));
    }

    private List<RuleSetForm.Expression> lets(MappingNode owner, String id) {
        List<RuleSetForm.Expression> lets = new ArrayList<>();
        RuleYaml.get(owner, "let").ifPresent(l -> {
            if (l instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    String name = ((ScalarNode) t.getKeyNode()).getValue();
                    lets.add(expression("let", -1, name, t.getValueNode(), id));
                }
            }
        });
        return lets;
    }

    private List<RuleSetForm.Expression> conditions(MappingNode owner, String id) {
        List<RuleSetForm.Expression> conditions = new ArrayList<>();
        List<Node> eligible = RuleYaml.items(RuleYaml.get(owner, "eligible").orElse(null));
        for (int i = 0; i < eligible.size(); i++) {
            conditions.add(expression("eligible", i, null, eligible.get(i), id));
        }
        return conditions;
    }

    private RuleSetForm.RuleForm rule(MappingNode r, List<RuleSetForm.Question> questions) {
        String id = str(r, "id");
        int measure = number(str(r, "measure"));
        String quote = str(r, "quote");
        List<RuleSetForm.Expression> lets = lets(r, id);
        List<RuleSetForm.Expression> conditions = conditions(r, id);
        RuleSetForm.Expression amount = expression("amount", -1, null, RuleYaml.get(r, "amount").orElse(null), id);
        RuleSetForm.Expression cap = expression("cap", -1, null, RuleYaml.get(r, "cap").orElse(null), id);
        int from = y.start(r);
        int to = y.end(r);
        List<RuleSetForm.Question> mine = questions.stream()
                .filter(q -> q.rule() != null && q.rule().equals(id)).toList();
        Node payerNode = RuleYaml.get(r, "payer").orElse(null);
        return new RuleSetForm.RuleForm(id, measure, str(r, "title"), quote, str(r, "kind"), str(r, "delivery"),
                payer(r), RuleYaml.get(payerNode, "level").map(RuleYaml::string).orElse(""),
                RuleYaml.get(payerNode, "department").map(RuleYaml::string).orElse(""), clause(measure, quote == null ? List.of() : List.of(quote)), parameters(id, r), lets,
                conditions, amount, cap, tests(id, r), mine, borne(r, "field"), borne(r, "verb"));
    }

    /** borne_by's field or verb as written ({@code borne_by: lessor} is the field alone); "" when absent. */
    private static String borne(MappingNode r, String key) {
        Node b = RuleYaml.get(r, "borne_by").orElse(null);
        if (b instanceof ScalarNode s) {
            return "field".equals(key) ? s.getValue() : "";
        }
        return RuleYaml.get(b, key).map(RuleYaml::string).orElse("");
    }

    private RuleSetForm.Expression expression(String field, int index, String name, Node n, String rule) {
        String key = Fields.key(field, rule, index, name);
        if (n == null) {
            return new RuleSetForm.Expression(field, index, name, null, "", key, List.of());
        }
        if (n instanceof ScalarNode s) {
            return new RuleSetForm.Expression(field, index, name, null, s.getValue().strip(), key, loops(s.getValue()));
        }
        String expr = RuleYaml.get(n, "expr").map(RuleYaml::string).orElse("");
        return new RuleSetForm.Expression(field, index, name, RuleYaml.get(n, "label").map(RuleYaml::string).orElse(null),
                expr.strip(), key, loops(expr));
    }

    private static List<RuleSetForm.Loop> loops(String expr) {
        List<ItemLoops.Loop> found = ItemLoops.in(expr);
        List<RuleSetForm.Loop> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            ItemLoops.Loop l = found.get(i);
            out.add(new RuleSetForm.Loop(i, l.variable(), l.kind(), l.key(), l.descending()));
        }
        return out;
    }

    private List<RuleSetForm.Parameter> parameters(String rule, MappingNode owner) {
        List<RuleSetForm.Parameter> out = new ArrayList<>();
        Node params = RuleYaml.get(owner, "parameters").orElse(null);
        if (!(params instanceof MappingNode pm)) {
            return out;
        }
        for (NodeTuple t : pm.getValue()) {
            String name = ((ScalarNode) t.getKeyNode()).getValue();
            Node p = t.getValueNode();
            List<RuleSetForm.Value> values = new ArrayList<>();
            if (p instanceof ScalarNode s) {
                values.add(value("", s.getValue(), rule, name));
                out.add(new RuleSetForm.Parameter(rule, name, null, null, Fields.key("source", rule, -1, name), values));
                continue;
            }
            RuleYaml.get(p, "value").map(RuleYaml::string).ifPresent(v -> values.add(value("", v, rule, name)));
            RuleYaml.get(p, "values").ifPresent(vs -> {
                if (vs instanceof MappingNode vm) {
                    for (NodeTuple d : vm.getValue()) {
                        values.add(value(((ScalarNode) d.getKeyNode()).getValue(), RuleYaml.string(d.getValueNode()), rule, name));
                    }
                }
            });
            out.add(new RuleSetForm.Parameter(rule, name, RuleYaml.get(p, "label").map(RuleYaml::string).orElse(null),
                    RuleYaml.get(p, "source").map(RuleYaml::string).orElse(null), Fields.key("source", rule, -1, name), values));
        }
        return out;
    }

    private static RuleSetForm.Value value(String date, String literal, String rule, String name) {
        String lit = literal == null ? "" : literal;
        return new RuleSetForm.Value(date, lit, Quantities.human(lit).orElse(lit),
                Fields.key("param", rule, -1, name + (date.isEmpty() ? "" : "@" + date)));
    }

    private List<RuleSetForm.Test> tests(String rule, MappingNode owner) {
        List<RuleSetForm.Test> out = new ArrayList<>();
        List<Node> tests = RuleYaml.items(RuleYaml.get(owner, "tests").orElse(null));
        for (int i = 0; i < tests.size(); i++) {
            Node t = tests.get(i);
            List<RuleSetForm.Fact> facts = new ArrayList<>();
            boolean inherits = false;
            Node fn = RuleYaml.get(t, "facts").orElse(null);
            if (fn instanceof MappingNode fm) {
                for (NodeTuple f : fm.getValue()) {
                    String k = ((ScalarNode) f.getKeyNode()).getValue();
                    if ("<<".equals(k)) {
                        inherits = true;
                        continue;
                    }
                    String v = f.getValueNode() instanceof ScalarNode s ? s.getValue() : "（列表）";
                    facts.add(new RuleSetForm.Fact(k, v));
                }
            }
            Node ex = RuleYaml.get(t, "expect").orElse(null);
            String status = ex instanceof ScalarNode s ? s.getValue() : RuleYaml.get(ex, "status").map(RuleYaml::string).orElse("");
            String amount = ex instanceof MappingNode ? RuleYaml.get(ex, "amount").map(RuleYaml::string).orElse("") : "";
            out.add(new RuleSetForm.Test(i, RuleYaml.get(t, "name").map(RuleYaml::string).orElse("（未命名）"), facts,
                    inherits, status, amount, Fields.key("test", rule, i, null)));
        }
        return out;
    }

    /** The open questions, each with the rule it stands in, or else the measure entry (unencoded) it follows. */
    private List<RuleSetForm.Question> questions() {
        List<RuleSetForm.Question> out = new ArrayList<>();
        List<Node> unencoded = RuleYaml.items(RuleYaml.get(y.top, "unencoded").orElse(null));
        Matcher m = YamlEditor.QUESTION.matcher(y.text);
        int i = 0;
        while (m.find()) {
            int at = m.start();
            MappingNode rule = y.rules().stream().filter(r -> y.start(r) <= at && at < y.end(r)).findFirst().orElse(null);
            String where = "文件";
            if (rule != null) {
                where = "第" + number(str(rule, "measure")) + "条";
            } else {
                for (Node u : unencoded) {
                    if (y.start(u) < at) {
                        where = "第" + number(RuleYaml.get(u, "measure").map(RuleYaml::string).orElse(null)) + "条";
                    }
                }
            }
            out.add(new RuleSetForm.Question(i++, y.lineOf(at), m.group(2).strip(), rule == null ? null : str(rule, "id"), where));
        }
        return out;
    }

    private List<TextSegments.Segment> clause(int measure, List<String> quotes) {
        String text = measureTexts.get(measure);
        return text == null ? List.of() : TextSegments.mark(text, quotes);
    }

    private static String payer(MappingNode r) {
        Optional<Node> p = RuleYaml.get(r, "payer");
        if (p.isEmpty()) {
            return RuleYaml.get(r, "payers").isPresent() ? "多个付款方（见 YAML）" : "";
        }
        Node n = p.get();
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        String level = RuleYaml.get(n, "level").map(RuleYaml::string).orElse("");
        String dept = RuleYaml.get(n, "department").map(RuleYaml::string).orElse("");
        return (level + " " + dept).strip();
    }

    private static String str(MappingNode m, String key) {
        return RuleYaml.get(m, key).map(RuleYaml::string).orElse(null);
    }

    private static int number(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
