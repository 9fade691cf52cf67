package huiqi.batch.sql;

import huiqi.batch.sql.SqlValue.Dec;
import huiqi.batch.sql.SqlValue.Logic;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.ItemKind;
import huiqi.rules.lang.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Items as child tables: table {@code items_<kind>(item_uscc, item_id, i_<field>…)}, one row per item and a row with a
 * NULL item_id for a list declared empty, built from the long {@code items_src(uscc, kind, item_id, field, value)}. An
 * item loop compiles to a scalar subquery aggregating that enterprise's rows, with the interpreter's semantics: each
 * item's value rounded to the fen, an item whose filter or value is unknown makes the aggregate unknown, a list not
 * given is unknown, an empty one sums to 0.
 */
public final class ItemSql {
    /** Number fields of items are read as DECIMAL(38,6) (the inputs refuse more decimals). */
    public static final int SCALE = 6;

    /** Chinese headers of the items file. */
    public static final java.util.Map<String, String> HEADER_ALIASES = java.util.Map.of("统一社会信用代码", "uscc", "清单", "kind",
            "编号", "item_id", "字段", "field", "值", "value");

    private ItemSql() {
    }

    public static String table(String kind) {
        return "items_" + kind;
    }

    /** The SELECT building the child table of one kind from {@code items_src}; kind and field by id or Chinese name. */
    public static String childTable(ItemKind kind, SqlDialect d) {
        List<String> cols = new ArrayList<>();
        cols.add("uscc AS item_uscc");
        cols.add("CASE WHEN item_id = '' THEN NULL ELSE item_id END AS item_id");
        for (ItemKind.Field f : kind.fields()) {
            String v = "max(CASE WHEN field IN (" + ExprCompiler.text(f.id()) + ", " + ExprCompiler.text(f.name()) + ") THEN value END)";
            String typed = switch (f.type()) {
                case NUMBER -> "CAST(" + v + " AS " + d.decimal(SCALE) + ")";
                case DATE -> "CAST(" + v + " AS DATE)";
                case BOOLEAN -> "CASE " + v + " WHEN 'true' THEN TRUE WHEN '是' THEN TRUE WHEN 'false' THEN FALSE WHEN '否' THEN FALSE END";
                default -> v;
            };
            cols.add(typed + " AS i_" + f.id());
        }
        return "SELECT " + String.join(", ", cols) + " FROM items_src WHERE kind IN (" + ExprCompiler.text(kind.id()) + ", "
                + ExprCompiler.text(kind.name()) + ") GROUP BY uscc, item_id";
    }

    /** An empty {@code items_src} for a data directory without an items file. */
    public static String emptySource(SqlDialect d) {
        String t = d.text();
        return "SELECT CAST(NULL AS " + t + ") AS uscc, CAST(NULL AS " + t + ") AS kind, CAST(NULL AS " + t + ") AS item_id, CAST(NULL AS "
                + t + ") AS field, CAST(NULL AS " + t + ") AS value WHERE FALSE";
    }

    /** The kinds the rules loop over. */
    public static List<String> kindsUsed(List<huiqi.rules.file.RuleFile> files) {
        List<String> out = new ArrayList<>();
        for (var f : files) {
            for (var r : f.rules()) {
                List<huiqi.rules.lang.Checker.Checked> exprs = new ArrayList<>();
                r.conditions().forEach(c -> exprs.add(c.expr()));
                r.lets().forEach(l -> exprs.add(l.expr()));
                if (r.amount() != null) {
                    exprs.add(r.amount());
                }
                if (r.cap() != null) {
                    exprs.add(r.cap());
                }
                exprs.forEach(c -> huiqi.rules.lang.Exprs.walk(c.expr(), e -> {
                    if (e instanceof Expr.ItemLoop l && !out.contains(l.kind())) {
                        out.add(l.kind());
                    }
                    if (e instanceof Expr.Fn fn && fn.function() == Expr.Function.ITEMS_GIVEN
                            && !out.contains(((Expr.Text) fn.args().get(0)).value())) {
                        out.add(((Expr.Text) fn.args().get(0)).value());
                    }
                }));
            }
        }
        return out;
    }

