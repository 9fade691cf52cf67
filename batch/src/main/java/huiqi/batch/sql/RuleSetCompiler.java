package huiqi.batch.sql;

import huiqi.batch.sql.SqlValue.Dec;
import huiqi.batch.sql.SqlValue.Logic;
import huiqi.facts.IndicatorCatalog;
import huiqi.policy.Zones;
import huiqi.rules.file.Condition;
import huiqi.rules.file.Let;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.rules.lang.Checker;
import huiqi.rules.plan.RulePlan.Step;
import huiqi.rules.plan.RulePlan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a rule set to one SELECT over table {@code wide}, following its {@link RulePlan}: each layer of the
 * plan is a SELECT over the previous one, so a rule reads the columns of the rules it depends on:
 * <pre>
 *   layer k:  c_i (conditions, 3-valued), r_i (amount: capped, deducted, share of a shared cap, rounded once)
 *             st_i (status code, see {@link Status}), g_i (granted: r_i if eligible, 0 if ineligible, NULL if undeterminable)
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

    /**
     * A what-if evaluated against an earlier result of the same rules and population: {@code baseTable} holds
     * every rule's result columns (see {@code Summaries.resultSelect}) of a variant differing only in the values of
     * {@code changedParams}.
     */
    public record Reuse(String baseTable, Set<String> changedParams) {
    }

    public CompiledRules compile(List<RuleFile> files, LocalDate asOf, Params params, FactColumns facts) {
        return compile(files, asOf, params, facts, null);
    }

    /**
     * With {@code reuse}, only the rules {@link Recompute#affected} are evaluated again (over {@code wide} joined
     * with the base result); every other rule's columns are the base result's. The result columns are the same
     * as those of the full query. {@code reuse} null: the full query.
     */
    public CompiledRules compile(List<RuleFile> files, LocalDate asOf, Params params, FactColumns facts, Reuse reuse) {
        RulePlan plan = RulePlan.of(files, asOf);
        Set<Integer> redo = reuse == null ? null : Recompute.affected(plan, reuse.changedParams());
        ExprCompiler.RuleRefs refs = new ExprCompiler.RuleRefs() {
            // a rule outside this evaluation (not valid on --as-of) reads as unknown, like the interpreter
            @Override public String status(String id) { return column(plan, "st_", id, Status.TYPE); }
            @Override public String granted(String id) { return column(plan, "g_", id, dialect.decimal(2)); }
        };
        SharedExpressions shared = new SharedExpressions();
        ItemAggregates items = new ItemAggregates();
        ExprCompiler ec = new ExprCompiler(dialect, catalog, facts, params, refs, shared, items);
        Decimals dec = ec.decimals();
        String zero = dec.widen(dec.literal(BigDecimal.ZERO), 2).sql();
        String from = ItemAggregates.BASE;
        for (List<Step> all : plan.layers()) {
            List<Step> layer = all.stream().filter(s -> redo == null || redo.contains(s.index())).toList();
            if (layer.isEmpty()) {
                continue;
            }
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            for (Step s : layer) {
                int i = s.index();
                ExprCompiler.Scope scope = scope(s);
                first.add(condition(ec, s, scope) + " AS c_" + i);
                if (s.rule().computable()) {
                    first.add(amount(ec, dec, s, scope, refs).sql() + " AS r_" + i);
                    second.add(Status.of("c_" + i, "r_" + i) + " AS st_" + i);
                    second.add("CASE WHEN c_" + i + " IS FALSE THEN " + zero + " WHEN c_" + i + " IS TRUE THEN r_" + i + " END AS g_" + i);
                } else {
                    second.add(Status.of("c_" + i, null) + " AS st_" + i);
                    // deducts and shared caps read an eligibility-only rule as 0, or unknown when undeterminable
                    second.add("CASE WHEN c_" + i + " IS NOT NULL THEN " + zero + " END AS g_" + i);
                }
            }
            int lv = layer.get(0).layer();
            from = shared.place(from);
            from = "(SELECT *, " + String.join(",\n  ", second) + "\nFROM (SELECT *, " + String.join(",\n  ", first)
                    + "\nFROM " + from + ") AS l" + lv + "a) AS l" + lv + "b";
        }
        List<CompiledRule> compiled = new ArrayList<>();
        List<String> last = new ArrayList<>();
        List<String> payers = new ArrayList<>(); // payers' shares read am_i, so they go one SELECT further out
        for (Step s : plan.steps()) {
            Rule r = s.rule();
            int i = s.index();
            if (!r.computable()) {
                compiled.add(new CompiledRule(r, i, "st_" + i, null, null, null));
                continue;
            }
            String am = "am_" + i;
            if (redo != null && !redo.contains(i)) { // the base result's am_, p1_, p2_
                String parts = r.itemPayer() == null ? null
                        : ItemSql.partRows(ec, (huiqi.rules.lang.Expr.ItemLoop) r.amount().expr(), scope(s), r.itemPayer().field());
                compiled.add(new CompiledRule(r, i, "st_" + i, am, "p1_" + i, r.payers().size() > 1 ? "p2_" + i : null, parts));
                continue;
            }
            last.add(highest(s, zero) + " AS " + am);
            if (r.payers().size() > 1) {
                SqlValue share = ec.compile(r.payers().get(0).share().expr(), scope(s));
                Dec first = dec.roundToFen(dec.mul(new Dec(am, 2), share));
                payers.add(first.sql() + " AS p1_" + i);
                payers.add("(" + am + " - " + first.sql() + ") AS p2_" + i);
                compiled.add(new CompiledRule(r, i, "st_" + i, am, "p1_" + i, "p2_" + i));
            } else {
                payers.add(am + " AS p1_" + i);
                String parts = r.itemPayer() == null ? null
                        : ItemSql.partRows(ec, (huiqi.rules.lang.Expr.ItemLoop) r.amount().expr(), scope(s), r.itemPayer().field());
                compiled.add(new CompiledRule(r, i, "st_" + i, am, "p1_" + i, null, parts));
            }
        }
        String fin = shared.place("(SELECT *" + (last.isEmpty() ? "" : ", " + String.join(",\n  ", last)) + "\nFROM " + from
                + ") AS fin");
        String sql = "SELECT *" + (payers.isEmpty() ? "" : ", " + String.join(",\n  ", payers)) + "\nFROM " + fin;
        sql = redo == null ? items.join(sql, "wide", "wide") : items.join(sql, reused(plan, redo, reuse.baseTable(), zero), "reused");
        return new CompiledRules(sql, compiled, facts);
    }

    /**
     * {@code wide} with the base result's columns of the rules not evaluated again: status, amount before
     * 取高不重复 (r_), granted (g_, as the full query derives it: 0 when ineligible, r_ when eligible, else unknown),
     * final amount and payers' shares.
     */
    private static String reused(RulePlan plan, Set<Integer> redo, String base, String zero) {
        List<String> cols = new ArrayList<>(List.of("w.*"));
        for (Step s : plan.steps()) {
            int i = s.index();
            if (redo.contains(i)) {
                continue;
            }
            cols.add("b.st_" + i);
            if (s.rule().computable()) {
                cols.add("b.r_" + i);
                cols.add("CASE WHEN " + Status.ineligible("b.st_" + i) + " THEN " + zero + " WHEN " + Status.eligible("b.st_" + i)
                        + " THEN b.r_" + i + " END AS g_" + i);
                cols.add("b.am_" + i);
                cols.add("b.p1_" + i);
                if (s.rule().payers().size() > 1) {
                    cols.add("b.p2_" + i);
                }
            } else {
                cols.add("CASE WHEN " + Status.decided("b.st_" + i) + " THEN " + zero + " END AS g_" + i);
            }
        }
        return "(SELECT " + String.join(", ", cols) + "\nFROM wide w JOIN " + base + " b ON b.uscc = w.uscc) AS reused";
    }

    /** A column of another rule, or a typed NULL for a rule not in force. */
    private static String column(RulePlan plan, String prefix, String id, String type) {
        return plan.step(id).map(s -> prefix + s.index()).orElse("CAST(NULL AS " + type + ")");
    }

    /** The rule's lets, and the date its parameters are read on. */
    static ExprCompiler.Scope scope(Step s) {
        Map<String, Checker.Checked> lets = new HashMap<>();
        for (Let l : s.rule().lets()) {
            lets.put(l.name(), l.expr());
        }
        return new ExprCompiler.Scope(lets, Map.of(), s.paramDate());
    }

    private String condition(ExprCompiler ec, Step s, ExprCompiler.Scope scope) {
        Rule r = s.rule();
        List<String> parts = new ArrayList<>();
        if (s.validityPending() != null) { // may have ended on an unpublished event date: one more unknown condition
            parts.add("CAST(NULL AS BOOLEAN)");
        }
        if (r.region() != null && !r.region().isEmpty()) {
            parts.add("(substr(region, 1, " + r.region().length() + ") = " + ExprCompiler.text(r.region()) + ")");
        }
        if (r.zone() != null) {
            parts.add("(a_" + Zones.ATTRIBUTE + " = " + ExprCompiler.text(r.zone()) + ")");
        }
        for (Condition c : r.conditions()) {
            parts.add(((Logic) ec.compile(c.expr().expr(), scope)).sql());
        }
        return parts.isEmpty() ? "TRUE" : "(" + String.join("\n    AND ", parts) + ")";
    }

    private Dec amount(ExprCompiler ec, Decimals dec, Step s, ExprCompiler.Scope scope, ExprCompiler.RuleRefs refs) {
        Rule r = s.rule();
        Dec zero = dec.literal(BigDecimal.ZERO);
        SqlValue a = dec.max(zero, ec.compile(r.amount().expr(), scope)); // a negative amount counts as 0
        if (r.cap() != null) {
            a = dec.min(a, ec.compile(r.cap().expr(), scope));
        }
        if (!r.deducts().isEmpty()) {
            SqlValue already = null;
            for (String d : r.deducts()) {
                Dec g = new Dec(refs.granted(d), 2);
                already = already == null ? g : dec.add(already, g);
            }
            a = dec.max(zero, dec.sub(a, already));
        }
        for (RulePlan.CapShare cap : s.sharedCaps()) {
            SqlValue left = ec.compile(cap.cap().cap().expr(), scope);
            for (String before : cap.before()) {
                left = dec.sub(left, new Dec(refs.granted(before), 2));
            }
            a = dec.min(a, dec.max(zero, left));
        }
        Dec rounded = dec.roundToFen(a);
        if (r.itemPayer() != null) { // a counted item naming no bearer: nobody to bear its part, as the interpreter
            rounded = new Dec("CASE WHEN " + ItemSql.bearerMissing(ec, (huiqi.rules.lang.Expr.ItemLoop) r.amount().expr(), scope,
                    r.itemPayer().field()) + " THEN NULL ELSE " + rounded.sql() + " END", 2);
        }
        if (r.payers().size() > 1) { // unknown shares make the amount unknown
            List<String> known = new ArrayList<>();
            for (var p : r.payers()) {
                known.add(dec.known(ec.compile(p.share().expr(), scope)));
            }
            rounded = new Dec("CASE WHEN " + String.join(" AND ", known) + " THEN " + rounded.sql() + " END", 2);
        }
        return rounded;
    }

    /** 取高不重复: a rule gets 0 when an eligible rival grants more (or as much, when the rival wins ties). */
    private static String highest(Step s, String zero) {
        int i = s.index();
        String own = "CASE WHEN " + Status.eligible("st_" + i) + " THEN r_" + i + " END";
        if (s.rivals().isEmpty()) {
            return own;
        }
        List<String> higher = new ArrayList<>();
        for (RulePlan.Rival o : s.rivals()) {
            int j = o.index();
            higher.add("(" + Status.eligible("st_" + j) + " AND r_" + j + (o.winsTies() ? " >= " : " > ") + "r_" + i + ")");
        }
        return "CASE WHEN " + Status.eligible("st_" + i) + " THEN CASE WHEN " + String.join(" OR ", higher) + " THEN "
                + zero + " ELSE r_" + i + " END END";
    }
}
