package huiqi.rules.eval;

import huiqi.facts.Period;
import huiqi.quantity.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How values appear in explanations an enterprise reads: money 17,942.38元 (two decimals, thousands
 * separators), other quantities with their unit (49.99万千瓦时, 1,234.5方, 0.02元/千瓦时), ratios as percentages (13.33%),
 * whole dimensionless counts as numbers (360), 是/否, periods as written in data (2024-01至2024-03).
 */
public final class Display {
    /** Dimensionless whole numbers from here up read as counts (360 days), not ratios (36000%). */
    private static final BigDecimal COUNT_FROM = BigDecimal.valueOf(2);
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    private Display() {
    }

    public static String number(BigDecimal v, Unit unit) {
        if (unit.isNone()) {
            if (v.stripTrailingZeros().scale() <= 0 && v.abs().compareTo(COUNT_FROM) >= 0) {
                return grouped(v, 0);
            }
            return percent(v);
        }
        if (unit.isMoney()) {
            return money(v, unit.toString());
        }
        if (v.abs().compareTo(WAN) >= 0 && v.stripTrailingZeros().scale() <= 0) {
            return plain(v.divide(WAN)) + "万" + unit; // whole quantities as policies write them: 49.99万千瓦时
        }
        return grouped(v, 4) + unit;
    }

    /** Money with two decimals and thousands separators: 17,942.38元. */
    public static String money(BigDecimal v, String unit) {
        return format("#,##0.00").format(v) + unit;
    }

    /** Money in 元: 17,942.38元. */
    public static String yuan(BigDecimal v) {
        return money(v, "元");
    }

    /** A ratio as a percentage with at most two decimals: 0.133333 → 13.33%. */
    public static String percent(BigDecimal v) {
        return grouped(v.movePointRight(2), 2) + "%";
    }

    /** Thousands separators, at most {@code maxDecimals} decimals (HALF_UP), no trailing zeros. */
    static String grouped(BigDecimal v, int maxDecimals) {
        return format(maxDecimals == 0 ? "#,##0" : "#,##0." + "#".repeat(maxDecimals)).format(v);
    }

    /**
     * One DecimalFormat per pattern and thread (they are not thread-safe): building one costs more than the
     * formatting, and the 一企一策 page formats a few hundred numbers per view.
     */
    private static final ThreadLocal<Map<String, DecimalFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);

    private static DecimalFormat format(String pattern) {
        return FORMATS.get().computeIfAbsent(pattern, p -> {
            DecimalFormat f = new DecimalFormat(p, DecimalFormatSymbols.getInstance(Locale.ROOT));
            f.setRoundingMode(RoundingMode.HALF_UP);
            return f;
        });
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
            return period(p);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(x -> value(x, unitIfNumber)).collect(Collectors.joining("、", "[", "]"));
        }
        return String.valueOf(v);
    }

    /**
     * A period as data is written for it: 2024-02, 2024-Q1, 2023, and a range of whole months as
     * 2024-01至2024-02 (not 2024-01-01..2024-02-29); other day ranges 2024-02-10至2024-02-17.
     */
    public static String period(Period p) {
        if (!(p instanceof Period.Range r)) {
            return p.toString();
        }
        LocalDate from = r.from();
        LocalDate to = r.to();
        if (from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth())) {
            YearMonth a = YearMonth.from(from);
            YearMonth b = YearMonth.from(to);
            return a.equals(b) ? a.toString() : a + "至" + b;
        }
        return from + "至" + to;
    }

    /** Money as JSON shows it: 2 decimals. */
    public static String money(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
