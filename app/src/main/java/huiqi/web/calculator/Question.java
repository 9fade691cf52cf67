package huiqi.web.calculator;

import huiqi.facts.AttributeType;
import huiqi.facts.IndicatorCatalog;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One question the calculator asks: a datum some measure needs to decide (the engine reports it as missing),
 * e.g. "electricity_kwh[2024-02]" → 用电量（2024-02）, in 千瓦时. {@code field} is the form field's name.
 */
record Question(String field, String label, String unit, boolean yesNo, String hint) {
    private static final Pattern MISSING = Pattern.compile("([a-z0-9_]+)(?:\\[(.+)])?");

    static Optional<Question> of(String missing, IndicatorCatalog catalog) {
        Matcher m = MISSING.matcher(missing);
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = m.group(1);
        String period = m.group(2);
        if (period != null) {
            return catalog.indicator(id).map(i -> new Question("f:" + id + "[" + period + "]",
                    i.name() + "（" + period + "）", i.unit(), false, "数字"));
        }
        return catalog.attribute(id).map(a -> new Question("a:" + id, a.name(), null, a.type() == AttributeType.BOOLEAN,
                switch (a.type()) {
                    case DATE -> "如 2020-05-01";
                    case MONTH -> "如 2024-01";
                    case NUMBER -> "数字";
                    default -> "";
                }));
    }
}
