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

    /** DECIMAL(precision, scale): up to 18 digits fit a 64-bit integer, up to 9 a 32-bit one. */
    default String decimal(int precision, int scale) {
        return "DECIMAL(" + precision + "," + scale + ")";
    }

    /** A 128-bit (or 38-digit) integer type for the exact rounding of quotients. */
    String wideInteger();

    /** Integer division truncating toward zero. */
    String intDiv(String a, String b);

    default String date(LocalDate d) {
        return "DATE '" + d + "'";
    }

    default String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The text type of CASTs (Spark SQL has no unsized VARCHAR). */
    default String text() {
        return "VARCHAR";
    }

    /** 1-based position of {@code part} in {@code s}, 0 when absent. */
    default String position(String s, String part) {
        return "strpos(" + s + ", " + part + ")";
    }

    /**
     * Whether decimals of different scales must be CAST to one scale before they are compared. Spark coerces
     * DECIMAL(38,2) vs DECIMAL(38,0) to DECIMAL(38,0) (keeping the integer digits, rounding the fraction away),
     * so 9999.99 &lt; 10000 would be false there.
     */
    default boolean alignScalesToCompare() {
        return false;
    }

    /** A date plus a whole number of days (an INTEGER expression). */
    default String addDays(String date, String days) {
        return "(" + date + " + " + days + ")";
    }

    /** A date plus whole calendar months, clamped to the month's end as java.time does. */
    default String addMonths(String date, String months) {
        return "CAST(" + date + " + to_months(" + months + ") AS DATE)";
    }

    /** Days from {@code from} to {@code to} (negative when {@code to} is earlier). */
    default String daysBetween(String from, String to) {
        return "date_diff('day', " + from + ", " + to + ")";
    }

    /**
     * {@code months(from, to)} as huiqi.rules.eval.MonthCount: the calendar months between the two months, plus one when
     * {@code from}'s day (clamped to the end of {@code to}'s month) falls before {@code to}'s day; 0 when {@code to} is not
     * after {@code from}. Built from year, month, dayofmonth and last_day, which DuckDB and Spark read alike (their own
     * month functions differ: DuckDB date_diff('month') counts month boundaries, Spark months_between is fractional).
     */
    default String monthsBetween(String from, String to) {
        return "(CASE WHEN " + from + " >= " + to + " THEN 0 ELSE (year(" + to + ") * 12 + month(" + to + ")) - (year(" + from
                + ") * 12 + month(" + from + ")) + CASE WHEN least(dayofmonth(" + from + "), dayofmonth(last_day(" + to + "))) >= dayofmonth("
                + to + ") THEN 0 ELSE 1 END END)";
    }

    SqlDialect DUCKDB = new SqlDialect() {
        @Override public String wideInteger() { return "HUGEINT"; }
        @Override public String intDiv(String a, String b) { return "(" + a + " // " + b + ")"; }
    };

    /**
     * Spark SQL with {@code spark.sql.decimalOperations.allowPrecisionLoss=false} (so DECIMAL(38,s) arithmetic
     * types like DuckDB's) and ANSI mode (overflow is an error, never a silent NULL). DECIMAL(38,0) stands in for
     * HUGEINT; {@code div} on decimals is BigDecimal.divideToIntegralValue (truncates toward zero, exact) and
     * returns a BIGINT, enough for an amount in fen.
     */
    SqlDialect SPARK = new SqlDialect() {
        @Override public String wideInteger() { return "DECIMAL(38,0)"; }
        @Override public String intDiv(String a, String b) { return "(" + a + " div " + b + ")"; }
        @Override public String quote(String identifier) { return "`" + identifier.replace("`", "``") + "`"; }
        @Override public String text() { return "STRING"; }
        @Override public String position(String s, String part) { return "instr(" + s + ", " + part + ")"; }
        @Override public boolean alignScalesToCompare() { return true; }
        @Override public String addDays(String date, String days) { return "date_add(" + date + ", " + days + ")"; }
        @Override public String addMonths(String date, String months) { return "add_months(" + date + ", " + months + ")"; }
        @Override public String daysBetween(String from, String to) { return "datediff(" + to + ", " + from + ")"; }
    };
}
