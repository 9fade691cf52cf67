package huiqi.batch.sql;

import huiqi.facts.Period;
import huiqi.rules.size.SizeStandard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The size by 工信部联企业〔2011〕300号 ({@link SizeStandard}) as SQL, like the interpreter: the industry row by the
 * longest code prefix (none outside the standard or for a code too coarse to tell), then 大型 / 中型 / 小型 / 微型
 * from the year's figures with three-valued logic: NULL when the known figures do not decide it.
 */
final class SizeSql {
    private final SqlDialect dialect;
    private final Decimals dec;
    private final ExprCompiler compiler;

    SizeSql(SqlDialect dialect, Decimals dec, ExprCompiler compiler) {
        this.dialect = dialect;
        this.dec = dec;
        this.compiler = compiler;
    }

    /** {@code c}: the industry code, trimmed and upper-cased. */
    String derived(String c, int year) {
        StringBuilder sql = new StringBuilder("CASE WHEN " + c + " IS NULL OR " + c + " = '' THEN NULL");
        for (String out : SizeStandard.OUTSIDE) {
            sql.append(" WHEN ").append(startsWith(c, out)).append(" THEN NULL");
        }
        record Prefix(String prefix, SizeStandard.Row row) { }
        List<Prefix> prefixes = new ArrayList<>();
        SizeStandard.ROWS.forEach(r -> r.prefixes().forEach(p -> prefixes.add(new Prefix(p, r))));
        for (Prefix p : prefixes) { // a code shorter than a row's prefix and leading to it cannot tell the row
            if (p.prefix().length() > 1) {
                sql.append(" WHEN length(").append(c).append(") < ").append(p.prefix().length()).append(" AND substr(")
                        .append(ExprCompiler.text(p.prefix())).append(", 1, length(").append(c).append(")) = ").append(c)
                        .append(" THEN NULL");
            }
        }
        prefixes.sort(Comparator.comparingInt((Prefix p) -> p.prefix().length()).reversed());
        Period y = new Period.Year(year);
        for (Prefix p : prefixes) {
            sql.append(" WHEN ").append(startsWith(c, p.prefix())).append(" THEN ").append(size(p.row(), y));
        }
        sql.append(" ELSE ").append(size(SizeStandard.ROWS.get(SizeStandard.ROWS.size() - 1), y)).append(" END");
        return sql.toString();
    }

    private static String startsWith(String c, String prefix) {
        return "substr(" + c + ", 1, " + prefix.length() + ") = " + ExprCompiler.text(prefix);
    }

    private String size(SizeStandard.Row row, Period year) {
        String large = all(row, year, 0);
        String medium = all(row, year, 1);
        String small = all(row, year, 2);
        return "CASE WHEN " + large + " THEN '大型' WHEN NOT " + large + " THEN CASE WHEN " + medium + " THEN '中型' WHEN NOT "
                + medium + " THEN CASE WHEN " + small + " THEN '小型' WHEN NOT " + small + " THEN '微型' END END END";
    }

    /** Every measure at or above its bound of the tier (0 中小微 upper bound, 1 中型, 2 小型); SQL's AND is Kleene's. */
    private String all(SizeStandard.Row row, Period year, int tier) {
        List<String> parts = new ArrayList<>();
        for (SizeStandard.Bounds b : row.bounds()) {
            SqlValue figure = compiler.indicatorOrNull(b.measure().indicator, year);
            var bound = tier == 0 ? b.upper() : tier == 1 ? b.medium() : b.small();
            parts.add(dec.compare(figure, ">=", dec.literal(bound)).sql());
        }
        return dec.share("(" + String.join(" AND ", parts) + ")");
    }
}
