package huiqi.batch.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The SQL rounding of exact quotients and decimals to the fen equals BigDecimal HALF_UP on the exact value. */
class RoundToFenTest {
    private final Decimals dec = new Decimals(SqlDialect.DUCKDB);

    @Test
    void quotientRoundsHalfUpLikeBigDecimal() {
        qt().withExamples(300).forAll(decimals(100_000_000, 3), decimals(100_000, 2))
                .assuming((a, b) -> b.signum() != 0)
                .checkAssert(RoundToFenTest::quotientRoundsHalfUpLikeBigDecimal);
    }

    /** Decimals in [-bound, bound] with exactly this scale. */
    private static Gen<BigDecimal> decimals(long bound, int scale) {
        long units = bound * BigDecimal.TEN.pow(scale).longValueExact();
        return longs().between(-units, units).map(u -> BigDecimal.valueOf(u, scale));
    }

    private static void quotientRoundsHalfUpLikeBigDecimal(BigDecimal a, BigDecimal b) {
        Decimals dec = new Decimals(SqlDialect.DUCKDB);
        SqlValue q = dec.div(dec.literal(a), dec.literal(b));
        BigDecimal expected = a.divide(b, 40, RoundingMode.DOWN).setScale(2, RoundingMode.HALF_UP);
        // exact halves: decide on the exact rational, not on the 40-digit truncation
        BigDecimal twice = a.multiply(BigDecimal.valueOf(200));
        if (twice.remainder(b).signum() == 0 && twice.divide(b).remainder(BigDecimal.ONE).signum() == 0) {
            expected = a.divide(b, 3, RoundingMode.UNNECESSARY).setScale(2, RoundingMode.HALF_UP);
        }
        assertThat(sql(dec.roundToFen(q).sql())).isEqualByComparingTo(expected);
    }

    @Test
    void halvesGoAwayFromZero() throws Exception {
        assertThat(sql(dec.roundToFen(dec.div(dec.literal(new BigDecimal("0.045")), dec.literal(new BigDecimal("3")))).sql()))
                .isEqualByComparingTo("0.02"); // exactly 0.015 → 0.02
        assertThat(sql(dec.roundToFen(dec.div(dec.literal(new BigDecimal("-0.045")), dec.literal(new BigDecimal("3")))).sql()))
                .isEqualByComparingTo("-0.02");
        assertThat(sql(dec.roundToFen(dec.literal(new BigDecimal("10000.005"))).sql())).isEqualByComparingTo("10000.01");
        assertThat(sql(dec.roundToFen(dec.literal(new BigDecimal("-2.345"))).sql())).isEqualByComparingTo("-2.35");
        assertThat(sql(dec.roundToFen(dec.literal(new BigDecimal("2.3449"))).sql())).isEqualByComparingTo("2.34");
    }

    @Test
    void divisionByZeroIsUnknownNotAnError() throws Exception {
        assertThat(sql(dec.roundToFen(dec.div(dec.literal(BigDecimal.ONE), dec.literal(BigDecimal.ZERO))).sql())).isNull();
    }

    @Test
    void fractionsCompareExactly() throws Exception {
        // 1/3 < 0.3333333333334 and 2/6 = 1/3
        SqlValue third = dec.div(dec.literal(BigDecimal.ONE), dec.literal(new BigDecimal("3")));
        SqlValue twoSixths = dec.div(dec.literal(new BigDecimal("2")), dec.literal(new BigDecimal("6")));
        assertThat(bool(dec.compare(third, "=", twoSixths).sql())).isTrue();
        assertThat(bool(dec.compare(third, "<", dec.literal(new BigDecimal("0.3333333333334"))).sql())).isTrue();
        assertThat(bool(dec.compare(dec.div(dec.literal(BigDecimal.ONE), dec.literal(new BigDecimal("-4"))), "=",
                dec.literal(new BigDecimal("-0.25"))).sql())).isTrue();
    }

    private static BigDecimal sql(String expr) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + expr)) {
            rs.next();
            return rs.getBigDecimal(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Boolean bool(String expr) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + expr)) {
            rs.next();
            boolean v = rs.getBoolean(1);
            return rs.wasNull() ? null : v;
        }
    }
}
