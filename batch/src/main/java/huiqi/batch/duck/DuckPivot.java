package huiqi.batch.duck;

import huiqi.batch.sql.FactColumn;
import huiqi.batch.sql.FactColumns;
import huiqi.facts.IndicatorCatalog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The DuckDB pivot of the long facts into {@code fact_pivot(uscc, f_… text)}: the same table as the standard
 * {@link huiqi.batch.sql.WideTable#pivot} (max of the text values per enterprise and column), built fast.
 * <p>Conditional aggregation with one {@code FILTER} per column is very slow in DuckDB (each filtered
 * aggregate is a separate pass over the hash table: 116 columns × 1M enterprises took minutes), and wide
 * aggregate states (116 per enterprise) thrash memory. Instead:
 * <ol>
 *   <li>the needed (indicator, period) pairs become small integers k (table {@code fact_keys}) and enterprises
 *       integers e, so the join filters the facts and the grouping is on integers;</li>
 *   <li>one aggregate per enterprise: the values as a list ordered by k, plus a bit mask of the k present;</li>
 *   <li>column k is the list element at 1 + the number of present keys below k (a popcount), NULL when absent.</li>
 * </ol>
 * A repeated (enterprise, indicator, period) would shift positions, so when the counts disagree with the masks
 * the facts are first reduced to one row per (e, k) with {@code max}, as the standard pivot does.
 */
final class DuckPivot {
    private DuckPivot() {
    }

    static void create(Connection c, FactColumns facts, IndicatorCatalog catalog) throws SQLException {
        List<FactColumn> cols = new ArrayList<>(facts.needed());
        try (Statement s = c.createStatement()) {
            if (cols.isEmpty()) {
                s.execute("CREATE OR REPLACE TABLE fact_pivot AS SELECT DISTINCT uscc FROM facts_src WHERE FALSE");
                return;
            }
            List<String> keys = new ArrayList<>();
            for (int k = 0; k < cols.size(); k++) {
                for (List<String> key : cols.get(k).keyTexts(catalog)) {
                    keys.add("(" + text(key.get(0)) + ", " + text(key.get(1)) + ", " + k + ")");
                }
            }
            s.execute("CREATE OR REPLACE TEMP TABLE fact_keys AS SELECT indicator, period, CAST(k AS SMALLINT) AS k FROM (VALUES "
                    + String.join(", ", keys) + ") AS t(indicator, period, k)");
            s.execute("CREATE OR REPLACE TEMP TABLE fact_ids AS SELECT uscc, CAST(row_number() OVER () AS INTEGER) AS e "
                    + "FROM (SELECT DISTINCT uscc FROM profiles_src WHERE uscc IS NOT NULL) AS u");
            String keyed = "SELECT i.e, k.k, f.value FROM facts_src f JOIN fact_keys k ON f.indicator = k.indicator "
                    + "AND f.period = k.period JOIN fact_ids i ON i.uscc = f.uscc";
            int words = (cols.size() + 63) / 64;
            s.execute(lists(keyed, words));
            String dups = "SELECT count(*) FROM fact_lists WHERE n <> " + popcounts(words);
            try (ResultSet rs = s.executeQuery(dups)) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    s.execute(lists("SELECT e, k, max(value) AS value FROM (" + keyed + ") AS x GROUP BY e, k", words));
                }
            }
            List<String> out = new ArrayList<>(List.of("i.uscc AS uscc"));
            for (int k = 0; k < cols.size(); k++) {
                int w = k / 64;
                int b = k % 64;
                String below = "CAST(bit_count(m" + w + " & CAST('" + ((1L << b) - 1) + "' AS UBIGINT)) AS INTEGER)";
                String rank = w == 0 ? below : "(before" + w + " + " + below + ")";
                out.add("CASE WHEN ((m" + w + " >> " + b + ") & CAST(1 AS UBIGINT)) = CAST(1 AS UBIGINT) THEN vs[" + rank
                        + " + 1] END AS " + cols.get(k).column());
            }
            List<String> before = new ArrayList<>();
            for (int w = 1; w < words; w++) {
                before.add(popcounts(w) + " AS before" + w);
            }
            s.execute("CREATE OR REPLACE TABLE fact_pivot AS SELECT " + String.join(",\n  ", out) + "\nFROM (SELECT *"
                    + (before.isEmpty() ? "" : ", " + String.join(", ", before)) + " FROM fact_lists) AS l JOIN fact_ids i ON i.e = l.e");
            s.execute("DROP TABLE fact_lists");
            s.execute("DROP TABLE fact_keys");
            s.execute("DROP TABLE fact_ids");
        }
    }

    private static String lists(String keyed, int words) {
        List<String> masks = new ArrayList<>();
        for (int w = 0; w < words; w++) {
            masks.add("bit_or(CASE WHEN k >= " + (w * 64) + " AND k < " + (w * 64 + 64) + " THEN CAST(1 AS UBIGINT) << (k - "
                    + (w * 64) + ") ELSE CAST(0 AS UBIGINT) END) AS m" + w);
        }
        return "CREATE OR REPLACE TEMP TABLE fact_lists AS SELECT e, list(value ORDER BY k) AS vs, " + String.join(", ", masks)
                + ", count(*) AS n FROM (" + keyed + ") AS keyed GROUP BY e";
    }

    private static String text(String v) {
        return "'" + v.replace("'", "''") + "'";
    }

    /** Present keys in the first {@code words} mask words. */
    private static String popcounts(int words) {
        List<String> p = new ArrayList<>();
        for (int w = 0; w < words; w++) {
            p.add("CAST(bit_count(m" + w + ") AS INTEGER)");
        }
        return "(" + String.join(" + ", p) + ")";
    }
}
