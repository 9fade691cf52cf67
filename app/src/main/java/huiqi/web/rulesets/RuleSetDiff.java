package huiqi.web.rulesets;

import huiqi.rules.file.Condition;
import huiqi.rules.file.Parameter;
import huiqi.rules.file.Payer;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a version changes against the published one, read from both parsed rule files rather than their text:
 * per rule, the rule added or removed, and each changed parameter (values by date, unit), condition, amount, cap,
 * payer, validity, delivery and example test; file-level parameters too. The reviewer reads this, not a YAML diff.
 */
public final class RuleSetDiff {
    /** One difference: where (规则 fz-2024-2/7, 全文件), what (参数 补贴标准, 条件 2, 测试 …), before and after ("" = none). */
    public record Change(String where, String what, String before, String after) {
        public String kind() {
            return before.isEmpty() ? "新增" : after.isEmpty() ? "删除" : "修改";
        }
    }

    private RuleSetDiff() {
    }

    /**
     * The indicators a version proposes for the catalog (new_indicators:) against those of the published text: each
     * with its definition, which the reviewer approves with the rules (publishing adds them to the catalog).
     */
    public static List<Change> newIndicators(String before, String after) {
        Map<String, huiqi.facts.IndicatorCatalog.Indicator> old = new LinkedHashMap<>();
        huiqi.rules.file.NewIndicators.of(before).forEach(i -> old.put(i.id(), i));
        Map<String, huiqi.facts.IndicatorCatalog.Indicator> now = new LinkedHashMap<>();
        huiqi.rules.file.NewIndicators.of(after).forEach(i -> now.put(i.id(), i));
        Set<String> ids = new LinkedHashSet<>(old.keySet());
        ids.addAll(now.keySet());
        List<Change> out = new ArrayList<>();
        for (String id : ids) {
            String a = old.containsKey(id) ? describe(old.get(id)) : "";
            String b = now.containsKey(id) ? describe(now.get(id)) : "";
            if (!a.equals(b)) {
                out.add(new Change("指标目录", "新指标 " + id, a, b));
            }
        }
        return out;
    }

    /** "零售额：元，按季，区商务局报送，不为负" */
    static String describe(huiqi.facts.IndicatorCatalog.Indicator i) {
        return i.name() + "：" + (i.unit().isEmpty() ? "比率" : i.unit()) + "，"
                + huiqi.web.format.Granularities.label(i.granularity()) + "，" + i.source() + "报送，"
                + (i.sign() == huiqi.facts.Sign.ANY ? "可为负" : "不为负") + (i.integral() ? "，整数" : "");
    }

    /** {@code before} null: everything in {@code after} is new. */
    public static List<Change> of(RuleFile before, RuleFile after) {
        List<Change> out = new ArrayList<>();
        Map<String, Rule> old = before == null ? Map.of() : byId(before.rules());
        Map<String, Rule> now = byId(after.rules());
        if (before != null && before.measures() != after.measures()) {
            out.add(new Change("全文件", "措施总数", String.valueOf(before.measures()), String.valueOf(after.measures())));
        }
        parameters(out, "全文件", before == null ? Map.of() : before.parameters(), after.parameters());
        scope(out, before, after);
        Set<String> ids = new LinkedHashSet<>(old.keySet());
        ids.addAll(now.keySet());
        for (String id : ids) {
            Rule a = old.get(id);
            Rule b = now.get(id);
            String where = "规则 " + id;
            if (a == null) {
                out.add(new Change(where, "规则", "", b.title()));
            } else if (b == null) {
                out.add(new Change(where, "规则", a.title(), ""));
                continue;
            }
            rule(out, where, a, b);
        }
        return out;
    }

