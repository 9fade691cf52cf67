package huiqi.batch.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Item loops that read nothing but their item's fields and constants, aggregated once for all enterprises: each
 * distinct loop is one {@code GROUP BY item_uscc} over its child table, LEFT JOINed to the base of the query (the
 * wide table), instead of a correlated subquery per enterprise (which DuckDB ran as one delim join per loop over every
 * row, the bulk of the evaluation time at 1M). No row for an enterprise = it gave no list = unknown, as before.
 */
final class ItemAggregates {
    /** Stands for the base table until {@link #join} knows every loop the rules use. */
    static final String BASE = "__items_base__";

    private final Map<String, String> loops = new LinkedHashMap<>();
    private final Set<String> given = new LinkedHashSet<>();

    /** Column holding the aggregate of {@code perEnterprise} (a SELECT item_uscc, … AS v … GROUP BY item_uscc). */
    String loop(String perEnterprise) {
        return loops.computeIfAbsent(perEnterprise, k -> "il_" + loops.size());
    }

    /** Column that is TRUE when the enterprise gave its list of this kind (possibly empty), else FALSE. */
    String given(String kind) {
        given.add(kind);
        return "(ig_" + kind + " IS NOT NULL)";
    }

    /** {@code sql} with {@link #BASE} replaced by {@code base} (a table name or {@code (…) AS alias}) joined to the aggregates. */
    String join(String sql, String base, String alias) {
        if (loops.isEmpty() && given.isEmpty()) {
            return sql.replace(BASE, base);
        }
        List<String> cols = new ArrayList<>(List.of(alias + ".*"));
        StringBuilder joins = new StringBuilder();
        int j = 0;
        for (Map.Entry<String, String> l : loops.entrySet()) {
            String a = "ia_" + j++;
            cols.add(a + ".v AS " + l.getValue());
            joins.append("\nLEFT JOIN (").append(l.getKey()).append(") AS ").append(a).append(" ON ").append(a)
                    .append(".item_uscc = ").append(alias).append(".uscc");
        }
        for (String kind : given) {
            String a = "ia_" + j++;
            cols.add(a + ".item_uscc AS ig_" + kind);
            joins.append("\nLEFT JOIN (SELECT item_uscc FROM ").append(ItemSql.table(kind)).append(" GROUP BY item_uscc) AS ")
                    .append(a).append(" ON ").append(a).append(".item_uscc = ").append(alias).append(".uscc");
        }
        String joined = "(SELECT " + String.join(", ", cols) + "\nFROM " + base + joins + ") AS items_joined";
        return sql.replace(BASE, joined);
    }
}
