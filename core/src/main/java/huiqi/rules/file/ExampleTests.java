package huiqi.rules.file;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.enterprise.FactReader;
import huiqi.enterprise.ProfileField;
import huiqi.facts.FactValue;
import huiqi.facts.Facts;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import huiqi.policy.Zones;
import huiqi.rules.Status;
import huiqi.rules.lang.Expr;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads example tests (of a rule, or of the file with expectations per rule id): a test enterprise whose facts
 * are read by {@link FactReader}, exactly as enterprise JSON is, and the expected status / amount / missing facts.
 */
final class ExampleTests {
    private static final Pattern INDEXED = Pattern.compile("([a-z_][a-z0-9_]*)\\[(.+)]");

    private final FileContext ctx;
    private final YamlDoc doc;
    private final RuleIndex rules;
    private final FactReader facts;

    ExampleTests(FileContext ctx, RuleIndex rules) {
        this.ctx = ctx;
        this.doc = ctx.doc;
        this.rules = rules;
        this.facts = new FactReader(ctx.catalog);
    }

    /** The tests under {@code n}; {@code rule} is null for the file's own tests. Each test is read on its own. */
    List<RuleTest> tests(Node n, Rule rule) {
        if (n == null) {
            return List.of();
        }
        List<RuleTest> out = new ArrayList<>();
        for (Node tn : doc.list(n, "tests")) {
            ctx.problems.attempt(() -> test(tn, rule)).ifPresent(out::add);
        }
        return out;
    }

    private RuleTest test(Node tn, Rule rule) {
        Map<String, Node> m = doc.map(tn, "测试");
        doc.requireKnownKeys(m, tn, Set.of("name", "facts", "expect"), "测试", ctx.problems);
        String name = m.containsKey("name") ? doc.string(m.get("name"), "name") : "（未命名）";
        int before = ctx.problems.failures();
        EnterpriseRecord e = enterprise(m.get("facts"), rule != null ? rule.region() : ctx.region, rule != null ? rule.zone() : ctx.zone);
        Node en = m.get("expect");
        if (en == null) {
            throw doc.problem(tn, "测试缺少 expect");
        }
        List<Expectation> exps = new ArrayList<>();
        if (rule != null) {
            exps.add(expectation(rule.id(), en));
        } else {
            for (Map.Entry<String, Node> x : doc.map(en, "expect（按规则 id）").entrySet()) {
                ScalarNode k = doc.keyNode(en, x.getKey());
                rules.require(x.getKey(), k == null ? en : k, "未知规则 '" + x.getKey() + "'");
                exps.add(expectation(x.getKey(), x.getValue()));
            }
        }
        if (ctx.problems.failures() > before) {
            throw new Problems.Dependent(); // some fact of the test was wrong (reported at it)
        }
        return new RuleTest(name, e, exps, doc.pos(tn));
    }

    private Expectation expectation(String ruleId, Node n) {
        if (n instanceof ScalarNode s) {
            Optional<Status> st = Status.parse(s.getValue().trim());
            if (st.isPresent()) {
                return new Expectation(ruleId, st.get(), null, null, null, doc.pos(n));
            }
            return new Expectation(ruleId, Status.ELIGIBLE, money(s), null, null, doc.pos(n));
        }
        Map<String, Node> m = doc.map(n, "expect");
        doc.requireKnownKeys(m, n, Set.of("status", "amount", "missing", "nearMiss"), "expect", ctx.problems);
        Status status = null;
        if (m.containsKey("status")) {
            String s = doc.string(m.get("status"), "status");
            status = Status.parse(s).orElseThrow(() -> doc.problem(m.get("status"),
                    "status 应为 eligible、ineligible 或 undeterminable，实为 '" + s + "'"));
        }
        BigDecimal amount = m.containsKey("amount") ? money(doc.scalar(m.get("amount"), "amount")) : null;
        List<String> missing = null;
        if (m.containsKey("missing")) {
            missing = new ArrayList<>();
            for (Node x : doc.list(m.get("missing"), "missing")) {
                missing.add(doc.string(x, "missing"));
            }
        }
        String nearMiss = ctx.fields.optional(m, "nearMiss");
        return new Expectation(ruleId, status, amount, missing, nearMiss, doc.pos(n));
    }

    private BigDecimal money(ScalarNode s) {
        Expr.Num n = ctx.expressions.quantity(s);
        if (!n.unit().isNone() && !n.unit().isMoney()) {
            throw doc.problem(s, "期望金额应为数字（元），实为 '" + s.getValue() + "'");
        }
        return n.value();
    }

