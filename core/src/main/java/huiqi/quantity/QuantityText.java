package huiqi.quantity;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of numbers typed by users (command-line overrides, budgets, fact values, progress reports,
 * API bodies): plain decimals with optional thousands separators ("1,234.5"), 万/亿 multipliers ("50万"),
 * Chinese numerals ("二十"), units ("3亿元", "0.03元/千瓦时", "5%", "百分之五"), full-width characters, a
 * leading minus sign, and ASCII exponents ("1.5e3"). Every value is bounded by the caller's
 * {@link Expectation} (integer and fraction digits, sign), and the text is bounded before any BigDecimal
 * arithmetic: at most {@value #MAX_LENGTH} characters and an exponent of at most {@value #MAX_EXPONENT},
 * so "1e1000000" is refused at once instead of expanding to a million digits.
 */
public final class QuantityText {
    static final int MAX_LENGTH = 64;
    static final int MAX_EXPONENT = 40;
    private static final Pattern EXPONENT = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)[eE]([+-]?\\d+)(.*)");

    private QuantityText() {
    }

    /** A value in the written unit (multipliers 万/亿 applied) and the unit text as written ("元", "%", "元/千瓦时"). */
    public static Quantity parse(String text, Expectation e) {
        String s = normalise(text, e);
        boolean negative = s.startsWith("-");
        String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        Quantity q = exponent(body, text, e).or(() -> ChineseNumbers.parseQuantity(body))
                .orElseThrow(() -> notANumber(text, e));
        BigDecimal v = negative ? q.value().negate() : q.value();
        return new Quantity(within(v, text, e), q.unit());
    }

    /** A number with no unit ("50万", "1,200.5", "二十"). */
    public static BigDecimal number(String text, Expectation e) {
        Quantity q = parse(text, e);
        if (!q.unit().isEmpty()) {
            throw new QuantityTextException(e.what() + "应为数字，不带单位，实为 '" + text.strip() + "'");
        }
        return q.value();
    }

    /** A value converted to base units ("500万元" → 5000000 元, "5%" → 0.05, "0.03元/千瓦时"), bounded there. */
    public static Measured measured(String text, Expectation e) {
        Quantity q = parse(text, e);
        Units.Scaled unit = Units.parse(q.unit()).orElseThrow(() -> new QuantityTextException(e.what() + " '" + text.strip()
                + "' 的单位 '" + q.unit() + "' 无法识别（可用：" + Units.known() + "，可带万/亿前缀，可用 / 组合）"));
        return new Measured(within(unit.toBase(q.value()), text, e), unit.unit());
    }

    /** An amount of money in 元: no unit or 元/万元/亿元 ("500万元", "5000000"), at most to the fen unless asked otherwise. */
    public static BigDecimal yuan(String text, Expectation e) {
        Measured m = measured(text, e);
        if (!m.unit().isNone() && !m.unit().equals(Units.YUAN)) {
            throw new QuantityTextException(e.what() + "应为元，如 5000000 或 500万元，实为 '" + text.strip() + "'");
        }
        return m.value();
    }

    /**
     * A number that arrived already parsed (a JSON number): the same bounds. Cheap whatever its exponent:
     * precision and scale are read before anything is expanded.
     */
    public static BigDecimal check(BigDecimal value, Expectation e) {
        if (value == null) {
            throw new QuantityTextException(e.what() + "为空");
        }
        return within(value, value.toString(), e);
    }

    /** A value in base units and its unit. */
    public record Measured(BigDecimal value, Unit unit) {
    }

    private static String normalise(String text, Expectation e) {
        if (text == null || text.isBlank()) {
            throw new QuantityTextException(e.what() + "为空");
        }
        if (text.length() > MAX_LENGTH * 4) {
            throw tooLong(e);
        }
        String s = ChineseNumbers.toHalfWidth(text).replaceAll("\\s+", "").replace('−', '-');
        if (s.length() > MAX_LENGTH) {
            throw tooLong(e);
        }
        return s;
    }

    private static Optional<Quantity> exponent(String body, String text, Expectation e) {
        Matcher m = EXPONENT.matcher(body);
        if (!m.matches()) {
            return Optional.empty();
        }
        String exp = m.group(2).replace("+", "");
        // decided on the digits of the text: no BigDecimal with a huge exponent is ever made
        if (exp.replace("-", "").length() > 3 || Math.abs(Integer.parseInt(exp)) > MAX_EXPONENT) {
            throw outOfRange(text, e);
        }
        Optional<Quantity> rest = ChineseNumbers.parseQuantity(m.group(1) + m.group(3));
        return rest.map(q -> new Quantity(q.value().scaleByPowerOfTen(Integer.parseInt(exp)), q.unit()));
    }

    /** The value if its digits fit the expectation; precision and scale only, so any exponent is cheap. */
    private static BigDecimal within(BigDecimal v, String text, Expectation e) {
        if (v.signum() < 0 && !e.negativeAllowed()) {
            throw new QuantityTextException(e.what() + "须为不小于 0 的数字，不能为负：'" + shown(text) + "'");
        }
        if (v.signum() == 0) {
            return BigDecimal.ZERO;
        }
        long integerDigits = (long) v.precision() - v.scale();
        if (integerDigits > e.maxIntegerDigits()) {
            throw outOfRange(text, e);
        }
        // stripping removes at most precision - 1 zeros: a larger scale means too many decimals without stripping
        if ((long) v.scale() - v.precision() >= e.maxFractionDigits()) {
            throw tooManyDecimals(text, e);
        }
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() > e.maxFractionDigits()) {
            throw tooManyDecimals(text, e);
        }
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static QuantityTextException notANumber(String text, Expectation e) {
        return new QuantityTextException(e.what() + "应为数字（如 12.5、50万、3亿元），实为 '" + shown(text) + "'");
    }

    private static QuantityTextException outOfRange(String text, Expectation e) {
        return new QuantityTextException(e.what() + " '" + shown(text) + "' 超出范围（整数部分最多 " + e.maxIntegerDigits()
                + " 位，小数最多 " + e.maxFractionDigits() + " 位）");
    }

    private static QuantityTextException tooManyDecimals(String text, Expectation e) {
        return e.isMoney() ? new QuantityTextException(e.what() + " '" + shown(text) + "' 最多到分（小数最多 2 位）")
                : outOfRange(text, e);
    }

    private static QuantityTextException tooLong(Expectation e) {
        return new QuantityTextException(e.what() + "过长：数字最多 " + MAX_LENGTH + " 个字符");
    }

    private static String shown(String text) {
        String s = text.strip();
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) + "…" : s;
    }
}
