package huiqi.batch.pipeline;

import huiqi.batch.sql.FactColumn;
import huiqi.batch.sql.FactColumns;
import huiqi.batch.sql.SqlDialect;
import huiqi.enterprise.ProfileField;
import huiqi.facts.IndicatorCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * The queries that turn an earlier data directory's wide table into the current one's (issue 21 targets 1 and 6):
 * the earlier rows of the enterprises not changed ({@code wide_base}, {@code profiles_base}) plus the freshly
 * pivoted rows of the changed ones ({@code wide_delta}, {@code profiles_src}), the changed set in
 * {@code changed_uscc(uscc)}. The fact columns end with the types a full pivot of the current data gives: the
 * decimals each column needs and its largest value are measured on the merged rows (a text value exported with
 * {@code trim_scale} has as many decimals as its number needs), so a later result is the same to the digit.
 */
final class WideDelta {
    static final String MERGED = "wide_merged";

    private WideDelta() {
    }

    /** Unchanged enterprises' earlier rows plus the changed enterprises' new rows, fact columns as {@code facts} types them. */
    static String merged(IndicatorCatalog catalog, FactColumns facts, SqlDialect d) {
        String cols = String.join(", ", columns(catalog, facts, d));
        return "SELECT " + cols + " FROM wide_base WHERE uscc NOT IN (SELECT uscc FROM changed_uscc)\nUNION ALL SELECT "
                + cols + " FROM wide_delta";
    }

    /** {@link #MERGED} with the fact columns cast to the types {@code facts} now holds. */
    static String retyped(IndicatorCatalog catalog, FactColumns facts, SqlDialect d) {
        return "SELECT " + String.join(", ", columns(catalog, facts, d)) + " FROM " + MERGED;
    }

    /** One row: for each needed fact column, the decimals its values need, then its largest absolute value. */
    static String measures(FactColumns facts) {
        List<String> cols = new ArrayList<>();
        for (FactColumn c : facts.needed()) {
            String v = c.column();
            StringBuilder need = new StringBuilder("CASE WHEN " + v + " IS NULL THEN 0");
            for (int s = 0; s < facts.scale(c); s++) {
                need.append(" WHEN ").append(v).append(" = round(").append(v).append(", ").append(s).append(") THEN ").append(s);
            }
            need.append(" ELSE ").append(facts.scale(c)).append(" END");
            cols.add("coalesce(max(" + need + "), 0)");
            cols.add("max(abs(" + v + "))");
        }
        return "SELECT " + (cols.isEmpty() ? "0" : String.join(", ", cols)) + " FROM " + MERGED;
    }

    /** The profiles of the unchanged enterprises as they were plus the changed enterprises' current profiles. */
    static String profiles() {
        return "SELECT * FROM profiles_base WHERE uscc NOT IN (SELECT uscc FROM changed_uscc) UNION ALL SELECT * FROM profiles_src";
    }

    private static List<String> columns(IndicatorCatalog catalog, FactColumns facts, SqlDialect d) {
        List<String> cols = new ArrayList<>(List.of("uscc"));
        for (ProfileField f : ProfileField.values()) {
            cols.add(f.sqlColumn());
        }
        for (IndicatorCatalog.Attribute a : catalog.attributes()) {
            cols.add("a_" + a.id());
        }
        for (FactColumn c : facts.needed()) {
            int p = facts.precision(c);
            String type = p >= SqlDialect.PRECISION ? d.decimal(facts.scale(c)) : d.decimal(p, facts.scale(c));
            cols.add("CAST(" + c.column() + " AS " + type + ") AS " + c.column());
        }
        return cols;
    }
}