    /**
     * The test enterprise: profile fields, attributes and "indicator[period]" facts; each wrong entry is reported at
     * its key. Without region the rule's (or file's) region is used, without zone the rule's (or file's) zone.
     */
    private EnterpriseRecord enterprise(Node n, String defaultRegion, String defaultZone) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        Map<String, String> profile = new HashMap<>();
        Facts out = Facts.empty();
        if (n != null && !YamlDoc.isNull(n)) {
            for (Map.Entry<String, Node> e : doc.map(n, "facts").entrySet()) {
                if (!YamlDoc.isNull(e.getValue())) {
                    ctx.problems.run(() -> entry(n, e.getKey(), e.getValue(), profile, attrs, out));
                }
            }
        }
        // "zone: ~" in a test says the zone is unknown: no default then
        boolean zoneWritten = n != null && !YamlDoc.isNull(n) && doc.map(n, "facts").containsKey(Zones.ATTRIBUTE);
        if (defaultZone != null && !zoneWritten && ctx.catalog.attribute(Zones.ATTRIBUTE).isPresent()) {
            attrs.putIfAbsent(Zones.ATTRIBUTE, defaultZone);
        }
        Enterprise p = new Enterprise(profile.getOrDefault("uscc", "TEST"), profile.getOrDefault("name", "测试企业"),
                profile.getOrDefault(ProfileField.REGION.id(), defaultRegion), profile.get(ProfileField.INDUSTRY.id()),
                profile.get(ProfileField.SIZE.id()), attrs);
        return new EnterpriseRecord(p, out);
    }

    private void entry(Node factsNode, String rawKey, Node v, Map<String, String> profile, Map<String, Object> attrs, Facts out) {
        String key = rawKey.trim();
        if (ctx.catalog.itemKind(key).isPresent()) { // a list of items: loans: [{ id: L001, start: 2020-03-01, … }]
            items(ctx.catalog.itemKind(key).get(), v, out);
            return;
        }
        String text = doc.string(v, key);
        try {
            Matcher im = INDEXED.matcher(key);
            if (FactReader.isProfileField(key)) {
                profile.put(key, profileField(key, text));
            } else if (im.matches()) {
                IndicatorCatalog.Indicator ind = facts.indicator(im.group(1));
                Period period = facts.period(ind, im.group(2));
                out.put(new FactValue(ind.id(), period, facts.value(ind, text), Provenance.of("测试")));
            } else if (ctx.catalog.indicator(key).isPresent()) {
                throw new IllegalArgumentException("指标 " + key + " 要写期间，如 \"" + key + "[2024-02]\"");
            } else {
                IndicatorCatalog.Attribute a = facts.attribute(key);
                attrs.put(a.id(), facts.attributeValue(a, text));
            }
        } catch (IllegalArgumentException | DateTimeException ex) {
            ScalarNode k = doc.keyNode(factsNode, rawKey);
            // the JDK's date errors are English ("Text … could not be parsed"): never shown as they are
            throw new YamlDoc.Problem(k == null ? doc.pos(v) : doc.pos(k), ex instanceof DateTimeException
                    ? key + " 的日期无效（月份应为 1-12，日应在当月天数以内），实为 '" + text + "'" : ex.getMessage());
        }
    }

    private void items(huiqi.facts.ItemKind kind, Node list, Facts out) {
        huiqi.enterprise.ItemReader reader = new huiqi.enterprise.ItemReader(ctx.catalog);
        List<huiqi.facts.Item> items = new ArrayList<>();
        for (Node itemNode : doc.list(list, kind.id())) {
            Map<String, String> texts = new LinkedHashMap<>();
            doc.map(itemNode, kind.id()).forEach((k, x) -> texts.put(k, YamlDoc.isNull(x) ? null : doc.string(x, k)));
            try {
                items.add(reader.read(kind, texts));
            } catch (IllegalArgumentException e) {
                throw new YamlDoc.Problem(doc.pos(itemNode), e.getMessage());
            }
        }
        try {
            huiqi.enterprise.ItemReader.addAll(out, kind, items);
        } catch (IllegalArgumentException e) {
            throw new YamlDoc.Problem(doc.pos(list), e.getMessage());
        }
    }

    private static String profileField(String key, String text) {
        try {
            if (key.equals(ProfileField.REGION.id())) {
                return FactReader.region(text);
            }
            return key.equals("uscc") ? FactReader.uscc(text) : text;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " " + e.getMessage(), e);
        }
    }
}