    private static void rule(List<Change> out, String where, Rule a, Rule b) {
        field(out, where, "标题", a == null ? null : a.title(), b.title());
        field(out, where, "引文", a == null ? null : a.quote(), b.quote());
        field(out, where, "类型", a == null ? null : a.kind().label(), b.kind().label());
        field(out, where, "兑现方式", a == null ? null : a.delivery().label(), b.delivery().label());
        field(out, where, "付款方", a == null ? null : payers(a), payers(b));
        field(out, where, "有效期", a == null || a.valid() == null ? null : a.valid().toString(),
                b.valid() == null ? null : b.valid().toString());
        field(out, where, "逐项承担", a == null ? null : borneBy(a), borneBy(b));
        field(out, where, "金额", a == null ? null : a.amountText(), b.amountText());
        field(out, where, "上限", a == null ? null : a.capText(), b.capText());
        parameters(out, where, a == null ? Map.of() : a.parameters(), b.parameters());
        Map<String, String> la = a == null ? Map.of() : lets(a, false);
        Map<String, String> lb = lets(b, false);
        Set<String> letNames = new LinkedHashSet<>(la.keySet());
        letNames.addAll(lb.keySet());
        for (String n : letNames) {
            field(out, where, "中间值 " + n, la.get(n), lb.get(n));
        }
        List<String> ca = a == null ? List.of() : conditions(own(a.conditions(), false));
        List<String> cb = conditions(own(b.conditions(), false));
        for (int i = 0; i < Math.max(ca.size(), cb.size()); i++) {
            field(out, where, "条件 " + (i + 1), i < ca.size() ? ca.get(i) : null, i < cb.size() ? cb.get(i) : null);
        }
        Map<String, String> ta = a == null ? Map.of() : tests(a.tests());
        Map<String, String> tb = tests(b.tests());
        Set<String> names = new LinkedHashSet<>(ta.keySet());
        names.addAll(tb.keySet());
        for (String n : names) {
            field(out, where, "测试 " + n, ta.get(n), tb.get(n));
        }
    }

    /**
     * The document scope (scope:) once for the file, as 全文件 适用范围: every rule carries its conditions and derived
     * values (the loader puts them first), so the first rule's are the scope's; per rule only its own are compared.
     */
    private static void scope(List<Change> out, RuleFile before, RuleFile after) {
        Rule a = before == null || before.rules().isEmpty() ? null : before.rules().get(0);
        Rule b = after.rules().isEmpty() ? null : after.rules().get(0);
        Map<String, String> la = a == null ? Map.of() : lets(a, true);
        Map<String, String> lb = b == null ? Map.of() : lets(b, true);
        Set<String> names = new LinkedHashSet<>(la.keySet());
        names.addAll(lb.keySet());
        for (String n : names) {
            field(out, "全文件", "适用范围 中间值 " + n, la.get(n), lb.get(n));
        }
        List<String> ca = a == null ? List.of() : conditions(own(a.conditions(), true));
        List<String> cb = b == null ? List.of() : conditions(own(b.conditions(), true));
        for (int i = 0; i < Math.max(ca.size(), cb.size()); i++) {
            field(out, "全文件", "适用范围 条件 " + (i + 1), i < ca.size() ? ca.get(i) : null, i < cb.size() ? cb.get(i) : null);
        }
    }

    private static List<Condition> own(List<Condition> cs, boolean ofDocument) {
        return cs.stream().filter(c -> c.ofDocument() == ofDocument).toList();
    }

    /**
     * Name (label) → expression of a rule's derived values: those of the document scope ({@code ofScope}) or its own. The
     * scope is written above the rules, so its values are those read from a line before the rule's.
     */
    private static Map<String, String> lets(Rule r, boolean ofScope) {
        Map<String, String> m = new LinkedHashMap<>();
        for (huiqi.rules.file.Let l : r.lets()) {
            boolean scoped = l.pos() != null && r.pos() != null && l.pos().line() < r.pos().line();
            if (scoped == ofScope) {
                m.put(l.label() == null || l.label().isBlank() ? l.name() : l.label() + "（" + l.name() + "）", l.text());
            }
        }
        return m;
    }

