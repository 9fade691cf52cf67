package huiqi.batch.run;

import huiqi.batch.sql.CompiledRule;
import huiqi.batch.sql.CompiledRules;
import huiqi.batch.sql.SqlDialect;
import huiqi.batch.sql.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * The per-rule and per-payer summary of a result table and the long result query, as standard SQL shared by
 * the DuckDB and Spark engines (so both summarize and write exactly alike).
 */
public final class Summaries {
    /** Values per rule in the row of {@link #query}: eligible, ineligible, undeterminable, amount, payer 1, payer 2. */
    public static final int COLUMNS_PER_RULE = 6;

    private Summaries() {
    }

    /** The evaluation as a query of the result table's columns: uscc, then per rule status, amount and payer parts. */
    public static String resultSelect(CompiledRules compiled) {
        List<String> cols = new ArrayList<>(List.of("uscc"));
        for (CompiledRule r : compiled.rules()) {
            cols.addAll(resultColumns(r));
        }
        return "SELECT " + String.join(", ", cols) + " FROM (" + compiled.select() + ") AS evaluated";
    }

    /**
     * A rule's columns in a result table: status; for a computable rule also the amount before 取高不重复 (kept so
     * that a what-if can reuse it), the final amount and payer 1; payer 2 for two payers.
     */
    public static List<String> resultColumns(CompiledRule r) {
        List<String> cols = new ArrayList<>(List.of(r.statusColumn()));
        if (r.amountColumn() != null) {
            cols.add(r.rawAmountColumn());
            cols.add(r.amountColumn());
            cols.add(r.payer1Column());
        }
        if (r.payer2Column() != null) {
            cols.add(r.payer2Column());
        }
        return cols;
    }

    /** The progress line announcing an evaluation (with the overridden parameters of a what-if). */
    public static String evaluating(CompiledRules compiled, huiqi.rules.eval.Overrides overrides) {
        return "评估 " + compiled.rules().size() + " 条规则" + (overrides.values().isEmpty() ? "" : "（试算覆盖 "
                + String.join("、", overrides.values().keySet()) + "）") + "…";
    }

    /** {@link #query} for only the rules of these indices (in the order of {@code compiled.rules()}). */
    public static String query(CompiledRules compiled, String table, java.util.Set<Integer> only) {
        List<CompiledRule> some = compiled.rules().stream().filter(r -> only.contains(r.index())).toList();
        return query(new CompiledRules(compiled.select(), some, compiled.facts()), table);
    }

    /** One row: per rule eligible, ineligible, undeterminable counts and the sums of amount, payer 1, payer 2. */
    public static String query(CompiledRules compiled, String table) {
        List<String> aggs = new ArrayList<>();
        for (CompiledRule r : compiled.rules()) {
            String st = r.statusColumn();
            aggs.add("count(*) FILTER (WHERE " + Status.eligible(st) + ")");
            aggs.add("count(*) FILTER (WHERE " + Status.ineligible(st) + ")");
            aggs.add("count(*) FILTER (WHERE " + st + " = " + Status.UNDETERMINABLE + ")");
            aggs.add(r.amountColumn() == null ? "NULL" : "sum(" + r.amountColumn() + ")");
            aggs.add(r.payer1Column() == null ? "NULL" : "sum(" + r.payer1Column() + ")");
            aggs.add(r.payer2Column() == null ? "NULL" : "sum(" + r.payer2Column() + ")");
        }
        return "SELECT " + String.join(", ", aggs) + " FROM " + table;
    }

    /** The result from the row of {@link #query}; {@code column} gives the i-th value (0-based; Long, BigDecimal or null). */
    public static BatchResult result(String table, CompiledRules compiled, long enterprises, long millis,
                                     IntFunction<Object> column) {
        List<RuleSummary> rules = new ArrayList<>();
        Map<String, BigDecimal> byPayer = new LinkedHashMap<>();
        int i = 0;
        for (CompiledRule r : compiled.rules()) {
            long el = ((Number) column.apply(i++)).longValue();
            long in = ((Number) column.apply(i++)).longValue();
            long un = ((Number) column.apply(i++)).longValue();
            BigDecimal total = money(column.apply(i++), r);
            BigDecimal p1 = money(column.apply(i++), r);
            BigDecimal p2 = money(column.apply(i++), r);
            rules.add(new RuleSummary(r.rule().id(), r.rule().title(), r.rule().currency(), el, in, un, total));
            if ("CNY".equals(r.rule().currency())) {
                byPayer.merge(r.payer1(), p1, BigDecimal::add);
                if (r.payer2() != null) {
                    byPayer.merge(r.payer2(), p2, BigDecimal::add);
                }
            }
        }
        return new BatchResult(table, compiled, enterprises, rules, byPayer, millis);
    }

    private static BigDecimal money(Object v, CompiledRule r) {
        if (r.amountColumn() == null) {
            return null;
        }
        return (v == null ? BigDecimal.ZERO : (BigDecimal) v).setScale(2);
    }

