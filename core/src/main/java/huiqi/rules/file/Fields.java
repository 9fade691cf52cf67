package huiqi.rules.file;

import huiqi.facts.Period;
import huiqi.policy.Zones;
import java.time.DateTimeException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the plain scalar fields of a rule file (texts, counts, region codes, periods, enums) with their positions. */
final class Fields {
    private final YamlDoc doc;

    Fields(YamlDoc doc) {
        this.doc = doc;
    }

    String required(Map<String, Node> m, Node at, String key, String what) {
        Node n = m.get(key);
        if (n == null || YamlDoc.isNull(n)) {
            throw doc.problem(at, "缺少 " + key + "（" + what + "）");
        }
        String s = doc.string(n, key);
        if (s.isEmpty()) {
            throw doc.problem(n, key + "（" + what + "）不能为空");
        }
        return s;
    }

    /** The trimmed text of an optional key, or null. */
    String optional(Map<String, Node> m, String key) {
        return m.containsKey(key) ? doc.string(m.get(key), key) : null;
    }

    /** The raw text of a scalar (as written, trimmed), or null for absent or non-scalar nodes. */
    static String text(Node n) {
        return n instanceof ScalarNode s ? s.getValue().trim() : null;
    }

    int positiveInt(Node n, Node at, String what) {
        if (n == null) {
            throw doc.problem(at, "缺少 " + what);
        }
        try {
            int v = Integer.parseInt(doc.string(n, what));
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw doc.problem(n, what + " 应为正整数");
        }
    }

    String region(Node n) {
        if (n == null) {
            return null;
        }
        String r = doc.string(n, "region");
        if (!r.matches("\\d{2,12}")) {
            throw doc.problem(n, "region 应为行政区划代码前缀（数字，如 \"3501\"），实为 '" + r + "'");
        }
        return r;
    }

    /** A 园区 / 功能区 of regions/zones.csv by name, short name or alias: its canonical name. */
    String zone(Node n) {
        if (n == null) {
            return null;
        }
        String z = doc.string(n, "zone");
        return Zones.canonical(z).orElseThrow(() -> doc.problem(n,
                "zone 应为园区或功能区名称（见 regions/zones.csv，如 泉州台商投资区），实为 '" + z + "'"));
    }

    /** A period as in facts (2024-02, 2024-Q1, 2023, dates, date ranges) or a month range 2024-01..2024-03. */
    Period period(Node n, String what) {
        if (n == null) {
            return null;
        }
        String s = doc.string(n, what);
        try {
            return Period.parse(s);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw doc.problem(n, what + " 期间格式错误：" + (e instanceof DateTimeException ? "不是有效的日期" : e.getMessage()));
        }
    }

    /** One of an enum's constants (named in Chinese), or a problem listing them. */
    <E> E oneOf(Function<String, Optional<E>> parse, Node n, String value, String expected) {
        return parse.apply(value).orElseThrow(() -> doc.problem(n, expected + "，实为 '" + value + "'"));
    }
}
