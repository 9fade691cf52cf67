package huiqi.batch.sql;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.sql.SqlValue.Dec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The value-range proof of {@link Decimals} at its edges: a column typed DECIMAL(p, s) by its measured values
 * ({@link WideTable#precision}), arithmetic whose proven digits fit 18 runs on 64-bit DECIMALs, a result needing more
 * keeps the digits it needs (128-bit) and beyond 38 digits nothing is proven (DECIMAL(38, s)); the values computed by
 * DuckDB at the largest values the types admit equal BigDecimal arithmetic. Typing a result narrower than its proof
 * (skipping the proof, e.g. DECIMAL(18, s) for everything) overflows here.
 */
class PrecisionProofTest {
    private final Decimals dec = new Decimals(SqlDialect.DUCKDB);

    @Test
    void measuredColumnsGetTheDigitsTheirLargestValueNeeds() {
        assertThat(WideTable.precision(new BigDecimal("999999999999.99"), 2)).isEqualTo(14);
        assertThat(WideTable.precision(new BigDecimal("0.5"), 2)).isEqualTo(2);
        assertThat(WideTable.precision(null, 0)).isEqualTo(1);
        // 20 integer digits (the most a fact may have) and 4 decimals: 24 digits, still exact
        assertThat(WideTable.precision(new BigDecimal("99999999999999999999.9999"), 4)).isEqualTo(24);
        assertThat(Decimals.fit(40, 2)).isEqualTo(SqlDialect.PRECISION);
    }

    @Test
    void countsOfMonthsAreSmallIntegers() throws Exception {
        Dec one = dec.literal(BigDecimal.ONE);
        Dec zero = dec.literal(BigDecimal.ZERO);
        SqlValue sum = null;
        for (int m = 1; m <= 12; m++) {
            SqlValue month = dec.choose("(" + m + " % 2 = 0)", "NOT (" + m + " % 2 = 0)", one, zero);
            sum = sum == null ? month : dec.add(sum, month);
        }
        Dec count = (Dec) sum;
        assertThat(count.precision()).isLessThanOrEqualTo(18);
        assertThat(count.sql()).doesNotContain("DECIMAL(38");
        assertThat(value(count.sql())).isEqualByComparingTo("6");
        assertThat(type(count.sql())).matches("DECIMAL\\((\\d|1[0-8]),0\\)");
    }

    @Test
    void moneyAtTheLargestMeasuredValueIsExactIn64Bits() throws Exception {
        // an amount column DECIMAL(14,2) at its largest value times a rate 0.0375 (DECIMAL(4,4)): 12 integer digits, scale 6
        String amount = "CAST('999999999999.99' AS DECIMAL(14,2))";
        Dec a = dec.column(amount, 2, 14);
        Dec product = dec.mul(a, dec.literal(new BigDecimal("0.0375")));
        assertThat(product.precision()).isEqualTo(18);
        Dec capped = (Dec) dec.min(product, dec.literal(new BigDecimal("300000")));
        Dec fen = dec.roundToFen(product);
        assertThat(capped.precision()).isLessThanOrEqualTo(18);
        assertThat(fen.sql()).doesNotContain("DECIMAL(38");
        assertThat(value(fen.sql())).isEqualByComparingTo(new BigDecimal("999999999999.99").multiply(new BigDecimal("0.0375"))
                .setScale(2, RoundingMode.HALF_UP));
        assertThat(value(capped.sql())).isEqualByComparingTo("300000");
        // twelve months of the largest value summed: one more digit per addition is proven, never too few
        Dec sum = a;
        for (int m = 1; m < 12; m++) {
            sum = dec.add(sum, a);
        }
        assertThat(value(sum.sql())).isEqualByComparingTo(new BigDecimal("999999999999.99").multiply(BigDecimal.valueOf(12)));
    }

    @Test
    void productsBeyond18DigitsKeepTheirDigitsAndBeyond38FallBack() throws Exception {
        // 16 integer digits times 4: 20 integer digits + 4 decimals = 24 digits, past 64 bits; a DECIMAL(18, 4) overflows
        Dec big = dec.column("CAST('9999999999999999.99' AS DECIMAL(18,2))", 2, 18);
        Dec rate = dec.column("CAST('9999.99' AS DECIMAL(6,2))", 2, 6);
        Dec product = dec.mul(big, rate);
        assertThat(product.precision()).isEqualTo(24);
        BigDecimal exact = new BigDecimal("9999999999999999.99").multiply(new BigDecimal("9999.99"));
        assertThat(value(dec.roundToFen(product).sql())).isEqualByComparingTo(exact.setScale(2, RoundingMode.HALF_UP));
        assertThat(value(dec.widen(product, 4).sql())).isEqualByComparingTo(exact);
        // DuckDB multiplies two DECIMALs of ≤ 18 digits in 64 bits and fails on overflow: the compiler widens one operand
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> value(big.sql() + " * " + rate.sql()))
                .isInstanceOf(java.sql.SQLException.class);
        assertThat(product.sql()).contains("AS DECIMAL(38,2)");
        // an operand with nothing proven (here narrow in SQL all the same, like a CASE of literals) is widened too
        Dec unproven = new Dec(big.sql(), 2);
        assertThat(value(dec.mul(unproven, rate).sql())).isEqualByComparingTo(exact);
        // the proof is what keeps this right: the same value typed as if it fitted 18 digits is an overflow error
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> value("CAST(" + product.sql() + " AS DECIMAL(18,4))"))
                .isInstanceOf(java.sql.SQLException.class);
        // a column of 20 integer digits squared needs 48 digits: nothing proven, DECIMAL(38, s) as before
        Dec huge = dec.column("CAST('12345678901234567890.5' AS DECIMAL(21,1))", 1, 21);
        Dec square = dec.mul(huge, huge);
        assertThat(square.precision()).isEqualTo(SqlDialect.PRECISION);
        Dec sum = dec.add(square, dec.literal(new BigDecimal("0.01")));
        assertThat(sum.precision()).isEqualTo(SqlDialect.PRECISION);
        assertThat(dec.widen(sum, 3).sql()).contains("DECIMAL(38,3)");
        Dec half = dec.add(huge, huge);
        assertThat(half.precision()).isEqualTo(22);
        assertThat(value(half.sql())).isEqualByComparingTo("24691357802469135781.0");
    }

    private static BigDecimal value(String expr) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + expr)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    private static String type(String expr) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT typeof(" + expr + ")")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
