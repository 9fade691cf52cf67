package huiqi.web.rules.editor;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The editor's model: a rule file's text composed into YAML nodes that keep their positions, so a form edit
 * replaces exactly the characters of one value and leaves every other byte (comments, anchors, layout) alone.
 * Lookups read explicit keys only: a value that comes through a merge key ({@code <<}) is not edited in place.
 */
final class RuleYaml {
    final String text;
    final MappingNode top;

    private RuleYaml(String text, MappingNode top) {
        this.text = text;
        this.top = top;
    }

    /** @throws EditRefused if the text is not a YAML mapping (the check shows the syntax error at its position) */
    static RuleYaml parse(String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new EditRefused("YAML 有语法错误，请先在“查看 YAML”中改正（见检查结果）");
        }
        if (!(root instanceof MappingNode m)) {
            throw new EditRefused("规则文件应为映射（document、rules 等键）");
        }
        return new RuleYaml(text, m);
    }

    static Optional<Node> get(Node mapping, String key) {
        if (mapping instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return Optional.of(t.getValueNode());
                }
            }
        }
        return Optional.empty();
    }

    static Optional<ScalarNode> keyNode(Node mapping, String key) {
        if (mapping instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return Optional.of(k);
                }
            }
        }
        return Optional.empty();
    }

    static String string(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    static List<Node> items(Node n) {
        return n instanceof SequenceNode s ? s.getValue() : List.of();
    }

    List<MappingNode> rules() {
        List<MappingNode> out = new ArrayList<>();
        get(top, "rules").ifPresent(r -> items(r).forEach(n -> {
            if (n instanceof MappingNode m) {
                out.add(m);
            }
        }));
        return out;
    }

    Optional<MappingNode> rule(String id) {
        return rules().stream().filter(r -> id.equals(get(r, "id").map(RuleYaml::string).orElse(null))).findFirst();
    }

    /**
     * What the form sends as the "rule" of an edit to the document scope ({@code scope:}, conditions and derived values
     * shared by every rule); rule ids always hold a '/', so it names no rule.
     */
    static final String SCOPE = "scope";

    /** The document scope's mapping, if the file has one. */
    Optional<MappingNode> scope() {
        return get(top, "scope").filter(MappingNode.class::isInstance).map(MappingNode.class::cast);
    }

    /** The rule, the document scope ({@link #SCOPE}), or the file level when {@code ruleId} is blank. */
    MappingNode owner(String ruleId) {
        if (ruleId == null || ruleId.isBlank()) {
            return top;
        }
        if (SCOPE.equals(ruleId)) {
            if (get(top, "scope").isPresent() && scope().isEmpty()) {
                throw new EditRefused("scope 的写法无法在表单中修改，请在 YAML 中修改");
            }
            return scope().orElseThrow(() -> new EditRefused("文件还没有适用范围：请先添加一个全文件共用的条件或中间值"));
        }
        return rule(ruleId).orElseThrow(() -> new EditRefused("规则 " + ruleId + " 不在文件中"));
    }

    /** Character offset in {@link #text} of a mark (SnakeYAML counts code points). */
    int offset(Mark m) {
        return text.offsetByCodePoints(0, Math.min(m.getIndex(), text.codePointCount(0, text.length())));
    }

    int start(Node n) {
        return offset(n.getStartMark());
    }

    int end(Node n) {
        return offset(n.getEndMark());
    }

    /** 1-based line of a character offset. */
    int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Whitespace before the first character of the line holding {@code offset}. */
    String indentAt(int offset) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        int i = lineStart;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return text.substring(lineStart, i);
    }

    /** Column of the first key on the line holding {@code offset} (after a list item's "- "). */
    int keyColumnAt(int offset) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-' && i + 1 < text.length() && text.charAt(i + 1) == ' ')) {
            i++;
        }
        return i - lineStart;
    }

    static boolean flow(Node n) {
        return n instanceof MappingNode m ? m.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW
                : n instanceof SequenceNode s && s.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW;
    }
}
