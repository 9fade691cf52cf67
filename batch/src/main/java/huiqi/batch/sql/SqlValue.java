package huiqi.batch.sql;

import huiqi.facts.Period;
import java.util.List;

/**
 * A compiled expression: SQL text plus what the compiler must know about it statically. SQL NULL is the
 * interpreter's "unknown" throughout, so three-valued logic comes from SQL's own AND/OR/NOT.
 */
sealed interface SqlValue {
    /** A boolean; NULL = unknown. */
    record Logic(String sql) implements SqlValue { }

    /**
     * An exact decimal; the scale is tracked statically so nothing is ever rounded. {@code precision} is the proven
     * bound on its digits (integer digits + scale, see {@link Decimals}): 38 when nothing narrower is proven.
     */
    record Dec(String sql, int scale, int precision) implements SqlValue {
        Dec(String sql, int scale) {
            this(sql, scale, SqlDialect.PRECISION);
        }

        /** Proven bound on the integer digits: |value| &lt; 10^integerDigits. */
        int integerDigits() {
            return precision - scale;
        }
    }

    /**
     * An exact quotient num/den (den &gt; 0, or NULL when the divisor was 0). Divisions stay rational until a
     * comparison (cross-multiplied) or the final rounding to the fen (integer division with HALF_UP).
     */
    record Frac(Dec num, Dec den) implements SqlValue { }

    record Str(String sql) implements SqlValue { }

    /** A DATE value (date attribute or literal). */
    record Day(String sql) implements SqlValue { }

    /** A month attribute, held as the DATE of its first day. */
    record MonthCol(String sql) implements SqlValue { }

    /** A period known at compile time (literal, named period, loop month). */
    record PeriodConst(Period period) implements SqlValue { }

    record Items(List<SqlValue> items) implements SqlValue { }
}
