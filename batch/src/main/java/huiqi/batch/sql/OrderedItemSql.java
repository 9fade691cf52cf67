package huiqi.batch.sql;

import huiqi.batch.sql.SqlValue.Dec;
import huiqi.batch.sql.SqlValue.Logic;
import huiqi.rules.lang.Expr;
import huiqi.rules.lang.Exprs;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * An item loop with {@code order by} and {@code sum_before}, with the interpreter's semantics. The running sums are window
 * functions over the whole items table (not correlated with the enterprise: the checker lets the key, the filter and
 * sum_before's argument read only the item), partitioned by enterprise and by "counted or not", ordered by the key and
 * then the item id in the same direction; each term is settled to the fen, and one unknown term leaves every later sum
 * unknown. The enterprise's aggregate then reads that table like an unordered loop, unknown when an item's filter is
 * unknown or a counted item's key or value is.
 */
final class OrderedItemSql {
    private OrderedItemSql() {
    }

    static SqlValue loop(ExprCompiler outer, Expr.ItemLoop l, ExprCompiler.Scope s) {
        String alias = "it_" + l.variable();
        ExprCompiler local = outer.forItem(l.variable(), alias);
        Decimals dec = local.decimals();
        String inc = l.filter() == null ? "1" : "CASE WHEN " + ((Logic) local.compile(l.filter(), s)).sql() + " THEN 1 WHEN NOT "
                + ((Logic) local.compile(l.filter(), s)).sql() + " THEN 0 END";
        String key = sql(local.compile(l.order().key(), s));
        List<Expr.RunningSum> sums = new ArrayList<>();
        Exprs.walk(l.body(), e -> {
            if (e instanceof Expr.RunningSum r && r.variable().equals(l.variable()) && !sums.contains(r)) {
                sums.add(r);
            }
        });
        StringBuilder terms = new StringBuilder();
        for (int k = 0; k < sums.size(); k++) {
            terms.append(", ").append(dec.roundToFen(local.compile(sums.get(k).arg(), s)).sql()).append(" AS o_t").append(k);
        }
        String perItem = "SELECT " + alias + ".*, " + inc + " AS o_inc, " + key + " AS o_key" + terms + " FROM " + ItemSql.table(l.kind())
                + " " + alias + " WHERE " + alias + ".item_id IS NOT NULL";
        String dir = l.order().descending() ? " DESC" : " ASC";
        String window = " OVER (PARTITION BY w.item_uscc, CASE WHEN w.o_inc = 1 THEN 1 ELSE 0 END ORDER BY w.o_key" + dir
                + ", w.item_id" + dir + " ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)";
        String zero = dec.widen(dec.literal(java.math.BigDecimal.ZERO), 2).sql();
        StringBuilder running = new StringBuilder();
        Map<Expr, String> columns = new IdentityHashMap<>();
        for (int k = 0; k < sums.size(); k++) {
            String t = "w.o_t" + k;
            running.append(", CASE WHEN sum(CASE WHEN ").append(t).append(" IS NULL THEN 1 ELSE 0 END)").append(window)
                    .append(" > 0 THEN NULL ELSE coalesce(sum(").append(t).append(")").append(window).append(", ").append(zero)
                    .append(") END AS o_s").append(k);
            columns.put(sums.get(k), alias + ".o_s" + k);
        }
        String ordered = "SELECT w.*" + running + " FROM (" + perItem + ") w";

        ExprCompiler inner = outer.forOrderedItem(l.variable(), alias, columns);
        Dec v = inner.decimals().roundToFen(inner.compile(l.body(), s));
        String rows = "SELECT " + alias + ".o_inc AS inc, " + alias + ".o_key AS k, " + v.sql() + " AS v FROM (" + ordered + ") "
                + alias + " WHERE " + alias + ".item_uscc = uscc";
        String unknown = "sum(CASE WHEN inc IS NULL OR (inc = 1 AND (v IS NULL OR k IS NULL)) THEN 1 ELSE 0 END)";
        String agg = switch (l.aggregate()) {
            case SUM -> "coalesce(sum(CASE WHEN inc = 1 THEN v END), " + zero + ")";
            case MIN -> "min(CASE WHEN inc = 1 THEN v END)";
            case MAX -> "max(CASE WHEN inc = 1 THEN v END)";
        };
        String sql = "CASE WHEN " + ItemSql.given(l.kind()) + " THEN (SELECT CASE WHEN count(*) = 0 OR " + unknown + " = 0 THEN CAST("
                + agg + " AS " + ItemSql.outerDecimal(outer) + ") END FROM (" + rows + ") AS q) END";
        return new Dec(sql, 2);
    }

    private static String sql(SqlValue v) {
        if (v instanceof SqlValue.Day d) {
            return d.sql();
        }
        if (v instanceof Dec d) {
            return d.sql();
        }
        if (v instanceof SqlValue.Frac f) {
            return "(" + f.num().sql() + " / " + f.den().sql() + ")"; // order only: exactness of the quotient is irrelevant
        }
        throw new IllegalStateException("排序依据须为日期或数值: " + v);
    }
}
