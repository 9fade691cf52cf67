package huiqi.facts;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The catalog in indicators.yaml: which enterprise attributes (profile fields) and which period-indexed
 * indicators exist, with Chinese name, unit, granularity and the department that reports them.
 * Rule files and data imports may only use ids listed here.
 */
public final class IndicatorCatalog {

    /**
     * @param sign     whether values may be negative (default: not)
     * @param integral whether values are whole numbers in base units (headcounts, booths)
     * @param periods  the plausible periods of its facts
     * @param kind     flow (sums over periods) or stock (a value at a point in time: never summed over periods)
     */
    public record Indicator(String id, String name, String unit, Granularity granularity, String source,
                            Sign sign, boolean integral, PeriodRange periods, IndicatorKind kind) {
        /** An indicator built in code declares no sign (indicators.yaml's entries default to nonnegative). */
        public Indicator(String id, String name, String unit, Granularity granularity, String source) {
            this(id, name, unit, granularity, source, Sign.ANY, false, PeriodRange.DEFAULT, IndicatorKind.FLOW);
        }

        /** The same indicator declared a stock (tests and fixtures build catalogs in code). */
        public Indicator asStock() {
            return new Indicator(id, name, unit, granularity, source, sign, integral, periods, IndicatorKind.STOCK);
        }

        public boolean stock() {
            return kind == IndicatorKind.STOCK;
        }
    }

    /** @param past a date or month that cannot lie in the future (成立日期); other dates may (贷款到期日) */
    public record Attribute(String id, String name, AttributeType type, String source, boolean past) {
        public Attribute(String id, String name, AttributeType type, String source) {
            this(id, name, type, source, false);
        }
    }

    // replaced whole (never changed in place) when an indicator is added: readers iterate a consistent copy
    private volatile Map<String, Indicator> indicators;
    private final Map<String, Attribute> attributes;
    private final Map<String, List<String>> synonyms;
    private final Map<String, ItemKind> items = new LinkedHashMap<>();

    public IndicatorCatalog(Collection<Indicator> indicators, Collection<Attribute> attributes) {
        this(indicators, attributes, Map.of());
    }

    /**
     * @param synonyms other wordings documents use for an attribute or indicator (id → phrases), as listed under
     *                 {@code synonyms:} in indicators.yaml; used to read rules out of text, never by the rule language
     */
    public IndicatorCatalog(Collection<Indicator> indicators, Collection<Attribute> attributes,
                            Map<String, List<String>> synonyms) {
        this.synonyms = new LinkedHashMap<>();
        synonyms.forEach((id, list) -> this.synonyms.put(id, List.copyOf(list)));
        this.indicators = new LinkedHashMap<>();
        indicators.forEach(i -> this.indicators.put(i.id(), i));
        this.attributes = new LinkedHashMap<>();
        attributes.forEach(a -> this.attributes.put(a.id(), a));
    }

    /** A catalog that also declares kinds of items (indicators.yaml {@code items:}). */
    public IndicatorCatalog(Collection<Indicator> indicators, Collection<Attribute> attributes,
                            Map<String, List<String>> synonyms, Collection<ItemKind> items) {
        this(indicators, attributes, synonyms);
        items.forEach(k -> this.items.put(k.id(), k));
    }

