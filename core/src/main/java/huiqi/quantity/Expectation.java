package huiqi.quantity;

/**
 * What a caller accepts from a number typed by a user: a name for messages ("预算金额"), the most integer and
 * fraction digits of the value, and whether it may be negative. Defaults: 18 integer digits; 6 decimals for a
 * quantity, 2 (the fen) for money; never negative unless the caller says so.
 */
public record Expectation(String what, int maxIntegerDigits, int maxFractionDigits, boolean negativeAllowed) {
    public static final int INTEGER_DIGITS = 18;
    public static final int QUANTITY_DECIMALS = 6;
    public static final int MONEY_DECIMALS = 2;

    public Expectation {
        if (maxIntegerDigits < 1 || maxFractionDigits < 0) {
            throw new IllegalArgumentException("digits: " + maxIntegerDigits + "/" + maxFractionDigits);
        }
    }

    public static Expectation quantity(String what) {
        return new Expectation(what, INTEGER_DIGITS, QUANTITY_DECIMALS, false);
    }

    public static Expectation money(String what) {
        return new Expectation(what, INTEGER_DIGITS, MONEY_DECIMALS, false);
    }

    public Expectation allowingNegative() {
        return new Expectation(what, maxIntegerDigits, maxFractionDigits, true);
    }

    public Expectation withDigits(int integerDigits, int fractionDigits) {
        return new Expectation(what, integerDigits, fractionDigits, negativeAllowed);
    }

    boolean isMoney() {
        return maxFractionDigits == MONEY_DECIMALS;
    }
}
