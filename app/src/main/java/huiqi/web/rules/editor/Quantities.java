package huiqi.web.rules.editor;

import huiqi.quantity.Unit;
import huiqi.rules.lang.Expr;
import huiqi.rules.lang.ExprException;
import huiqi.rules.lang.Parser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/** Parameter values as an officer reads them: 5,000万元, 50%, 0.03元/千瓦时, 50万千瓦时 (not "50000000 元"). */
public final class Quantities {
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);

    private Quantities() {
    }

    /** The human form of a literal such as "5000万元"; empty if it is not a number with a unit. */
    public static Optional<String> human(String literal) {
        if (literal == null || literal.isBlank()) {
            return Optional.empty();
        }
        try {
            Expr e = Parser.parse(literal);
            boolean negative = false;
            if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEG) {
                negative = true;
                e = u.operand();
            }
            if (e instanceof Expr.Num n) {
                return Optional.of((negative ? "-" : "") + format(n.value(), n.unit()));
            }
        } catch (ExprException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A value in base units: ratios as percentages, amounts of 10,000 and more in 万 (or 亿) with digit grouping. */
    public static String format(BigDecimal value, Unit unit) {
        if (unit.isNone()) {
            return group(value.multiply(BigDecimal.valueOf(100))) + "%";
        }
        String u = unit.toString();
        BigDecimal abs = value.abs();
        if (abs.compareTo(YI) >= 0 && value.remainder(YI.divide(BigDecimal.valueOf(100))).signum() == 0) {
            return group(value.divide(YI)) + "亿" + u;
        }
        if (abs.compareTo(WAN) >= 0) {
            return group(value.divide(WAN)) + "万" + u;
        }
        return group(value) + u;
    }

    private static String group(BigDecimal v) {
        BigDecimal s = v.setScale(Math.max(0, Math.min(8, v.stripTrailingZeros().scale())), RoundingMode.HALF_UP);
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMinimumFractionDigits(s.scale());
        f.setMaximumFractionDigits(s.scale());
        return f.format(s);
    }
}