    public static IndicatorCatalog load(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        }
    }

    /** Finds indicators.yaml in the working directory or one of its parents (the repository root). */
    public static Path locate(Path from) {
        for (Path p = from.toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("indicators.yaml");
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        throw new IllegalStateException("找不到 indicators.yaml（从 " + from.toAbsolutePath() + " 向上查找）");
    }

    @SuppressWarnings("unchecked")
    static IndicatorCatalog parse(Reader r, String name) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(name + ": 应为包含 indicators 和 attributes 的映射");
        }
        PeriodRange defaultPeriods = periods(((Map<String, Object>) map).get("periods"), PeriodRange.DEFAULT, name);
        ArrayList<Indicator> inds = new ArrayList<>();
        Map<String, List<String>> synonyms = new LinkedHashMap<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) ((Map<String, Object>) map).getOrDefault("indicators", List.of())) {
            String id = req(m, "id", name);
            synonyms.put(id, synonyms(m, name));
            inds.add(new Indicator(id, req(m, "name", name), req(m, "unit", name),
                    Granularity.valueOf(req(m, "granularity", name).toUpperCase(Locale.ROOT)),
                    String.valueOf(m.getOrDefault("source", "")),
                    sign(m.getOrDefault("sign", "nonnegative"), id, name),
                    flag(m, "integral", id, name),
                    periods(m.get("periods"), defaultPeriods, name + " 指标 " + id),
                    IndicatorKind.parse(m.getOrDefault("kind", "flow"), id, name)));
        }
        ArrayList<Attribute> attrs = new ArrayList<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) ((Map<String, Object>) map).getOrDefault("attributes", List.of())) {
            String id = req(m, "id", name);
            synonyms.put(id, synonyms(m, name));
            attrs.add(new Attribute(id, req(m, "name", name),
                    AttributeType.valueOf(req(m, "type", name).toUpperCase(Locale.ROOT)),
                    String.valueOf(m.getOrDefault("source", "")), flag(m, "past", id, name)));
        }
        java.util.Set<String> taken = new java.util.HashSet<>(synonyms.keySet());
        List<ItemKind> items = ItemKinds.parse(((Map<String, Object>) map).get("items"), name, taken);
        return new IndicatorCatalog(inds, attrs, synonyms, items);
    }

    private static List<String> synonyms(Map<String, Object> m, String file) {
        Object v = m.get("synonyms");
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list) || list.stream().anyMatch(x -> !(x instanceof String))) {
            throw new IllegalArgumentException(file + ": synonyms 应为文字列表: " + m);
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static Sign sign(Object v, String id, String file) {
        return switch (String.valueOf(v)) {
            case "nonnegative" -> Sign.NONNEGATIVE;
            case "any" -> Sign.ANY;
            default -> throw new IllegalArgumentException(file + ": 指标 " + id + " 的 sign 应为 nonnegative 或 any，实为 '" + v + "'");
        };
    }

    private static boolean flag(Map<String, Object> m, String key, String id, String file) {
        Object v = m.getOrDefault(key, false);
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException(file + ": " + id + " 的 " + key + " 应为 true 或 false，实为 '" + v + "'");
        }
        return b;
    }

    /** {@code periods: {from: 1990, ahead: 1}}; a missing key keeps the default's. */
    @SuppressWarnings("unchecked")
    private static PeriodRange periods(Object v, PeriodRange dflt, String where) {
        if (v == null) {
            return dflt;
        }
        Map<String, Object> m = v instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        if (!(v instanceof Map<?, ?>) || !(m.getOrDefault("from", dflt.fromYear()) instanceof Integer from)
                || !(m.getOrDefault("ahead", dflt.yearsAhead()) instanceof Integer ahead)) {
            throw new IllegalArgumentException(where + ": periods 应为 {from: 起始年份, ahead: 可超出当年的年数}，实为 " + v);
        }
        return new PeriodRange(from, ahead);
    }

    private static String req(Map<String, Object> m, String key, String file) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException(file + ": 条目缺少 '" + key + "': " + m);
        }
        return v.toString();
    }

    /**
     * A copy of this catalog with the given indicators added (those it already holds are left as they are): the
     * catalog a rule file that proposes new indicators is checked and evaluated against.
     */
    public IndicatorCatalog with(Collection<Indicator> more) {
        List<Indicator> all = new ArrayList<>(indicators.values());
        more.stream().filter(i -> !indicators.containsKey(i.id())).forEach(all::add);
        return new IndicatorCatalog(all, attributes.values(), synonyms, items.values()); // keeps the item kinds
    }

    /**
     * Adds an indicator to this catalog from now on (a proposal published with its rule set, #16 item 6): every
     * importer, checker and engine holding this catalog sees it without a restart. An id already held is refused.
     */
    public synchronized void add(Indicator indicator) {
        if (indicators.containsKey(indicator.id()) || attributes.containsKey(indicator.id())) {
            throw new IllegalArgumentException("指标 " + indicator.id() + " 已在指标目录中");
        }
        Map<String, Indicator> next = new LinkedHashMap<>(indicators);
        next.put(indicator.id(), indicator);
        indicators = next;
    }

    public Optional<Indicator> indicator(String id) {
        return Optional.ofNullable(indicators.get(id));
    }

    public Optional<Attribute> attribute(String id) {
        return Optional.ofNullable(attributes.get(id));
    }

    /** Other wordings of an attribute or indicator (indicators.yaml {@code synonyms:}), empty if none. */
    public List<String> synonyms(String id) {
        return synonyms.getOrDefault(id, List.of());
    }

    public Optional<ItemKind> itemKind(String id) {
        return Optional.ofNullable(items.get(id));
    }

    public Collection<ItemKind> itemKinds() {
        return items.values();
    }

    public Collection<Indicator> indicators() {
        return indicators.values();
    }

    public Collection<Attribute> attributes() {
        return attributes.values();
    }
}
