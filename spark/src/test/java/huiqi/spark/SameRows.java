package huiqi.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchResult;
import huiqi.batch.sql.CompiledRule;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/** DuckDB's and Spark's result tables compared cell by cell; the first difference fails naming enterprise and rule. */
final class SameRows {
    private SameRows() {
    }

    /** Both result tables, every enterprise × rule × (status, amount, payer 1, payer 2); the first difference fails. */
    static void assertSame(BatchRunner duck, BatchResult d, SparkBatchRunner sparkRunner, BatchResult s, long N) throws Exception {
        List<String> ids = d.compiled().rules().stream().map(r -> r.rule().id()).toList();
        assertThat(s.compiled().rules().stream().map(r -> r.rule().id()).toList()).isEqualTo(ids);
        Map<String, Map<String, Object>> duckRows = new TreeMap<>();
        try (Statement st = duck.connection().createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + d.table())) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                duckRows.put(rs.getString("uscc"), row);
            }
        }
        Map<String, Map<String, Object>> sparkRows = new HashMap<>();
        for (Row r : sparkRunner.table(s).collectAsList()) {
            Map<String, Object> row = new HashMap<>();
            for (String c : r.schema().fieldNames()) {
                row.put(c, r.getAs(c));
            }
            sparkRows.put(r.getAs("uscc"), row);
        }
        assertThat(sparkRows.keySet()).as("同一批企业").isEqualTo(duckRows.keySet());
        assertThat(duckRows).hasSize((int) N);
        long compared = 0;
        for (Map.Entry<String, Map<String, Object>> e : duckRows.entrySet()) {
            Map<String, Object> sr = sparkRows.get(e.getKey());
            for (CompiledRule cr : d.compiled().rules()) {
                List<String> cols = new ArrayList<>(List.of(cr.statusColumn()));
                if (cr.amountColumn() != null) {
                    cols.add(cr.amountColumn());
                    cols.add(cr.payer1Column());
                }
                if (cr.payer2Column() != null) {
                    cols.add(cr.payer2Column());
                }
                for (String c : cols) {
                    Object a = e.getValue().get(c);
                    Object b = sr.get(c);
                    boolean same = a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0 && x.scale() == y.scale()
                            : java.util.Objects.equals(a, b);
                    if (!same) {
                        fail("企业 %s 规则 %s 不一致（列 %s）：DuckDB %s，Spark %s%n  DuckDB 该规则：%s%n  Spark 该规则：%s",
                                e.getKey(), cr.rule().id(), c, a, b, pick(e.getValue(), cols), pick(sr, cols));
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(N * ids.size());
    }

    private static Map<String, Object> pick(Map<String, Object> row, List<String> cols) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        cols.forEach(c -> m.put(c, row.get(c)));
        return m;
    }

}