    /**
     * The long result: one row per enterprise and rule (uscc, rule_id, status, amount, currency, payer,
     * payer_amount, payer2, payer2_amount[, allocated, shortfall]) ordered by enterprise then rule.
     * {@code budgetTable} (nullable) is the per (uscc, rule_id) roll-up of a budget allocation.
     */
    public static String longQuery(BatchResult r, String budgetTable, SqlDialect d) {
        List<String> parts = new ArrayList<>();
        for (CompiledRule cr : r.compiled().rules()) {
            List<String> cols = new ArrayList<>(List.of("uscc"));
            ruleRow(cr, UnaryOperator.identity(), d).forEach((name, expr) -> cols.add(expr + " AS " + name));
            parts.add("SELECT " + String.join(", ", cols) + " FROM " + r.table());
        }
        String union = String.join("\nUNION ALL ", parts);
        String cols = "u.uscc, u.rule_id, u.status, u.amount, u.currency, u.payer, u.payer_amount, u.payer2, u.payer2_amount";
        if (budgetTable == null) {
            return "SELECT " + cols + " FROM (" + union + ") AS u ORDER BY u.uscc, u.rule_no";
        }
        return "SELECT " + cols + ", b.allocated, b.shortfall FROM (" + union + ") AS u LEFT JOIN " + budgetTable
                + " AS b ON b.uscc = u.uscc AND b.rule_id = u.rule_id ORDER BY u.uscc, u.rule_no";
    }

    /**
     * One rule's row of the long result (without uscc), in order: rule_no, rule_id, status, amount (the amount
     * when eligible, 0 when not, null when undeterminable or not computable), currency, payer, payer_amount, payer2,
     * payer2_amount, as name → expression over the result table's columns; {@code column} names a result column
     * where the expression reads it (e.g. with a table alias).
     */
    public static Map<String, String> ruleRow(CompiledRule cr, UnaryOperator<String> column, SqlDialect d) {
        String st = column.apply(cr.statusColumn());
        String noMoney = "CAST(NULL AS DECIMAL(38,2))";
        Map<String, String> row = new LinkedHashMap<>();
        row.put("rule_no", Integer.toString(cr.index()));
        row.put("rule_id", lit(cr.rule().id(), d));
        row.put("status", Status.text(st));
        row.put("amount", cr.amountColumn() == null ? noMoney
                : "CASE WHEN " + Status.eligible(st) + " THEN " + column.apply(cr.amountColumn()) + " WHEN "
                + Status.ineligible(st) + " THEN CAST(0 AS DECIMAL(38,2)) END");
        row.put("currency", lit(cr.rule().currency(), d));
        row.put("payer", lit(cr.payer1(), d));
        row.put("payer_amount", cr.payer1Column() == null ? noMoney : column.apply(cr.payer1Column()));
        row.put("payer2", lit(cr.payer2(), d));
        row.put("payer2_amount", cr.payer2Column() == null ? noMoney : column.apply(cr.payer2Column()));
        return row;
    }

    /** The result table's columns {@link #ruleRow} reads for this rule. */
    public static List<String> ruleRowColumns(CompiledRule cr) {
        List<String> cols = new ArrayList<>(List.of(cr.statusColumn()));
        for (String c : new String[] {cr.amountColumn(), cr.payer1Column(), cr.payer2Column()}) {
            if (c != null) {
                cols.add(c);
            }
        }
        return cols;
    }

    /** Whether any rule of the result has a per-item payer (borne_by), i.e. {@link #partsQuery} has rows to give. */
    public static boolean hasParts(BatchResult r) {
        return r.compiled().rules().stream().anyMatch(cr -> cr.partRows() != null);
    }

    /**
     * borne_by: one row per enterprise, rule and bearer (uscc, rule_id, payer, role, bearer, amount, items) for every
     * eligible result with a positive amount, as the interpreter's parts: the counted items' amounts (each to the fen)
     * summed per bearer, 0 when 取高不重复 let a rival win; ordered by enterprise, rule and bearer.
     */
    public static String partsQuery(BatchResult r, SqlDialect d) {
        List<String> parts = new ArrayList<>();
        for (CompiledRule cr : r.compiled().rules()) {
            if (cr.partRows() == null) {
                continue;
            }
            String zero = "CAST(0 AS DECIMAL(38,2))";
            parts.add("SELECT q.uscc AS uscc, " + cr.index() + " AS rule_no, " + lit(cr.rule().id(), d) + " AS rule_id, "
                    + lit(cr.payer1(), d) + " AS payer, " + lit(cr.rule().itemPayer().fieldName(), d) + " AS role, q.bearer AS bearer, "
                    + "CASE WHEN res." + cr.amountColumn() + " = res." + cr.rawAmountColumn() + " THEN CAST(sum(q.v) AS DECIMAL(38,2)) ELSE "
                    + zero + " END AS amount, count(*) AS items FROM (" + cr.partRows() + ") AS q JOIN " + r.table() + " res ON res.uscc = q.uscc"
                    + " WHERE " + Status.eligible("res." + cr.statusColumn()) + " AND res." + cr.rawAmountColumn() + " > 0 AND q.inc = 1"
                    + " GROUP BY q.uscc, q.bearer, res." + cr.amountColumn() + ", res." + cr.rawAmountColumn());
        }
        if (parts.isEmpty()) {
            return "SELECT CAST(NULL AS " + d.text() + ") AS uscc WHERE FALSE";
        }
        return "SELECT p.uscc, p.rule_id, p.payer, p.role, p.bearer, p.amount, p.items FROM (" + String.join("\nUNION ALL ", parts)
                + ") AS p ORDER BY p.uscc, p.rule_no, p.bearer";
    }

    static String lit(String s, SqlDialect d) {
        return s == null ? "CAST(NULL AS " + d.text() + ")" : "'" + s.replace("'", "''") + "'";
    }
}
