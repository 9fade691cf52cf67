package huiqi.rules.file;

import huiqi.quantity.Unit;
import huiqi.rules.lang.Expr;
import huiqi.rules.lang.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a table parameter: {@code bands} (a list of {below|upto: bound, value}, ascending, the last one open),
 * {@code keys} (grade → value) or {@code regions} (region-code prefix → value). Every value has one unit.
 */
final class ParameterTables {
    record Read(ParamTable table, Unit unit) { }

    private final FileContext ctx;
    private final YamlDoc doc;
    private final String name;
    private Unit unit;

    ParameterTables(FileContext ctx, String name) {
        this.ctx = ctx;
        this.doc = ctx.doc;
        this.name = name;
    }

    Read read(Map<String, Node> m) {
        if (m.containsKey("bands")) {
            return new Read(bands(m.get("bands")), unit);
        }
        boolean regions = m.containsKey("regions");
        Node tn = m.get(regions ? "regions" : "keys");
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : doc.map(tn, regions ? "regions" : "keys").entrySet()) {
            String key = e.getKey();
            if (regions && !key.matches("\\d{2,12}")) {
                throw keyProblem(tn, key, "regions 的键应为行政区划代码前缀（数字，如 \"3501\"），实为 '" + key + "'");
            }
            if (key.isBlank()) {
                throw keyProblem(tn, key, "keys 的键不能为空");
            }
            values.put(key, value(e.getValue()));
        }
        if (values.isEmpty()) {
            throw doc.problem(tn, "参数 " + name + " 的表没有任何行");
        }
        return new Read(regions ? new ParamTable.Regions(Map.copyOf(values)) : new ParamTable.Keys(values), unit);
    }

    private YamlDoc.Problem keyProblem(Node table, String key, String message) {
        ScalarNode k = doc.keyNode(table, key);
        return new YamlDoc.Problem(k == null ? doc.pos(table) : doc.pos(k), message);
    }

    private ParamTable bands(Node bn) {
        List<Node> rows = doc.list(bn, "bands");
        if (rows.isEmpty()) {
            throw doc.problem(bn, "参数 " + name + " 的 bands 没有任何档");
        }
        List<ParamTable.Band> bands = new ArrayList<>();
        Type keyType = null;
        Unit boundUnit = null;
        Object previous = null;
        String previousText = null;
        boolean previousUpTo = false;
        for (int i = 0; i < rows.size(); i++) {
            Node row = rows.get(i);
            Map<String, Node> r = doc.map(row, "档");
            doc.requireKnownKeys(r, row, Set.of("below", "upto", "value"), "参数 " + name + " 的档", ctx.problems);
            if (!r.containsKey("value")) {
                throw doc.problem(row, "参数 " + name + " 的第 " + (i + 1) + " 档缺少 value");
            }
            BigDecimal value = value(r.get("value"));
            boolean last = i == rows.size() - 1;
            if (r.containsKey("below") && r.containsKey("upto")) {
                throw doc.problem(row, "一档只能写 below（低于，不含）或 upto（不超过，含）中的一个");
            }
            if (!r.containsKey("below") && !r.containsKey("upto")) {
                if (!last) {
                    throw doc.problem(row, "只有最后一档可以不写界限（below 或 upto）");
                }
                String text = previous == null ? "全部" : previousUpTo ? "超过 " + previousText : previousText + " 及以上";
                bands.add(new ParamTable.Band(null, false, value, text));
                continue;
            }
            if (last) {
                throw doc.problem(row, "最后一档不能有界限：写 { value: … } 表示其余全部（如无奖励写 value: 0元）");
            }
            boolean upTo = r.containsKey("upto");
            ScalarNode bs = doc.scalar(r.get(upTo ? "upto" : "below"), upTo ? "upto" : "below");
            String text = bs.getValue().trim();
            Object bound;
            Type t;
            if (ParameterReader.DATE.matcher(text).matches()) {
                bound = new ParameterReader(ctx).date(bs, "档的日期界限");
                t = Type.DATE;
            } else {
                Expr.Num q = ctx.expressions.quantity(bs);
                if (boundUnit != null && !boundUnit.equals(q.unit())) {
                    throw doc.problem(bs, "各档界限单位不一致：" + boundUnit.describe() + " 与 " + q.unit().describe());
                }
                boundUnit = q.unit();
                bound = q.value();
                t = Type.num(q.unit());
            }
            if (keyType != null && !keyType.equals(t)) {
                throw doc.problem(bs, "各档界限类型不一致：" + keyType + " 与 " + t);
            }
            keyType = t;
            if (previous != null && ParamTable.Bands.compare(bound, previous) <= 0) {
                throw doc.problem(bs, "各档界限应从小到大排列：" + text + " 不大于上一档的 " + previousText);
            }
            String rowText = (previous == null ? "" : (previousUpTo ? "超过 " + previousText : previousText + " 及以上") + "、")
                    + (upTo ? "不超过 " + text : "低于 " + text);
            bands.add(new ParamTable.Band(bound, upTo, value, rowText));
            previous = bound;
            previousText = text;
            previousUpTo = upTo;
        }
        if (keyType == null) {
            throw doc.problem(bn, "参数 " + name + " 只有一档：不分档的参数直接写 value");
        }
        return new ParamTable.Bands(keyType, List.copyOf(bands));
    }

    private BigDecimal value(Node n) {
        Expr.Num v = ctx.expressions.quantity(doc.scalar(n, "参数值"));
        if (unit != null && !unit.equals(v.unit())) {
            throw doc.problem(n, "参数 " + name + " 表中各值单位不一致：" + unit.describe() + " 与 " + v.unit().describe());
        }
        unit = v.unit();
        return v.value();
    }
}
