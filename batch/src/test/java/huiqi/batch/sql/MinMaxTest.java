package huiqi.batch.sql;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.sql.SqlValue.Dec;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * min/max with a literal side take the one-comparison form; either form gives the smaller / larger value, and an
 * unknown (NULL) operand makes the result unknown on either side, as the interpreter.
 */
class MinMaxTest {
    private final Decimals dec = new Decimals(SqlDialect.DUCKDB);
    private final Dec x = new Dec("x", 2, 10);
    private final Dec y = new Dec("y", 2, 10);
    private final Dec zero = dec.literal(BigDecimal.ZERO);
    private final Dec cap = dec.literal(new BigDecimal("300000"));

    @Test
    void literalSideIsOneComparison() {
        assertThat(count(sql(dec.max(zero, x)), " WHEN ")).isEqualTo(1);
        assertThat(count(sql(dec.min(x, cap)), " WHEN ")).isEqualTo(1);
        assertThat(count(sql(dec.min(cap, x)), " WHEN ")).isEqualTo(1);
        assertThat(count(sql(dec.max(x, dec.widen(zero, 2))), " WHEN ")).isEqualTo(1); // a widened literal is still one
        assertThat(count(sql(dec.min(x, y)), " WHEN ")).isEqualTo(2); // two columns: both may be unknown
    }

    @Test
    void valuesAndUnknownsOnEitherSide() throws Exception {
        List<BigDecimal> values = Arrays.asList(null, new BigDecimal("-5.25"), BigDecimal.ZERO.setScale(2),
                new BigDecimal("299999.99"), new BigDecimal("300000.00"), new BigDecimal("300000.01"));
        for (BigDecimal v : values) {
            assertThat(eval(dec.max(zero, x), v)).as("max(0, %s)", v).isEqualTo(v == null ? null : v.max(BigDecimal.ZERO).setScale(2));
            assertThat(eval(dec.max(x, zero), v)).as("max(%s, 0)", v).isEqualTo(v == null ? null : v.max(BigDecimal.ZERO).setScale(2));
            BigDecimal capped = v == null ? null : v.min(new BigDecimal("300000")).setScale(2);
            assertThat(eval(dec.min(x, cap), v)).as("min(%s, cap)", v).isEqualTo(capped);
            assertThat(eval(dec.min(cap, x), v)).as("min(cap, %s)", v).isEqualTo(capped);
        }
    }

    /** The value with x = v, at scale 2 (null when unknown). */
    private static BigDecimal eval(SqlValue e, BigDecimal v) throws Exception {
        Dec d = (Dec) e;
        assertThat(d.scale()).isEqualTo(2);
        String x = v == null ? "CAST(NULL AS DECIMAL(10,2))" : "CAST('" + v.toPlainString() + "' AS DECIMAL(10,2))";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + d.sql() + " FROM (SELECT " + x + " AS x) AS t")) {
            rs.next();
            BigDecimal r = rs.getBigDecimal(1);
            return r == null ? null : r.setScale(2);
        }
    }

    private static String sql(SqlValue v) {
        return ((Dec) v).sql();
    }

    private static int count(String s, String part) {
        List<Integer> at = new ArrayList<>();
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            at.add(i);
        }
        return at.size();
    }
}
