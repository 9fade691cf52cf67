package huiqi.enterprise;

import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * The one reader of an enterprise's data written by hand: profile fields, attributes and indicator facts as text.
 * Enterprise JSON ({@link EnterpriseJson}) and the example tests of rules.yaml both read through it, so the two
 * accept exactly the same syntax. Every failure is an {@link IllegalArgumentException} with a Chinese message
 * that the caller prefixes with its place (file, key, line).
 */
public final class FactReader {
    /** The enterprise's identity; written like profile fields but not read by rules. */
    private static final Set<String> IDENTITY = Set.of("uscc", "name");

    private final IndicatorCatalog catalog;

    public FactReader(IndicatorCatalog catalog) {
        this.catalog = catalog;
    }

    /** uscc, name or a {@link ProfileField} (region, industry, size): a field of the profile, not an attribute. */
    public static boolean isProfileField(String key) {
        return IDENTITY.contains(key) || ProfileField.byId(key).isPresent();
    }

    public IndicatorCatalog.Attribute attribute(String id) {
        return catalog.attribute(id).orElseThrow(() -> new IllegalArgumentException(catalog.indicator(id).isPresent()
                ? "指标 " + id + " 不是属性：指标的值要写明期间"
                : "未知属性 '" + id + "'：indicators.yaml 的 attributes 中没有它"));
    }

    /** An attribute's value; null text (JSON null, YAML ~) means the attribute is unknown and is returned as null. */
    public Object attributeValue(IndicatorCatalog.Attribute a, String text) {
        return text == null ? null : FactText.attribute(a, text);
    }

    public IndicatorCatalog.Indicator indicator(String id) {
        return catalog.indicator(id).orElseThrow(() ->
                new IllegalArgumentException("未知指标 '" + id + "'：indicators.yaml 的 indicators 中没有它"));
    }

    /** A fact's period, made of whole reporting periods of the indicator; month ranges (2024-01..2024-03) are allowed. */
    public Period period(IndicatorCatalog.Indicator ind, String text) {
        return FactText.period(ind, text);
    }

    /** An indicator value as text ("60万千瓦时", "600000"), in base units. */
    public BigDecimal value(IndicatorCatalog.Indicator ind, String text) {
        return FactText.indicator(ind, text);
    }

    /** An indicator value given as a bare number: in the catalog's unit. */
    public BigDecimal value(IndicatorCatalog.Indicator ind, BigDecimal number) {
        return FactText.indicator(ind, number);
    }

    /** 行政区划代码 (a prefix of 2 to 12 digits). */
    public static String region(String text) {
        if (text != null && !text.matches("\\d{2,12}")) {
            throw new IllegalArgumentException("应为行政区划代码（数字），实为 '" + text + "'");
        }
        return text;
    }

    /** 统一社会信用代码, trimmed and upper-cased, check digit verified. */
    public static String uscc(String text) {
        String u = text.trim().toUpperCase(Locale.ROOT);
        Uscc.problem(u).ifPresent(p -> {
            throw new IllegalArgumentException("'" + u + "' 不是有效的统一社会信用代码：" + p);
        });
        return u;
    }
}
