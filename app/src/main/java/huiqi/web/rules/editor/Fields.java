package huiqi.web.rules.editor;

import huiqi.rules.file.RuleProblem;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The form's editable values and where they are in the text, so a problem the loader reports at line:column is
 * shown at its field, at the character it concerns (e.g. the unknown name inside an amount expression).
 */
final class Fields {
    /** A located problem: the field it belongs to (null if none) and the character offset inside the field's value. */
    record Placed(String field, int offset) {
    }

    private record Located(String key, Node node, boolean whole) {
    }

    private final RuleYaml y;
    private final List<Located> located = new ArrayList<>();
    private final int[] lineStarts;

    private Fields(RuleYaml y) {
        this.y = y;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < y.text.length(); i++) {
            if (y.text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    static String key(String field, String rule, int index, String name) {
        return field + ":" + (rule == null ? "" : rule) + (index >= 0 ? ":" + index : "") + (name == null ? "" : ":" + name);
    }

    static Fields of(RuleYaml y) {
        Fields f = new Fields(y);
        f.parameters("", y.top);
        f.tests("", y.top);
        y.scope().ifPresent(scope -> f.expressions(RuleYaml.SCOPE, scope));
        for (MappingNode r : y.rules()) {
            String id = RuleYaml.get(r, "id").map(RuleYaml::string).orElse("");
            RuleYaml.get(r, "borne_by").ifPresent(n -> f.located.add(new Located(key("borne_by", id, -1, null), n, true)));
            f.parameters(id, r);
            RuleYaml.get(r, "let").ifPresent(l -> {
                if (l instanceof MappingNode m) {
                    for (NodeTuple t : m.getValue()) {
                        f.expression(key("let", id, -1, ((ScalarNode) t.getKeyNode()).getValue()), t.getValueNode());
                    }
                }
            });
            List<Node> eligible = RuleYaml.items(RuleYaml.get(r, "eligible").orElse(null));
            for (int i = 0; i < eligible.size(); i++) {
                f.expression(key("eligible", id, i, null), eligible.get(i));
            }
            RuleYaml.get(r, "amount").ifPresent(n -> f.expression(key("amount", id, -1, null), n));
            RuleYaml.get(r, "cap").ifPresent(n -> f.expression(key("cap", id, -1, null), n));
            RuleYaml.get(r, "quote").ifPresent(n -> f.located.add(new Located(key("quote", id, -1, null), n, false)));
            f.tests(id, r);
            f.located.add(new Located(key("rule", id, -1, null), r, true));
        }
        return f;
    }

    /** The derived values and conditions of a rule-like mapping (the document scope). */
    private void expressions(String id, MappingNode owner) {
        RuleYaml.get(owner, "let").ifPresent(l -> {
            if (l instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    expression(key("let", id, -1, ((ScalarNode) t.getKeyNode()).getValue()), t.getValueNode());
                }
            }
        });
        List<Node> eligible = RuleYaml.items(RuleYaml.get(owner, "eligible").orElse(null));
        for (int i = 0; i < eligible.size(); i++) {
            expression(key("eligible", id, i, null), eligible.get(i));
        }
    }

    private void expression(String key, Node n) {
        Node e = n instanceof MappingNode ? RuleYaml.get(n, "expr").orElse(n) : n;
        located.add(new Located(key, e, !(e instanceof ScalarNode)));
    }

    private void parameters(String rule, MappingNode owner) {
        Node params = RuleYaml.get(owner, "parameters").orElse(null);
        if (!(params instanceof MappingNode pm)) {
            return;
        }
        for (NodeTuple t : pm.getValue()) {
            String name = ((ScalarNode) t.getKeyNode()).getValue();
            Node p = t.getValueNode();
            if (p instanceof ScalarNode) {
                located.add(new Located(key("param", rule, -1, name), p, false));
                continue;
            }
            RuleYaml.get(p, "value").ifPresent(v -> located.add(new Located(key("param", rule, -1, name), v, false)));
            RuleYaml.get(p, "source").ifPresent(v -> located.add(new Located(key("source", rule, -1, name), v, false)));
            RuleYaml.get(p, "values").ifPresent(vs -> {
                if (vs instanceof MappingNode vm) {
                    for (NodeTuple d : vm.getValue()) {
                        String date = ((ScalarNode) d.getKeyNode()).getValue();
                        located.add(new Located(key("param", rule, -1, name + "@" + date), d.getKeyNode(), true));
                        located.add(new Located(key("param", rule, -1, name + "@" + date), d.getValueNode(), false));
                    }
                }
            });
            located.add(new Located(key("param", rule, -1, name), p, true));
        }
    }

    private void tests(String rule, MappingNode owner) {
        List<Node> tests = RuleYaml.items(RuleYaml.get(owner, "tests").orElse(null));
        for (int i = 0; i < tests.size(); i++) {
            located.add(new Located(key("test", rule, i, null), tests.get(i), true));
        }
    }

    /** The field of the innermost value holding 1-based line:column (SourcePos counts code points in a line). */
    Placed place(RuleProblem p) {
        int offset = offsetOf(p.pos().line(), p.pos().column());
        Located best = null;
        int bestLength = Integer.MAX_VALUE;
        for (Located l : located) {
            int s = y.start(l.node());
            int e = Math.max(y.end(l.node()) + (l.whole() ? 0 : 1), s + 1);
            if (offset >= s && offset < e && e - s < bestLength) {
                best = l;
                bestLength = e - s;
            }
        }
        if (best == null) {
            return new Placed(null, -1);
        }
        return new Placed(best.key(), best.whole() ? -1 : inside((ScalarNode) best.node(), offset));
    }

    /** Character offset in the text of 1-based line:column. */
    int offsetOf(int line, int column) {
        int l = Math.max(1, Math.min(line, lineStarts.length)) - 1;
        int start = lineStarts[l];
        int end = l + 1 < lineStarts.length ? lineStarts[l + 1] : y.text.length();
        try {
            return Math.min(end, y.text.offsetByCodePoints(start, Math.max(0, column - 1)));
        } catch (IndexOutOfBoundsException e) {
            return end;
        }
    }

    /** Offset inside a scalar's value of a text offset: quotes and a block scalar's indentation are not counted. */
    private int inside(ScalarNode s, int offset) {
        int start = y.start(s);
        DumperOptions.ScalarStyle style = s.getScalarStyle();
        if (style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED) {
            int firstLine = y.text.indexOf('\n', start) + 1;
            String indent = y.indentAt(firstLine);
            int valueOffset = 0;
            int lineStart = firstLine;
            while (lineStart < offset) {
                int nl = y.text.indexOf('\n', lineStart);
                if (nl < 0 || nl >= offset) {
                    return valueOffset + Math.max(0, offset - lineStart - indent.length());
                }
                valueOffset += Math.max(0, nl - lineStart - indent.length()) + 1;
                lineStart = nl + 1;
            }
            return valueOffset;
        }
        boolean quoted = style == DumperOptions.ScalarStyle.DOUBLE_QUOTED || style == DumperOptions.ScalarStyle.SINGLE_QUOTED;
        return Math.max(0, Math.min(s.getValue().length(), offset - start - (quoted ? 1 : 0)));
    }
}
