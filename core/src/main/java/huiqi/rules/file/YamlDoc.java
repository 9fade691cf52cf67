package huiqi.rules.file;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A composed YAML document with its raw text, so any node — and any character inside a scalar — can be
 * reported as file:line:column. Mapping access honours merge keys ({@code <<: *anchor}).
 */
final class YamlDoc {
    /** Thrown for a structural problem at a node; collected by the loader. */
    static final class Problem extends RuntimeException {
        final SourcePos pos;

        Problem(SourcePos pos, String message) {
            super(message);
            this.pos = pos;
        }
    }

    private final String file;
    private final String text;
    private final int[] lineStarts;

    YamlDoc(String file, String text) {
        this.file = file;
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    String file() {
        return file;
    }

    SourcePos pos(Node n) {
        return new SourcePos(file, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
    }

    SourcePos at(int line0, int col0) {
        return new SourcePos(file, line0 + 1, col0 + 1);
    }

    /** Position of the {@code index}-th code point of the file (SnakeYAML's reader counts code points). */
    SourcePos atCodePoint(int index) {
        int offset = text.offsetByCodePoints(0, Math.max(0, Math.min(index, text.codePointCount(0, text.length()))));
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int line = (int) text.substring(0, lineStart).chars().filter(c -> c == '\n').count();
        return new SourcePos(file, line + 1, text.codePointCount(lineStart, offset) + 1);
    }

    /**
     * Position of character {@code offset} of a scalar's value: the value's characters are matched in order
     * against the raw text after the scalar's start (skipping quotes, indentation and escapes).
     */
    SourcePos pos(ScalarNode n, int offset) {
        int line = n.getStartMark().getLine();
        if (line >= lineStarts.length) {
            return pos(n);
        }
        int raw = text.offsetByCodePoints(lineStarts[line], Math.min(n.getStartMark().getColumn(),
                text.codePointCount(lineStarts[line], text.length())));
        String v = n.getValue();
        int i = 0;
        int rawAt = raw;
        while (raw < text.length() && i <= offset && i < v.length()) {
            char a = text.charAt(raw);
            char b = v.charAt(i);
            if (a == b || Character.isWhitespace(a) && Character.isWhitespace(b)) {
                rawAt = raw;
                if (i == offset) {
                    break;
                }
                i++;
            }
            raw++;
        }
        if (offset >= v.length()) {
            rawAt = Math.min(rawAt + 1, text.length());
        }
        int l = Arrays.binarySearch(lineStarts, rawAt);
        if (l < 0) {
            l = -l - 2;
        }
        return new SourcePos(file, l + 1, text.codePointCount(lineStarts[l], rawAt) + 1);
    }

    /** The whole text read. */
    String text() {
        return text;
    }

    Problem problem(Node n, String message) {
        return new Problem(pos(n), message);
    }

    static boolean isNull(Node n) {
        return n == null || n instanceof ScalarNode s && (Tag.NULL.equals(s.getTag()));
    }

    /** Keys of a mapping with their value nodes, merge keys expanded (explicit keys win). */
    Map<String, Node> map(Node n, String what) {
        if (!(n instanceof MappingNode m)) {
            throw problem(n, what + " 应为映射（键: 值）");
        }
        Map<String, Node> out = new LinkedHashMap<>();
        List<Node> merged = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw problem(t.getKeyNode(), "键应为文字");
            }
            if (Tag.MERGE.equals(k.getTag()) || "<<".equals(k.getValue())) {
                if (t.getValueNode() instanceof SequenceNode seq) {
                    merged.addAll(seq.getValue());
                } else {
                    merged.add(t.getValueNode());
                }
                continue;
            }
            if (out.put(k.getValue(), t.getValueNode()) != null) {
                throw problem(k, "重复的键 '" + k.getValue() + "'");
            }
        }
        for (Node mn : merged) {
            map(mn, "合并（<<）的内容").forEach(out::putIfAbsent);
        }
        return out;
    }

    /** Key node of a mapping entry, for positions of keys; a key that came through a merge ({@code <<}) is found there. */
    ScalarNode keyNode(Node mapping, String key) {
        if (mapping instanceof MappingNode m) {
            List<Node> merged = new ArrayList<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    if (Tag.MERGE.equals(k.getTag()) || "<<".equals(k.getValue())) {
                        merged.addAll(t.getValueNode() instanceof SequenceNode seq ? seq.getValue() : List.of(t.getValueNode()));
                    } else if (k.getValue().equals(key)) {
                        return k;
                    }
                }
            }
            for (Node mn : merged) {
                ScalarNode k = keyNode(mn, key);
                if (k != null) {
                    return k;
                }
            }
        }
        return null;
    }

    List<Node> list(Node n, String what) {
        if (!(n instanceof SequenceNode s)) {
            throw problem(n, what + " 应为列表（- 开头的各项）");
        }
        return s.getValue();
    }

    ScalarNode scalar(Node n, String what) {
        if (!(n instanceof ScalarNode s)) {
            throw problem(n, what + " 应为单个值");
        }
        return s;
    }

    String string(Node n, String what) {
        return scalar(n, what).getValue().trim();
    }

    /**
     * Reports every key of {@code m} that is not allowed, each at its own position; throws
     * {@link Problems.Dependent} if there was any, so the caller does not go on with a misspelt structure.
     */
    void requireKnownKeys(Map<String, Node> m, Node at, Set<String> allowed, String what, Problems problems) {
        if (reportUnknownKeys(m, at, allowed, what, problems)) {
            throw new Problems.Dependent();
        }
    }

    /**
     * Reports the keys of {@code m} that are not allowed, as one problem per mapping (at the first of them) naming
     * them all: a whole section under the wrong key then gives one problem per entry, not one per key. True if any.
     */
    boolean reportUnknownKeys(Map<String, Node> m, Node at, Set<String> allowed, String what, Problems problems) {
        List<String> unknown = m.keySet().stream().filter(k -> !allowed.contains(k)).toList();
        if (unknown.isEmpty()) {
            return false;
        }
        ScalarNode kn = keyNode(at, unknown.get(0));
        problems.error(kn != null ? pos(kn) : pos(at), what + " 中未知的键 '" + String.join("'、'", unknown) + "'（可用："
                + String.join("、", new TreeSet<>(allowed)) + "）");
        return true;
    }

    /** The document's root node; a YAML syntax error or an empty file is a problem at its position. */
    Node compose() {
        Node root;
        try {
            root = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.LoaderOptions()).compose(new StringReader(text));
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            var m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new Problem(m == null ? new SourcePos(file, 1, 1) : at(m.getLine(), m.getColumn()), "YAML 语法错误：" + e.getProblem());
        } catch (org.yaml.snakeyaml.reader.ReaderException e) { // a character YAML does not allow, e.g. a control character
            throw new Problem(atCodePoint(e.getPosition()),
                    "YAML 不允许的字符 U+" + String.format("%04X", e.getCodePoint()) + "（控制字符等），请删除");
        } catch (org.yaml.snakeyaml.error.YAMLException e) { // limits (size, aliases) and other unmarked errors
            throw new Problem(new SourcePos(file, 1, 1), "YAML 无法读取：" + e.getMessage());
        }
        if (root == null) {
            throw new Problem(new SourcePos(file, 1, 1), "规则文件为空");
        }
        return root;
    }
}
