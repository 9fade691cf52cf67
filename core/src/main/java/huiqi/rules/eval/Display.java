package huiqi.rules.eval;

import huiqi.facts.Period;
import huiqi.quantity.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

/** How values appear in explanations: 49.99万千瓦时, 12000元, 10%, 是/否, 2024-02. */
public final class Display {
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    private Display() {
    }

    public static String number(BigDecimal v, Unit unit) {
        if (unit.isNone()) {
            return plain(v.multiply(BigDecimal.valueOf(100)).setScale(4, RoundingMode.HALF_UP)) + "%";
        }
        String u = unit.toString();
        if (v.abs().compareTo(WAN) >= 0) {
            return plain(v.divide(WAN).setScale(6, RoundingMode.HALF_UP)) + "万" + u;
        }
        return plain(v.setScale(6, RoundingMode.HALF_UP)) + u;
    }

    public static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    public static String value(Object v, Unit unitIfNumber) {
        if (v instanceof BigDecimal d) {
            return number(d, unitIfNumber == null ? Unit.NONE : unitIfNumber);
        }
        if (v instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (v instanceof YearMonth ym) {
            return ym.toString();
        }
        if (v instanceof Period p) {
            return p.toString();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(x -> value(x, unitIfNumber)).collect(Collectors.joining("、", "[", "]"));
        }
        return String.valueOf(v);
    }

    /** Money as JSON shows it: 2 decimals. */
    public static String money(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
