package huiqi.enterprise;

import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
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
            return AttributeValues.parse(a.type(), s);
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
            return catalogUnit.toBase(v);
        }
        Units.Scaled written = Units.parse(q.unit()).orElseThrow(() ->
                new IllegalArgumentException("指标 " + ind.id() + " 的值 '" + text + "' 单位无法识别"));
        if (!written.unit().equals(catalogUnit.unit())) {
            throw new IllegalArgumentException("指标 " + ind.id() + "（" + ind.name() + "）的单位应为 " + ind.unit()
                    + "，实为 '" + q.unit() + "'");
        }
        return written.toBase(v);
    }

    /** Indicator values may be negative (profit, growth); digits bounded as for any quantity. */
    private static Expectation expectation(IndicatorCatalog.Indicator ind) {
        return Expectation.quantity("指标 " + ind.id() + "（" + ind.name() + "）的值").allowingNegative();
    }

    /** A number given directly (JSON number): in the catalog's unit. */
    public static BigDecimal indicator(IndicatorCatalog.Indicator ind, BigDecimal value) {
        Units.Scaled catalogUnit = Units.parse(ind.unit()).orElseThrow(() ->
                new IllegalArgumentException("indicators.yaml 中指标 " + ind.id() + " 的单位 '" + ind.unit() + "' 无法识别"));
        return catalogUnit.toBase(QuantityText.check(value, expectation(ind)));
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
        if (!aligned) {
            throw new IllegalArgumentException("指标 " + ind.id() + "（" + ind.name() + "）按" + switch (g) {
                case DAY -> "日";
                case MONTH -> "月";
                case QUARTER -> "季";
                case YEAR -> "年";
            } + "统计，期间 '" + text + "' 不符");
        }
        return p;
    }
}
