package huiqi.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A non-negative share as an exact ratio, so that "exactly on pace" compares exactly: no division, no rounding
 * until it is shown. Progress is capped at 1.
 */
public record Fraction(BigDecimal numerator, BigDecimal denominator) implements Comparable<Fraction> {
    public static final Fraction ZERO = new Fraction(BigDecimal.ZERO, BigDecimal.ONE);
    public static final Fraction ONE = new Fraction(BigDecimal.ONE, BigDecimal.ONE);

    public Fraction {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator must be positive");
        }
        if (numerator.signum() < 0) {
            numerator = BigDecimal.ZERO;
        }
    }

    public static Fraction of(BigDecimal numerator, BigDecimal denominator) {
        return new Fraction(numerator, denominator);
    }

    public static Fraction of(long numerator, long denominator) {
        return new Fraction(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    public Fraction cappedAtOne() {
        return compareTo(ONE) > 0 ? ONE : this;
    }

    @Override
    public int compareTo(Fraction o) {
        return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
    }

    public boolean isBelow(Fraction o) {
        return compareTo(o) < 0;
    }

    /** The share in percent with one decimal (HALF_UP), for display. */
    public BigDecimal percent() {
        return numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 1, RoundingMode.HALF_UP);
    }
}
