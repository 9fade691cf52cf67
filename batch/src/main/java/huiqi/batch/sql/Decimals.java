package huiqi.batch.sql;

import huiqi.batch.sql.SqlValue.Dec;
import huiqi.batch.sql.SqlValue.Frac;
import huiqi.batch.sql.SqlValue.Logic;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact decimal arithmetic in SQL. Every decimal is DECIMAL(38, s) with s tracked statically: + and − keep
 * the larger scale, × adds scales (DuckDB, PostgreSQL and Spark without precision loss do the same), so no
 * intermediate result is ever rounded. Division produces a {@link Frac}; the only rounding is
 * {@link #roundToFen}, once, at the end, HALF_UP, like the interpreter.
 */
final class Decimals {
    /** Beyond this scale the 38 digits leave too little room for the integer part. */
    static final int MAX_SCALE = 24;
    /** Decimals of at most this many digits are 64-bit integers in DuckDB. */
    static final int INT64_DIGITS = 18;

    private final SqlDialect dialect;
    private final SharedExpressions shared;
    final Dec one;

    Decimals(SqlDialect dialect) {
        this(dialect, null);
    }

    /** With {@code shared} (nullable), operands used more than once are computed once (see {@link SharedExpressions}). */
    Decimals(SqlDialect dialect, SharedExpressions shared) {
        this.dialect = dialect;
        this.shared = shared;
        this.one = literal(BigDecimal.ONE);
    }

    String share(String sql) {
        return shared == null ? sql : shared.name(sql);
    }

    Dec share(Dec d) {
        return d == one ? d : new Dec(share(d.sql()), d.scale(), d.precision());
    }

    SqlValue share(SqlValue v) {
        if (v instanceof Dec d) {
            return share(d);
        } else if (v instanceof Frac f) {
            return new Frac(share(f.num()), share(f.den()));
        } else if (v instanceof Logic l) {
            return new Logic(share(l.sql()));
        }
        return v;
    }

    Dec literal(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() < 0) {
            s = s.setScale(0);
        }
        int p = Math.max(1, Math.max(s.precision(), s.scale()));
        return new Dec("CAST('" + s.toPlainString() + "' AS " + dialect.decimal(p, s.scale()) + ")", s.scale(), p);
    }

    Dec column(String sql, int scale) {
        return new Dec(sql, scale);
    }

    /** A column whose values are proven to have at most {@code precision} digits (see WideTable). */
    Dec column(String sql, int scale, int precision) {
        return new Dec(sql, scale, precision);
    }

    /**
     * The precision of a value with at most {@code integerDigits} integer digits at {@code scale}; beyond 38
     * digits nothing is proven and the value is an ordinary DECIMAL(38, scale).
     */
    static int fit(int integerDigits, int scale) {
        return Math.min(SqlDialect.PRECISION, Math.max(1, integerDigits + scale));
    }

    /** The SQL type of a value of this scale and precision. */
    String type(int precision, int scale) {
        return precision >= SqlDialect.PRECISION ? dialect.decimal(scale) : dialect.decimal(precision, scale);
    }

    Dec widen(Dec a, int scale) {
        if (a.scale() == scale) {
            return a;
        }
        int p = fit(a.integerDigits(), scale);
        return new Dec("CAST(" + a.sql() + " AS " + type(p, scale) + ")", scale, p);
    }

    Dec add(Dec a, Dec b) {
        int s = Math.max(a.scale(), b.scale());
        return new Dec("(" + a.sql() + " + " + b.sql() + ")", s, fit(Math.max(a.integerDigits(), b.integerDigits()) + 1, s));
    }

    /**
     * The sum of several terms as a balanced tree of additions: each level adds one proven digit, so 12 months add
     * 4 digits, not 11, and a sum of 64-bit terms stays 64-bit (exact either way; NULL if any term is).
     */
    Dec sum(List<Dec> terms) {
        return (Dec) sumValues(new ArrayList<SqlValue>(terms));
    }

    /** {@link #sum} of decimals or fractions. */
    SqlValue sumValues(List<SqlValue> terms) {
        List<SqlValue> level = terms;
        while (level.size() > 1) {
            List<SqlValue> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                next.add(i + 1 < level.size() ? add(level.get(i), level.get(i + 1)) : level.get(i));
            }
            level = next;
        }
        return level.get(0);
    }

    Dec sub(Dec a, Dec b) {
        int s = Math.max(a.scale(), b.scale());
        return new Dec("(" + a.sql() + " - " + b.sql() + ")", s, fit(Math.max(a.integerDigits(), b.integerDigits()) + 1, s));
    }

    Dec mul(Dec a, Dec b) {
        if (a == one) {
            return b;
        }
        if (b == one) {
            return a;
        }
        int s = a.scale() + b.scale();
        if (s > MAX_SCALE) {
            throw new IllegalArgumentException("乘积需要 " + s + " 位小数，超出 DECIMAL(38) 的精确计算范围");
        }
        int p = fit(a.integerDigits() + b.integerDigits(), s);
        // DuckDB multiplies two DECIMALs of at most 18 digits in 64 bits and fails when the product overflows, even
        // where its type would need more digits: unless the product is proven to fit, one operand goes to 38 digits
        String left = p > INT64_DIGITS ? "CAST(" + a.sql() + " AS " + dialect.decimal(a.scale()) + ")" : a.sql();
        return new Dec("(" + left + " * " + b.sql() + ")", s, p);
    }

    Dec neg(Dec a) {
        return new Dec("(-" + a.sql() + ")", a.scale(), a.precision());
    }

    // ---- fractions

    Frac frac(SqlValue v) {
        if (v instanceof Frac f) {
            return f;
        }
        return new Frac((Dec) v, one);
    }

    /** a / b with a positive denominator; NULL when b = 0 (division by zero is unknown, never an error). */
    SqlValue div(SqlValue a, SqlValue b) {
        Frac x = frac(a);
        Frac y = frac(b);
        Dec num = share(mul(x.num(), y.den()));
        Dec den = share(mul(x.den(), y.num()));
        String neg = "(" + den.sql() + " < 0)";
        Dec n = new Dec("CASE WHEN " + neg + " THEN -" + num.sql() + " ELSE " + num.sql() + " END", num.scale(), num.precision());
        Dec d = new Dec("CASE WHEN " + den.sql() + " < 0 THEN -" + den.sql() + " WHEN " + den.sql() + " > 0 THEN "
                + den.sql() + " END", den.scale(), den.precision());
        return new Frac(n, d);
    }

    SqlValue add(SqlValue a, SqlValue b) {
        if (a instanceof Dec x && b instanceof Dec y) {
            return add(x, y);
        }
        Frac x = frac(a);
        Frac y = frac(b);
        if (x.den() == one && y.den() == one) {
            return add(x.num(), y.num());
        }
        Dec xd = share(x.den());
        Dec yd = share(y.den());
        return new Frac(add(mul(x.num(), yd), mul(y.num(), xd)), mul(xd, yd));
    }

    SqlValue neg(SqlValue a) {
        if (a instanceof Dec x) {
            return neg(x);
        }
        Frac f = (Frac) a;
        return new Frac(neg(f.num()), f.den());
    }

    SqlValue sub(SqlValue a, SqlValue b) {
        if (a instanceof Dec x && b instanceof Dec y) {
            return sub(x, y);
        }
        return add(a, neg(b));
    }

    SqlValue mul(SqlValue a, SqlValue b) {
        if (a instanceof Dec x && b instanceof Dec y) {
            return mul(x, y);
        }
        Frac x = frac(a);
        Frac y = frac(b);
        return new Frac(mul(x.num(), y.num()), mul(x.den(), y.den()));
    }

    SqlValue abs(SqlValue a) {
        if (a instanceof Dec x) {
            return new Dec("abs(" + x.sql() + ")", x.scale(), x.precision());
        }
        Frac f = (Frac) a;
        return new Frac(new Dec("abs(" + f.num().sql() + ")", f.num().scale(), f.num().precision()), f.den());
    }

    /** a op b exactly; fractions are cross-multiplied (denominators are positive). */
    Logic compare(SqlValue a, String op, SqlValue b) {
        if (a instanceof Dec x && b instanceof Dec y) {
            return compareDecs(x, op, y);
        }
        Frac x = frac(a);
        Frac y = frac(b);
        return compareDecs(mul(x.num(), y.den()), op, mul(y.num(), x.den()));
    }

    private Logic compareDecs(Dec x, String op, Dec y) {
        if (dialect.alignScalesToCompare()) {
            int s = Math.max(x.scale(), y.scale());
            x = widen(x, s);
            y = widen(y, s);
        }
        return new Logic("(" + x.sql() + " " + op + " " + y.sql() + ")");
    }

    /** CASE WHEN c THEN a WHEN NOT c THEN b END for numbers: NULL when c is unknown. */
    SqlValue choose(String condition, String notCondition, SqlValue a, SqlValue b) {
        if (a instanceof Dec x && b instanceof Dec y) {
            int s = Math.max(x.scale(), y.scale());
            return new Dec("CASE WHEN " + condition + " THEN " + widen(x, s).sql() + " WHEN " + notCondition + " THEN "
                    + widen(y, s).sql() + " END", s, fit(Math.max(x.integerDigits(), y.integerDigits()), s));
        }
        Frac x = frac(a);
        Frac y = frac(b);
        return new Frac((Dec) choose(condition, notCondition, x.num(), y.num()),
                (Dec) choose(condition, notCondition, x.den(), y.den()));
    }

    SqlValue min(SqlValue a, SqlValue b) {
        if (a instanceof Dec x && b instanceof Dec y && (isLiteral(x) || isLiteral(y))) {
            return againstLiteral(isLiteral(y) ? x : y, ">", isLiteral(y) ? y : x);
        }
        a = share(a);
        b = share(b);
        return choose(compare(a, "<=", b).sql(), compare(a, ">", b).sql(), a, b);
    }

    SqlValue max(SqlValue a, SqlValue b) {
        if (a instanceof Dec x && b instanceof Dec y && (isLiteral(x) || isLiteral(y))) {
            return againstLiteral(isLiteral(y) ? x : y, "<", isLiteral(y) ? y : x);
        }
        a = share(a);
        b = share(b);
        return choose(compare(a, ">=", b).sql(), compare(a, "<", b).sql(), a, b);
    }

    /**
     * min / max of a number and a literal (never unknown) with one comparison: {@code CASE WHEN x op k THEN k ELSE x END}
     * (op {@code >} for min, {@code <} for max). An unknown x fails the test and gives x itself, i.e. unknown, as the
     * two-test form {@code CASE WHEN x <= k THEN x WHEN x > k THEN k END} does; equal values are the same number.
     */
    private Dec againstLiteral(Dec x, String op, Dec k) {
        x = share(x);
        int s = Math.max(x.scale(), k.scale());
        return new Dec("CASE WHEN " + compare(x, op, k).sql() + " THEN " + widen(k, s).sql() + " ELSE " + widen(x, s).sql()
                + " END", s, fit(Math.max(x.integerDigits(), k.integerDigits()), s));
    }

    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile(
            "CAST\\('-?[0-9.]+' AS [A-Z]+(\\(\\d+,\\d+\\))?\\)");

    /** A number written as a literal by {@link #literal} (possibly widened): known, never NULL. */
    private static boolean isLiteral(Dec d) {
        String sql = d.sql();
        while (sql.startsWith("CAST(CAST(")) { // widen() wraps a literal in another CAST
            int as = sql.lastIndexOf(" AS ");
            sql = sql.substring(5, as);
        }
        return LITERAL.matcher(sql).matches();
    }

    /** SQL testing that a number is known. */
    String known(SqlValue a) {
        if (a instanceof Dec x) {
            return "(" + x.sql() + " IS NOT NULL)";
        }
        Frac f = (Frac) a;
        return "(" + f.num().sql() + " IS NOT NULL AND " + f.den().sql() + " IS NOT NULL)";
    }

    /**
     * Rounds once to the fen (2 decimals), HALF_UP (half away from zero) like BigDecimal.setScale(2, HALF_UP).
     * Decimals: a CAST to scale 2 rounds half away from zero. Fractions: exact integer arithmetic on the scaled
     * numerator and denominator, q = (2|N| + D) div 2D with the sign of N.
     */
    Dec roundToFen(SqlValue v) {
        if (v instanceof Dec x) {
            if (x.scale() <= 2) {
                return widen(x, 2);
            }
            int p = fit(x.integerDigits() + 1, 2); // rounding half up may carry into one more integer digit
            return new Dec("CAST(" + x.sql() + " AS " + type(p, 2) + ")", 2, p);
        }
        Frac f = (Frac) v;
        if (f.den() == one) {
            return roundToFen(f.num());
        }
        String w = dialect.wideInteger();
        // N = num·10^sn, D = den·10^sd (both integers); value·100 = N·10^(sd−sn+2) / D
        int k = f.den().scale() - f.num().scale() + 2;
        String n = "CAST(" + mul(f.num(), literal(BigDecimal.TEN.pow(f.num().scale()))).sql() + " AS " + w + ")";
        String d = "CAST(" + mul(f.den(), literal(BigDecimal.TEN.pow(f.den().scale()))).sql() + " AS " + w + ")";
        if (k > 0) {
            n = "(" + n + " * CAST('" + BigDecimal.TEN.pow(k).toPlainString() + "' AS " + w + "))";
        } else if (k < 0) {
            d = "(" + d + " * CAST('" + BigDecimal.TEN.pow(-k).toPlainString() + "' AS " + w + "))";
        }
        n = share(n);
        d = share(d);
        String absFen = dialect.intDiv("(2 * abs(" + n + ") + " + d + ")", "(2 * " + d + ")");
        String fen = "CASE WHEN " + n + " < 0 THEN -" + absFen + " ELSE " + absFen + " END";
        return new Dec("(CAST(" + fen + " AS " + dialect.decimal(0) + ") * CAST('0.01' AS " + dialect.decimal(2) + "))", 2);
    }
}
