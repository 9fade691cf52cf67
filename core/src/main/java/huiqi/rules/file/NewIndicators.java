package huiqi.rules.file;

import huiqi.enterprise.ProfileField;
import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.IndicatorKind;
import huiqi.facts.PeriodRange;
import huiqi.facts.Sign;
import huiqi.quantity.Units;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code new_indicators:} of a rule file: indicators its rules need that the catalog (indicators.yaml) lacks,
 * proposed with the rules (#16 item 6). The file is checked and its examples run against the catalog plus these;
 * the platform adds them to its live catalog when the rule set is published. Each entry is written as an entry of
 * indicators.yaml: {@code { id, name, unit, granularity, source, sign, integral, kind }}. An id the catalog already holds is
 * accepted only with the very same definition (a proposal published earlier stays in later versions).
 */
public final class NewIndicators {
    public static final String KEY = "new_indicators";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{1,47}");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Set<String> KEYS = Set.of("id", "name", "unit", "granularity", "source", "sign", "integral", "kind");

    private NewIndicators() {
    }

    /** The proposals of a rule file's text as written, unchecked; empty when there are none or the text is not YAML. */
    @SuppressWarnings("unchecked")
    public static List<IndicatorCatalog.Indicator> of(String text) {
        if (text == null || !text.contains(KEY)) {
            return List.of();
        }
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(new StringReader(text));
        } catch (RuntimeException e) {
            return List.of();
        }
        if (!(root instanceof Map<?, ?> m) || !(m.get(KEY) instanceof List<?> list)) {
            return List.of();
        }
        List<IndicatorCatalog.Indicator> out = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> e) {
                toIndicator((Map<String, Object>) e).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The catalog a file is checked and evaluated against: the given one plus the file's proposals. */
    public static IndicatorCatalog extend(IndicatorCatalog catalog, String text) {
        List<IndicatorCatalog.Indicator> proposed = of(text);
        return proposed.isEmpty() ? catalog : catalog.with(proposed);
    }

    /** Whether a proposal says the same as the catalog's indicator of its id (the plausible periods aside). */
    public static boolean sameDefinition(IndicatorCatalog.Indicator a, IndicatorCatalog.Indicator b) {
        return a.id().equals(b.id()) && a.name().equals(b.name()) && a.unit().equals(b.unit())
                && a.granularity() == b.granularity() && a.source().equals(b.source()) && a.sign() == b.sign()
                && a.integral() == b.integral() && a.kind() == b.kind();
    }

    private static Optional<IndicatorCatalog.Indicator> toIndicator(Map<String, Object> e) {
        Object id = e.get("id");
        Object name = e.get("name");
        Object unit = e.get("unit");
        Optional<Granularity> g = granularity(String.valueOf(e.get("granularity")));
        if (id == null || name == null || unit == null || g.isEmpty()) {
            return Optional.empty();
        }
        Sign sign = "any".equals(String.valueOf(e.getOrDefault("sign", "nonnegative"))) ? Sign.ANY : Sign.NONNEGATIVE;
        boolean integral = Boolean.TRUE.equals(e.get("integral"));
        IndicatorKind kind = "stock".equals(String.valueOf(e.get("kind"))) ? IndicatorKind.STOCK : IndicatorKind.FLOW;
        return Optional.of(new IndicatorCatalog.Indicator(id.toString().strip(), name.toString().strip(),
                unit.toString().strip(), g.get(), String.valueOf(e.getOrDefault("source", "")).strip(), sign, integral,
                PeriodRange.DEFAULT, kind));
    }

    private static Optional<Granularity> granularity(String s) {
        try {
            return Optional.of(Granularity.valueOf(s.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks every field of every proposal at its position against {@code base}, the catalog without this file's
     * proposals: id, 中文名, unit, granularity, source department, sign and integral.
     */
    static void check(Node list, YamlDoc doc, IndicatorCatalog base, Problems problems) {
        if (list == null || YamlDoc.isNull(list)) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (Node item : doc.list(list, KEY + "（新指标）")) {
            problems.run(() -> checkOne(item, doc, base, ids, problems));
        }
    }

    private static void checkOne(Node item, YamlDoc doc, IndicatorCatalog base, Set<String> ids, Problems problems) {
        Map<String, Node> m = doc.map(item, "新指标");
        doc.requireKnownKeys(m, item, KEYS, "新指标", problems);
        int before = problems.list().size();
        String id = text(m, "id", item, doc, problems, "请写明指标的 id（小写字母、数字和下划线，如 retail_sales）");
        if (id != null && !ID.matcher(id).matches()) {
            problems.error(doc.pos(m.get("id")), "指标 id 只能用小写字母、数字和下划线，以字母开头，2 到 48 个字符，实为 '" + id + "'");
        } else if (id != null && !ids.add(id)) {
            problems.error(doc.pos(m.get("id")), "新指标 " + id + " 重复提出");
        } else if (id != null && (ProfileField.byId(id).isPresent() || base.attribute(id).isPresent())) {
            problems.error(doc.pos(m.get("id")), "'" + id + "' 是企业档案中已有的属性，不能作为新指标");
        }
        String name = text(m, "name", item, doc, problems, "请写明指标的中文名（企业和经办人看到的名称）");
        if (name != null && (!CHINESE.matcher(name).find() || name.length() > 60)) {
            problems.error(doc.pos(m.get("name")), "中文名应含汉字，不超过 60 个字，实为 '" + name + "'");
        }
        Node unitNode = m.get("unit");
        String unit = unitNode == null || Fields.text(unitNode) == null ? "?" : Fields.text(unitNode).strip();
        if (unitNode == null) {
            problems.error(doc.pos(item), "请写明单位（元、人、千瓦时等基本单位；比率写 \"\"）");
        } else {
            Optional<Units.Scaled> u = Units.parse(unit);
            if (u.isEmpty() || u.get().factor().compareTo(BigDecimal.ONE) != 0) {
                problems.error(doc.pos(unitNode), "单位 '" + unit + "' 不是基本单位：请写 " + Units.known()
                        + " 中不带“万”等倍数的单位（数据按基本单位导入）");
            }
        }
        String g = text(m, "granularity", item, doc, problems, "请写明报送粒度：day、month、quarter 或 year");
        if (g != null && granularity(g).isEmpty()) {
            problems.error(doc.pos(m.get("granularity")), "报送粒度应为 day、month、quarter 或 year（按日、月、季、年），实为 '" + g + "'");
        }
        String source = text(m, "source", item, doc, problems, "请写明报送数据的部门（如 区商务局）");
        if (source != null && source.length() > 60) {
            problems.error(doc.pos(m.get("source")), "报送部门不超过 60 个字");
        }
        if (m.containsKey("sign") && !Set.of("nonnegative", "any").contains(String.valueOf(Fields.text(m.get("sign"))))) {
            problems.error(doc.pos(m.get("sign")), "sign 应为 nonnegative（不为负，默认）或 any（可为负，如增长率）");
        }
        if (m.containsKey("integral") && !Set.of("true", "false").contains(String.valueOf(Fields.text(m.get("integral"))))) {
            problems.error(doc.pos(m.get("integral")), "integral 应为 true（整数，如人数）或 false");
        }
        if (m.containsKey("kind") && !Set.of("flow", "stock").contains(String.valueOf(Fields.text(m.get("kind"))))) {
            problems.error(doc.pos(m.get("kind")), "kind 应为 flow（流量，可跨期相加，如营业收入，默认）或 stock（存量，时点数，如从业人数）");
        }
        if (problems.list().size() > before || id == null) {
            return;
        }
        if (name != null) {
            base.indicators().stream().filter(i -> !i.id().equals(id) && i.name().equals(name)).findFirst()
                    .ifPresent(i -> problems.error(doc.pos(m.get("name")), "指标目录中已有名为“" + name + "”的指标 " + i.id()
                            + "：请直接使用它，或换一个名称"));
        }
        Optional<IndicatorCatalog.Indicator> held = base.indicator(id);
        Optional<IndicatorCatalog.Indicator> mine = of(doc).stream().filter(i -> i.id().equals(id)).findFirst();
        if (held.isPresent() && mine.isPresent() && !sameDefinition(held.get(), mine.get())) {
            IndicatorCatalog.Indicator h = held.get();
            problems.error(doc.pos(m.get("id")), "指标 " + id + " 已在指标目录中（" + h.name() + "，" + (h.unit().isEmpty() ? "无单位" : h.unit())
                    + "，按" + h.granularity().name().toLowerCase(Locale.ROOT) + "，" + h.source() + "），定义不同：请直接使用它，或换一个 id");
        }
    }

    private static List<IndicatorCatalog.Indicator> of(YamlDoc doc) {
        return of(doc.text());
    }

    private static String text(Map<String, Node> m, String key, Node item, YamlDoc doc, Problems problems, String missing) {
        Node n = m.get(key);
        String v = n == null ? null : Fields.text(n);
        if (n == null || YamlDoc.isNull(n) || v == null || v.isBlank()) {
            problems.error(doc.pos(n == null ? item : n), missing);
            return null;
        }
        return v.strip();
    }
}