    /** "leases 各项由出租方（lessor）减免", or null without borne_by. */
    private static String borneBy(Rule r) {
        var p = r.itemPayer();
        return p == null ? null : p.kind() + " 各项由" + p.fieldName() + "（" + p.field() + "）" + p.verb();
    }

    private static void parameters(List<Change> out, String where, Map<String, Parameter> a, Map<String, Parameter> b) {
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String n : names) {
            Parameter pa = a.get(n);
            Parameter pb = b.get(n);
            String label = pb != null && pb.label() != null ? pb.label() : pa != null && pa.label() != null ? pa.label() : n;
            field(out, where, "参数 " + label, pa == null ? null : values(pa), pb == null ? null : values(pb));
            field(out, where, "参数 " + label + " 的来源", pa == null ? null : pa.source(), pb == null ? null : pb.source());
        }
    }

    /** "2024-01-01 起 0.03 元/千瓦时；2025-01-01 起 0.02 元/千瓦时" */
    static String values(Parameter p) {
        return p.values().entrySet().stream()
                .map(e -> (e.getKey().equals(java.time.LocalDate.MIN) ? "一直 " : e.getKey() + " 起 ") + value(e.getValue(), p))
                .collect(Collectors.joining("；"));
    }

    /** "0.02 元/千瓦时", "300000 元（30万元）", "50%": as stored, and as an officer reads it where that differs. */
    private static String value(BigDecimal v, Parameter p) {
        if (p.unit().isNone()) {
            return plain(v.movePointRight(2)) + "%";
        }
        String stored = plain(v) + " " + p.unit().describe();
        if (v.abs().compareTo(BigDecimal.valueOf(10_000)) < 0) {
            return stored;
        }
        return stored + "（" + plain(v.movePointLeft(4)) + "万" + p.unit() + "）";
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static List<String> conditions(List<Condition> cs) {
        return cs.stream().map(c -> (c.label() == null || c.label().isBlank() ? "" : c.label() + "：") + c.text()).toList();
    }

    /** Test name → what it gives the enterprise and expects (enough to see that it changed). */
    private static Map<String, String> tests(List<RuleTest> ts) {
        Map<String, String> m = new LinkedHashMap<>();
        for (RuleTest t : ts) {
            String facts = t.enterprise() == null ? "" : facts(t.enterprise());
            String expect = t.expectations().stream().map(x -> (x.status() == null ? "" : x.status().chinese())
                    + (x.amount() == null ? "" : " " + plain(x.amount()) + " 元")).collect(Collectors.joining("，"));
            m.put(t.name(), "期望 " + expect + "；数据 " + facts);
        }
        return m;
    }

    private static String facts(huiqi.enterprise.EnterpriseRecord e) {
        List<String> out = new ArrayList<>();
        new java.util.TreeMap<>(e.profile().attributes()).forEach((k, v) -> out.add(k + "=" + v));
        if (e.profile().regionCode() != null) {
            out.add("region=" + e.profile().regionCode());
        }
        for (String ind : new java.util.TreeSet<>(e.facts().indicators())) {
            e.facts().all(ind).stream().map(v -> ind + "[" + v.period() + "]=" + plain(v.value())).sorted().forEach(out::add);
        }
        return String.join("，", out);
    }

    private static String payers(Rule r) {
        return r.payers().stream().map(Payer::label).collect(Collectors.joining("、"));
    }

    private static void field(List<Change> out, String where, String what, String before, String after) {
        String a = before == null ? "" : before;
        String b = after == null ? "" : after;
        if (!Objects.equals(a, b)) {
            out.add(new Change(where, what, a, b));
        }
    }

    private static Map<String, Rule> byId(List<Rule> rules) {
        Map<String, Rule> m = new LinkedHashMap<>();
        rules.forEach(r -> m.put(r.id(), r));
        return m;
    }
}
