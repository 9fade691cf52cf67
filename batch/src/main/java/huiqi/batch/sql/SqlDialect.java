package huiqi.batch.sql;

import java.time.LocalDate;

/**
 * The few places where the generated SQL is not standard. Everything else (CASE, COALESCE, FILTER, CAST to
 * DECIMAL(38,s), three-valued AND/OR) is shared by DuckDB, PostgreSQL and Spark SQL.
 */
public interface SqlDialect {
    /** Maximum decimal precision; every decimal is DECIMAL(38, s). */
    int PRECISION = 38;

    default String decimal(int scale) {
        return "DECIMAL(" + PRECISION + "," + scale + ")";
    }

    /** A 128-bit (or 38-digit) integer type for the exact rounding of quotients. */
    String wideInteger();

    /** Integer division truncating toward zero. */
    String intDiv(String a, String b);

    default String date(LocalDate d) {
        return "DATE '" + d + "'";
    }

    default String quote(String identifier) {
        return "\"" + identifier + "\"";
    }

    SqlDialect DUCKDB = new SqlDialect() {
        @Override public String wideInteger() { return "HUGEINT"; }
        @Override public String intDiv(String a, String b) { return "(" + a + " // " + b + ")"; }
    };
}
