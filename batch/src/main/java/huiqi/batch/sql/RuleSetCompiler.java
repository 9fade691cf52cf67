package huiqi.batch.sql;

import huiqi.batch.sql.SqlValue.Dec;
import huiqi.batch.sql.SqlValue.Logic;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.rules.file.Condition;
import huiqi.rules.file.Dependencies;
import huiqi.rules.file.Let;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.SharedCap;
import huiqi.rules.file.Stacking;
import huiqi.rules.lang.Checker;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a rule set to one SELECT over table {@code wide}. Rules that read other rules (granted(),
 * eligible(), deducts, shared caps) are placed in later layers, each layer a SELECT over the previous one:
 * <pre>
 *   layer k:  c_i (conditions, 3-valued), r_i (amount: capped, deducted, share of a shared cap, rounded once)
 *             st_i (status), g_i (granted: r_i if eligible, 0 if ineligible, NULL if undeterminable)
 *   last:     am_i (取高不重复 applied), p1_i / p2_i (payers' shares)
 * </pre>
 */
public final class RuleSetCompiler {
    private final SqlDialect dialect;
    private final IndicatorCatalog catalog;

    public RuleSetCompiler(SqlDialect dialect, IndicatorCatalog catalog) {
        this.dialect = dialect;
        this.catalog = catalog;
    }

    /** Rules in force on {@code asOf} (all when null), in file order. */
    public static List<Rule> select(List<RuleFile> files, LocalDate asOf) {
        List<Rule> out = new ArrayList<>();
        for (RuleFile f : files) {
            for (Rule r : f.rules()) {
                if (asOf == null || r.valid() == null || r.valid().contains(new Period.Day(asOf))) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    public CompiledRules compile(List<RuleFile> files, LocalDate asOf, Params params, FactColumns facts) {
        List<Rule> rules = select(files, asOf);
        List<SharedCap> caps = new ArrayList<>();
        files.forEach(f -> caps.addAll(f.caps()));
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            index.put(rules.get(i).id(), i);
        }
        ExprCompiler.RuleRefs refs = new ExprCompiler.RuleRefs() {
            // a rule outside this evaluation (not valid on --as-of) reads as unknown, like the interpreter
            @Override public String status(String id) { return index.containsKey(id) ? "st_" + index.get(id) : "CAST(NULL AS " + dialect.text() + ")"; }
            @Override public String granted(String id) { return index.containsKey(id) ? "g_" + index.get(id) : "CAST(NULL AS " + dialect.decimal(2) + ")"; }
        };
        SharedExpressions shared = new SharedExpressions();
        ExprCompiler ec = new ExprCompiler(dialect, catalog, facts, params, refs, shared);
        Decimals dec = ec.decimals();

        int[] level = levels(rules, caps, index);
        int maxLevel = 0;
        for (int l : level) {
            maxLevel = Math.max(maxLevel, l);
        }
        String from = "wide";
        List<CompiledRule> compiled = new ArrayList<>();
        for (int lv = 0; lv <= maxLevel; lv++) {
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                if (level[i] != lv) {
                    continue;
                }
                Rule r = rules.get(i);
                ExprCompiler.Scope scope = scope(r, asOf);
                first.add(condition(ec, r, scope) + " AS c_" + i);
                if (r.computable()) {
                    first.add(amount(ec, dec, r, scope, caps, index, asOf).sql() + " AS r_" + i);
                    second.add("CASE WHEN c_" + i + " IS FALSE THEN 'ineligible' WHEN c_" + i + " IS TRUE AND r_" + i
                            + " IS NOT NULL THEN 'eligible' ELSE 'undeterminable' END AS st_" + i);
                    second.add("CASE WHEN c_" + i + " IS FALSE THEN " + dec.widen(dec.literal(java.math.BigDecimal.ZERO), 2).sql()
                            + " WHEN c_" + i + " IS TRUE THEN r_" + i + " END AS g_" + i);
                } else {
                    second.add("CASE WHEN c_" + i + " IS FALSE THEN 'ineligible' WHEN c_" + i
                            + " IS TRUE THEN 'eligible' ELSE 'undeterminable' END AS st_" + i);
                    // deducts and shared caps read an eligibility-only rule as 0, or unknown when undeterminable
                    second.add("CASE WHEN c_" + i + " IS NOT NULL THEN " + dec.widen(dec.literal(java.math.BigDecimal.ZERO), 2).sql()
                            + " END AS g_" + i);
                }
            }
            from = shared.place(from);
            from = "(SELECT *, " + String.join(",\n  ", second) + "\nFROM (SELECT *, " + String.join(",\n  ", first)
                    + "\nFROM " + from + ") AS l" + lv + "a) AS l" + lv + "b";
        }
        List<String> last = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            String am = null;
            String p1 = null;
            String p2 = null;
            if (r.computable()) {
                am = "am_" + i;
                last.add(highest(rules, i, dec) + " AS " + am);
                p1 = "p1_" + i;
                if (r.payers().size() > 1) {
                    p2 = "p2_" + i;
                }
            }
            compiled.add(new CompiledRule(r, i, "st_" + i, am, p1, p2));
        }
        // payers' shares read am_i, so they go one SELECT further out
        List<String> payers = new ArrayList<>();
        for (CompiledRule cr : compiled) {
            if (cr.amountColumn() == null) {
                continue;
            }
            Rule r = cr.rule();
            if (cr.payer2Column() == null) {
                payers.add(cr.amountColumn() + " AS " + cr.payer1Column());
            } else {
                ExprCompiler.Scope scope = scope(r, asOf);
                SqlValue share = ec.compile(r.payers().get(0).share().expr(), scope);
                Dec first = dec.roundToFen(dec.mul(new Dec(cr.amountColumn(), 2), share));
                payers.add(first.sql() + " AS " + cr.payer1Column());
                payers.add("(" + cr.amountColumn() + " - " + first.sql() + ") AS " + cr.payer2Column());
            }
        }
        String fin = shared.place("(SELECT *" + (last.isEmpty() ? "" : ", " + String.join(",\n  ", last)) + "\nFROM " + from
                + ") AS fin");
        String sql = "SELECT *" + (payers.isEmpty() ? "" : ", " + String.join(",\n  ", payers)) + "\nFROM " + fin;
        return new CompiledRules(sql, compiled, facts);
    }

    /** Parameters are read on --as-of, else on the rule's first valid day (docs/rules.md §5). */
    static ExprCompiler.Scope scope(Rule r, LocalDate asOf) {
        Map<String, Checker.Checked> lets = new HashMap<>();
        for (Let l : r.lets()) {
            lets.put(l.name(), l.expr());
        }
        LocalDate d = asOf != null ? asOf : r.valid() != null ? r.valid().start() : null;
        return new ExprCompiler.Scope(lets, Map.of(), d);
    }

    private String condition(ExprCompiler ec, Rule r, ExprCompiler.Scope scope) {
        List<String> parts = new ArrayList<>();
        if (r.region() != null && !r.region().isEmpty()) {
            parts.add("(substr(region, 1, " + r.region().length() + ") = " + ExprCompiler.text(r.region()) + ")");
        }
        for (Condition c : r.conditions()) {
            parts.add(((Logic) ec.compile(c.expr().expr(), scope)).sql());
        }
        return parts.isEmpty() ? "TRUE" : "(" + String.join("\n    AND ", parts) + ")";
    }

    private Dec amount(ExprCompiler ec, Decimals dec, Rule r, ExprCompiler.Scope scope, List<SharedCap> caps,
                       Map<String, Integer> index, LocalDate asOf) {
        Dec zero = dec.literal(java.math.BigDecimal.ZERO);
        SqlValue a = dec.max(zero, ec.compile(r.amount().expr(), scope)); // a negative amount counts as 0
        if (r.cap() != null) {
            a = dec.min(a, ec.compile(r.cap().expr(), scope));
        }
        if (!r.deducts().isEmpty()) {
            SqlValue already = null;
            for (String d : r.deducts()) {
                Dec g = new Dec(index.containsKey(d) ? "g_" + index.get(d) : "CAST(NULL AS " + dialect.decimal(2) + ")", 2);
                already = already == null ? g : dec.add(already, g);
            }
            a = dec.max(dec.literal(java.math.BigDecimal.ZERO), dec.sub(a, already));
        }
        for (SharedCap cap : caps) {
            int pos = cap.rules().indexOf(r.id());
            if (pos < 0) {
                continue;
            }
            SqlValue left = ec.compile(cap.cap().expr(), scope);
            for (String before : cap.rules().subList(0, pos)) {
                if (index.containsKey(before)) { // rules outside this evaluation take nothing
                    left = dec.sub(left, new Dec("g_" + index.get(before), 2));
                }
            }
            a = dec.min(a, dec.max(zero, left));
        }
        Dec rounded = dec.roundToFen(a);
        if (r.payers().size() > 1) { // unknown shares make the amount unknown
            List<String> known = new ArrayList<>();
            for (var p : r.payers()) {
                known.add(dec.known(ec.compile(p.share().expr(), scope)));
            }
            rounded = new Dec("CASE WHEN " + String.join(" AND ", known) + " THEN " + rounded.sql() + " END", 2);
        }
        return rounded;
    }

    /** 取高不重复: a rule of a class gets 0 when another rule of the same class grants more. */
    private String highest(List<Rule> rules, int i, Decimals dec) {
        Rule r = rules.get(i);
        String own = "CASE WHEN st_" + i + " = 'eligible' THEN r_" + i + " END";
        if (r.ruleClass() == null || r.stacking() != Stacking.取高不重复) {
            return own;
        }
        // yields to an eligible same-class rule granting more, or as much when that one is 叠加 or comes first
        List<String> higher = new ArrayList<>();
        for (int j = 0; j < rules.size(); j++) {
            Rule o = rules.get(j);
            if (j != i && r.ruleClass().equals(o.ruleClass()) && o.computable() && r.currency().equals(o.currency())) {
                String op = o.stacking() == Stacking.叠加 || j < i ? " >= " : " > ";
                higher.add("(st_" + j + " = 'eligible' AND r_" + j + op + "r_" + i + ")");
            }
        }
        if (higher.isEmpty()) {
            return own;
        }
        return "CASE WHEN st_" + i + " = 'eligible' THEN CASE WHEN " + String.join(" OR ", higher) + " THEN "
                + dec.widen(dec.literal(java.math.BigDecimal.ZERO), 2).sql() + " ELSE r_" + i + " END END";
    }

    /** Evaluation layer of each rule: 0 unless it reads other rules, then one more than the latest it reads. */
    private int[] levels(List<Rule> rules, List<SharedCap> caps, Map<String, Integer> index) {
        List<Set<Integer>> deps = new ArrayList<>();
        for (Rule r : rules) {
            Set<Integer> d = new LinkedHashSet<>();
            for (String id : Dependencies.of(r, caps)) {
                if (index.containsKey(id)) {
                    d.add(index.get(id));
                }
            }
            deps.add(d);
        }
        int[] level = new int[rules.size()];
        int[] state = new int[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            level(i, deps, level, state, rules);
        }
        return level;
    }

    private int level(int i, List<Set<Integer>> deps, int[] level, int[] state, List<Rule> rules) {
        if (state[i] == 2) {
            return level[i];
        }
        if (state[i] == 1) {
            throw new IllegalArgumentException("规则之间循环引用：" + rules.get(i).id());
        }
        state[i] = 1;
        int l = 0;
        for (int d : deps.get(i)) {
            l = Math.max(l, level(d, deps, level, state, rules) + 1);
        }
        state[i] = 2;
        level[i] = l;
        return l;
    }
}