    /** The aggregate of an item loop for the enterprise of the current row. */
    static SqlValue loop(ExprCompiler outer, Expr.ItemLoop l, ExprCompiler.Scope s) {
        if (l.order() != null) {
            return OrderedItemSql.loop(outer, l, s);
        }
        ExprCompiler inner = outer.forItem(l.variable(), "it_" + l.variable());
        Decimals dec = inner.decimals();
        String alias = "it_" + l.variable();
        String filter = l.filter() == null ? null : ((Logic) inner.compile(l.filter(), s)).sql();
        Dec v = dec.roundToFen(inner.compile(l.body(), s));
        String agg = switch (l.aggregate()) {
            case SUM -> "coalesce(sum(CASE WHEN inc = 1 THEN v END), " + dec.widen(dec.literal(java.math.BigDecimal.ZERO), 2).sql() + ")";
            case MIN -> "min(CASE WHEN inc = 1 THEN v END)";
            case MAX -> "max(CASE WHEN inc = 1 THEN v END)";
        };
        String unknown = "sum(CASE WHEN inc IS NULL OR (inc = 1 AND v IS NULL) THEN 1 ELSE 0 END)";
        ItemAggregates once = outer.itemAggregates();
        if (once != null && selfContained(l)) {
            // one GROUP BY over the child table; the row with a NULL item_id (a list declared empty) counts as no item
            String inc = "CASE WHEN " + alias + ".item_id IS NULL THEN 0"
                    + (filter == null ? " ELSE 1 END" : " WHEN " + filter + " THEN 1 WHEN NOT " + filter + " THEN 0 END");
            String rows = "SELECT " + alias + ".item_uscc AS item_uscc, " + alias + ".item_id AS item_id, " + inc + " AS inc, " + v.sql()
                    + " AS v FROM " + table(l.kind()) + " " + alias;
            return new Dec(once.loop("SELECT item_uscc, CASE WHEN count(item_id) = 0 OR " + unknown + " = 0 THEN CAST(" + agg + " AS "
                    + outerDecimal(outer) + ") END AS v FROM (" + rows + ") AS q GROUP BY item_uscc"), 2);
        }
        String inc = filter == null ? "1" : "CASE WHEN " + filter + " THEN 1 WHEN NOT " + filter + " THEN 0 END";
        String rows = "SELECT " + alias + ".item_id AS item_id, " + inc + " AS inc, " + v.sql() + " AS v FROM " + table(l.kind()) + " "
                + alias + " WHERE " + alias + ".item_uscc = uscc AND " + alias + ".item_id IS NOT NULL";
        String given = given(l.kind());
        String sql = "CASE WHEN " + given + " THEN (SELECT CASE WHEN count(*) = 0 OR " + unknown + " = 0 THEN CAST(" + agg + " AS "
                + outerDecimal(outer) + ") END FROM (" + rows + ") AS q) END";
        return new Dec(sql, 2);
    }

    /**
     * The loop reads only its own item's fields and constants (no indicator, attribute, let, loop month, other rule or
     * nested loop of the enterprise's row), so it can be aggregated for all enterprises at once.
     */
    static boolean selfContained(Expr.ItemLoop l) {
        boolean[] outer = {false};
        java.util.function.Consumer<Expr> check = e -> {
            if (e instanceof Expr.IndicatorRef || e instanceof Expr.AttributeRef || e instanceof Expr.LetRef || e instanceof Expr.LoopVar
                    || e instanceof Expr.RuleRef || e instanceof Expr.ItemLoop
                    || (e instanceof Expr.ItemField f && !f.variable().equals(l.variable()))
                    || (e instanceof Expr.Fn fn && fn.function() == Expr.Function.ITEMS_GIVEN)) {
                outer[0] = true;
            }
        };
        if (l.filter() != null) {
            huiqi.rules.lang.Exprs.walk(l.filter(), check);
        }
        huiqi.rules.lang.Exprs.walk(l.body(), check);
        return !outer[0];
    }

    /**
     * borne_by: one row per item of the loop with its enterprise, bearer, whether it counts ({@code inc} 1, 0 or NULL) and
     * its value to the fen ({@code v}), from {@code wide} joined with the child table; {@link huiqi.batch.run.Summaries#partsQuery}
     * groups the counted ones of eligible results per bearer.
     */
    public static String partRows(ExprCompiler outer, Expr.ItemLoop l, ExprCompiler.Scope s, String bearerField) {
        ExprCompiler inner = outer.forItem(l.variable(), "it_" + l.variable());
        String alias = "it_" + l.variable();
        Dec v = inner.decimals().roundToFen(inner.compile(l.body(), s));
        return "SELECT wide.uscc AS uscc, " + alias + ".item_id AS item_id, " + alias + ".i_" + bearerField + " AS bearer, "
                + included(inner, l, s) + " AS inc, " + v.sql() + " AS v FROM wide JOIN " + table(l.kind()) + " " + alias + " ON "
                + alias + ".item_uscc = wide.uscc WHERE " + alias + ".item_id IS NOT NULL";
    }

    /** borne_by: the enterprise of the current row has a counted item naming no bearer. */
    static String bearerMissing(ExprCompiler outer, Expr.ItemLoop l, ExprCompiler.Scope s, String bearerField) {
        ExprCompiler inner = outer.forItem(l.variable(), "it_" + l.variable());
        String alias = "it_" + l.variable();
        String bearer = alias + ".i_" + bearerField;
        return "EXISTS (SELECT 1 FROM " + table(l.kind()) + " " + alias + " WHERE " + alias + ".item_uscc = uscc AND " + alias
                + ".item_id IS NOT NULL AND " + included(inner, l, s) + " = 1 AND (" + bearer + " IS NULL OR trim(" + bearer + ") = ''))";
    }

    private static String included(ExprCompiler inner, Expr.ItemLoop l, ExprCompiler.Scope s) {
        return l.filter() == null ? "1" : "CASE WHEN " + ((Logic) inner.compile(l.filter(), s)).sql() + " THEN 1 WHEN NOT "
                + ((Logic) inner.compile(l.filter(), s)).sql() + " THEN 0 END";
    }

    /** The enterprise of the current row gave its list of this kind (possibly empty). */
    static String given(String kind) {
        return "EXISTS (SELECT 1 FROM " + table(kind) + " g WHERE g.item_uscc = uscc)";
    }

    static String outerDecimal(ExprCompiler c) {
        return c.dialect().decimal(2);
    }

    static SqlValue field(Expr.ItemField f, String alias, IndicatorCatalog catalog, SqlDialect d, Decimals dec) {
        ItemKind.Field field = catalog.itemKind(f.kind()).flatMap(k -> k.field(f.field())).orElseThrow();
        String col = alias + ".i_" + f.field();
        return switch (field.type()) {
            case NUMBER -> dec.column(col, SCALE);
            case DATE -> new SqlValue.Day(col);
            case BOOLEAN -> new Logic(col);
            default -> new SqlValue.Str(col);
        };
    }
}
