package huiqi.rules.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The {@code classes} of a rule file and the checks on them. Class names are one namespace across documents, so
 * a class is declared where it is used: {@code classes: { 用电奖励: 春节及一季度用电奖励 }} or
 * {@code { 用电奖励: { label: …, shared: true } }} when other documents deliberately use the same class.
 * In a file that declares classes, a rule's undeclared class is an error (a typo would silently make a new
 * class); a file without {@code classes} gets a warning. Across documents {@link #acrossDocuments} warns.
 */
final class RuleClasses {
    private RuleClasses() {
    }

    static Map<String, RuleClass> read(Node n, YamlDoc doc, Problems problems) {
        Map<String, RuleClass> out = new LinkedHashMap<>();
        if (n == null || YamlDoc.isNull(n)) {
            return out;
        }
        for (Map.Entry<String, Node> e : doc.map(n, "classes").entrySet()) {
            problems.run(() -> {
                Node v = e.getValue();
                SourcePos pos = doc.pos(v);
                if (v instanceof ScalarNode) {
                    out.put(e.getKey(), new RuleClass(e.getKey(), doc.string(v, e.getKey()), false, pos));
                    return;
                }
                Map<String, Node> m = doc.map(v, "同类政策 " + e.getKey());
                doc.requireKnownKeys(m, v, Set.of("label", "shared"), "同类政策 " + e.getKey(), problems);
                String label = m.containsKey("label") ? doc.string(m.get("label"), "label") : e.getKey();
                boolean shared = false;
                if (m.containsKey("shared")) {
                    String s = doc.string(m.get("shared"), "shared");
                    if (!s.equals("true") && !s.equals("false")) {
                        throw doc.problem(m.get("shared"), "shared 应为 true 或 false，实为 '" + s + "'");
                    }
                    shared = s.equals("true");
                }
                out.put(e.getKey(), new RuleClass(e.getKey(), label, shared, pos));
            });
        }
        return out;
    }

    /** Every rule's class is declared (error where the file declares classes, warning where it declares none). */
    static void checkDeclared(Map<String, RuleClass> declared, List<Rule> rules, Problems problems) {
        for (Rule r : rules) {
            if (r.ruleClass() == null || declared.containsKey(r.ruleClass())) {
                continue;
            }
            if (declared.isEmpty()) {
                problems.warning(r.pos(), "规则 " + r.id() + " 的同类政策标签 '" + r.ruleClass()
                        + "' 没有在文件的 classes 中声明（同名标签跨文件生效，取高不重复时会互相排除）");
            } else {
                problems.error(r.pos(), "规则 " + r.id() + " 的同类政策标签 '" + r.ruleClass() + "' 没有在 classes 中声明（已声明："
                        + String.join("、", declared.keySet()) + "）");
            }
        }
    }

    /**
     * A class used by rules of several documents, unless every one of them declares it {@code shared}: warned, since
     * 取高不重复 then lets one document's benefit suppress another's.
     */
    static List<RuleProblem> acrossDocuments(List<RuleFile> files) {
        Map<String, List<RuleFile>> users = new LinkedHashMap<>();
        for (RuleFile f : files) {
            f.rules().stream().map(Rule::ruleClass).filter(c -> c != null).distinct()
                    .forEach(c -> users.computeIfAbsent(c, x -> new ArrayList<>()).add(f));
        }
        List<RuleProblem> out = new ArrayList<>();
        users.forEach((name, fs) -> {
            if (fs.size() < 2 || fs.stream().allMatch(f -> f.classes().containsKey(name) && f.classes().get(name).shared())) {
                return;
            }
            for (int i = 1; i < fs.size(); i++) {
                RuleFile f = fs.get(i);
                Rule first = f.rules().stream().filter(r -> name.equals(r.ruleClass())).findFirst().orElseThrow();
                List<String> others = fs.stream().filter(o -> o != f).map(RuleFile::document).toList();
                boolean highest = fs.stream().flatMap(o -> o.rules().stream())
                        .anyMatch(r -> name.equals(r.ruleClass()) && r.stacking() == Stacking.HIGHEST_ONLY);
                out.add(new RuleProblem(first.pos(), "同类政策标签 '" + name + "' 也用于 " + String.join("、", others)
                        + (highest ? "：其中有规则取高不重复，这些文件的同类规则会互相排除" : "：目前都可叠加")
                        + "；确属同一类政策请在各文件 classes 中写 { shared: true }，否则请改用本文件自己的标签", Severity.WARNING));
            }
        });
        return out;
    }
}
