package huiqi.enterprise;

import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.facts.Sign;
import huiqi.quantity.ChineseNumbers;
import huiqi.quantity.Expectation;
import huiqi.quantity.Quantity;
import huiqi.quantity.QuantityText;
import huiqi.quantity.Units;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Reads attribute and indicator values written as text ("true", "2024-02", "49.99万千瓦时", "12000") into
 * the typed values the rule engine uses. Indicator values are stored in base units: a value with no unit
 * is in the catalog's unit (catalog "万元" → "3" means 30000 元); a value with a unit must have the same
 * dimension. Every failure is an {@link IllegalArgumentException} with a Chinese message.
 */
public final class FactText {
    /** What enterprise_fact.value (numeric(24, 4)) holds: every input path checks it before storage. */
    public static final int MAX_INTEGER_DIGITS = 20;
    public static final int MAX_SCALE = 4;

    private FactText() {
    }

    /**
     * Attribute value: Boolean, String, LocalDate, YearMonth or BigDecimal as declared. One parser for every
     * path (JSON, CSV/XLSX import, rule tests, generator): {@link AttributeValues}.
     */
    public static Object attribute(IndicatorCatalog.Attribute a, String text) {
        String s = text == null ? "" : ChineseNumbers.toHalfWidth(text).trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("属性 " + a.id() + "（" + a.name() + "）为空");
        }
        try {
            return plausible(a, AttributeValues.parse(a.type(), s));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("属性 " + a.id() + "（" + a.name() + "）" + e.getMessage(), e);
        }
    }

    /** Indicator value in base units. */
    public static BigDecimal indicator(IndicatorCatalog.Indicator ind, String text) {
        Units.Scaled catalogUnit = Units.parse(ind.unit()).orElseThrow(() ->
                new IllegalArgumentException("indicators.yaml 中指标 " + ind.id() + " 的单位 '" + ind.unit() + "' 无法识别"));
        Quantity q = QuantityText.parse(text, expectation(ind));
        BigDecimal v = q.value();
        if (q.unit().isEmpty()) {
            return plausible(ind, catalogUnit.toBase(unambiguousRatio(ind, v, text)), text);
        }
        Units.Scaled written = Units.parse(q.unit()).orElseThrow(() ->
                new IllegalArgumentException("指标 " + ind.id() + " 的值 '" + text + "' 单位无法识别"));
        if (!written.unit().equals(catalogUnit.unit())) {
            throw new IllegalArgumentException("指标 " + ind.id() + "（" + ind.name() + "）的单位应为 " + ind.unit()
                    + "，实为 '" + q.unit() + "'");
        }
        return plausible(ind, written.toBase(v), text);
    }

    /** Digits bounded as for any quantity; the sign is the catalog's ({@link #plausible}): profit and growth may be negative. */
    private static Expectation expectation(IndicatorCatalog.Indicator ind) {
        return Expectation.quantity("指标 " + ind.id() + "（" + ind.name() + "）的值").allowingNegative();
    }

    /** A number given directly (JSON number): in the catalog's unit. */
    public static BigDecimal indicator(IndicatorCatalog.Indicator ind, BigDecimal value) {
        Units.Scaled catalogUnit = Units.parse(ind.unit()).orElseThrow(() ->
                new IllegalArgumentException("indicators.yaml 中指标 " + ind.id() + " 的单位 '" + ind.unit() + "' 无法识别"));
        BigDecimal checked = QuantityText.check(value, expectation(ind));
        return plausible(ind, catalogUnit.toBase(unambiguousRatio(ind, checked, value.toPlainString())), value.toString());
    }

    /**
     * A bare number for a ratio indicator (unit "" in the catalog): 0.032 is a ratio, but 3.2 may be meant as 3.2 %
     * and would read as 320 %, so a bare number of 1 or more is refused with both readings; "3.2%" is always clear.
     */
    static BigDecimal unambiguousRatio(IndicatorCatalog.Indicator ind, BigDecimal v, String text) {
        if (ind.unit() == null || !ind.unit().isBlank() || v.abs().compareTo(BigDecimal.ONE) < 0) {
            return v;
        }
        String pct = v.stripTrailingZeros().toPlainString();
        String ratio = v.movePointLeft(2).stripTrailingZeros().toPlainString();
        throw new IllegalArgumentException("指标 " + ind.id() + "（" + ind.name() + "）是比率，'" + text.trim() + "' 有歧义：是 "
                + pct + "% 就写 \"" + pct + "%\"，是比率就写 " + ratio + "（按比率读 " + pct + " 是 "
                + v.movePointRight(2).stripTrailingZeros().toPlainString() + "%）");
    }

    /** The catalog's sign and integrality (indicators.yaml {@code sign}, {@code integral}) for a value in base units. */
    static BigDecimal plausible(IndicatorCatalog.Indicator ind, BigDecimal base, String text) {
        if (base.precision() - base.scale() > MAX_INTEGER_DIGITS || base.scale() > MAX_SCALE
                && base.stripTrailingZeros().scale() > MAX_SCALE) {
            throw new IllegalArgumentException("数值 '" + text + "' 超出可存储的范围（换算为基本单位后最多 "
                    + MAX_INTEGER_DIGITS + " 位整数、" + MAX_SCALE + " 位小数）");
        }
        if (ind.sign() == Sign.NONNEGATIVE && base.signum() < 0) {
            throw new IllegalArgumentException("指标 " + ind.id() + "（" + ind.name() + "）不能为负数，实为 '" + text + "'");
        }
        if (ind.integral() && base.signum() != 0 && base.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("指标 " + ind.id() + "（" + ind.name() + "）应为整数，实为 '" + text + "'");
        }
        return base;
    }

    /**
     * An attribute value the catalog allows: no control characters (a NUL inside a name is a broken file), a
     * date or month between 1900 and 100 years ahead, and not in the future where the catalog says {@code past}.
     */
    public static Object plausible(IndicatorCatalog.Attribute a, Object value) {
        LocalDate today = LocalDate.now();
        if (value instanceof String s && CellText.hasControl(s)) {
            throw new IllegalArgumentException("含有不可见的控制字符（如 NUL）");
        }
        LocalDate latest = a.past() ? today : today.plusYears(100);
        LocalDate first = value instanceof LocalDate d ? d : value instanceof YearMonth m ? m.atDay(1) : null;
        if (first != null && (first.getYear() < 1900 || first.isAfter(latest))) {
            throw new IllegalArgumentException("日期 " + value + " 不合理（应在 1900 年至 "
                    + (a.past() ? "今天" : latest.getYear() + " 年") + " 之间）");
        }
        return value;
    }

    /**
     * A period for a fact of this indicator: canonical text, and made of whole reporting periods of the
     * indicator (a quarter for a monthly indicator is allowed, a single day is not). The same rule for every
     * input path (CSV, XLSX, enterprise JSON, rule tests); a rule reading a period uses the value reported for
     * exactly it, else the sum of its reporting periods (docs/rules.md §4).
     */
    public static Period period(IndicatorCatalog.Indicator ind, String text) {
        return aligned(ind, Period.parse(text), text);
    }

    /** {@code p} (parsed from {@code text}) if it is made of whole reporting periods of the indicator. */
    public static Period aligned(IndicatorCatalog.Indicator ind, Period p, String text) {
        Granularity g = ind.granularity();
        boolean aligned = switch (g) {
            case DAY -> true;
            case MONTH -> p.start().getDayOfMonth() == 1 && p.end().equals(YearMonth.from(p.end()).atEndOfMonth());
            case QUARTER -> p.start().getDayOfMonth() == 1 && (p.start().getMonthValue() - 1) % 3 == 0
                    && p.end().getMonthValue() % 3 == 0 && p.end().equals(YearMonth.from(p.end()).atEndOfMonth());
            case YEAR -> p.start().getDayOfYear() == 1 && p.end().getMonthValue() == 12 && p.end().getDayOfMonth() == 31;
        };
        LocalDate today = LocalDate.now();
        if (!ind.periods().contains(p, today)) {
            throw new IllegalArgumentException("指标 " + ind.id() + "（" + ind.name() + "）的期间 '" + text + "' 不合理（应在 "
                    + ind.periods().fromYear() + " 年至 " + ind.periods().toYear(today) + " 年之间）");
        }
        if (!aligned) {
            throw new IllegalArgumentException("指标 " + ind.id() + "（" + ind.name() + "）按" + switch (g) {
                case DAY -> "日";
                case MONTH -> "月";
                case QUARTER -> "季";
                case YEAR -> "年";
            } + "统计，期间 '" + text + "' 不符");
        }
        if (ind.stock() && g != Granularity.DAY && !StockPeriods.isOneReportingPeriod(p, g)) {
            // a stock's year is not the sum of its months: a yearly figure would be read as one (the 1357% growth of #17).
            // A daily stock (在场工人数) may be reported for a range as person-days: daily_avg() divides them by the days.
            throw new IllegalArgumentException("指标 " + ind.id() + "（" + ind.name() + "）是存量（时点数），按" + StockPeriods.word(g)
                    + "报送，不能填 '" + text + "' 一个值：请逐" + StockPeriods.word(g) + "填写，规则用 avg() 求平均");
        }
        return p;
    }
}
