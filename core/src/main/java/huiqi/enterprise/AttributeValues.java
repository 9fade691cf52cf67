package huiqi.enterprise;

import huiqi.facts.AttributeType;
import huiqi.policy.Zones;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a profile attribute cell into the Java type its catalog type declares (see {@link Enterprise}); shared by the importer and the generator. */
public final class AttributeValues {
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/年](\\d{1,2})[-/月](\\d{1,2})日?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})[-/年](\\d{1,2})月?");

    private AttributeValues() {
    }

    /** @throws IllegalArgumentException with a Chinese reason */
    public static Object parse(AttributeType type, String text) {
        String s = text.trim();
        return switch (type) {
            case BOOLEAN -> bool(s);
            case TEXT, CODE -> s;
            case ZONE -> Zones.attributeValue(s);
            case NUMBER -> Numbers.decimal(s);
            case DATE -> date(s);
            case MONTH -> month(s);
        };
    }

    private static Boolean bool(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "是", "√" -> {
                return Boolean.TRUE;
            }
            case "false", "no", "n", "0", "否", "×" -> {
                return Boolean.FALSE;
            }
            default -> throw new IllegalArgumentException("应为 是/否（或 true/false、1/0），实为 '" + s + "'");
        }
    }

    private static LocalDate date(String s) {
        Matcher m = DATE.matcher(s);
        try {
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
        } catch (DateTimeException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("应为日期 2024-02-01，实为 '" + s + "'");
    }

    private static YearMonth month(String s) {
        Matcher m = MONTH.matcher(s);
        try {
            if (m.matches()) {
                return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        } catch (DateTimeException e) {
            // falls through
        }
        throw new IllegalArgumentException("应为月份 2024-02，实为 '" + s + "'");
    }

    /** The canonical text of a value, as written back to CSV by exporters and the generator. */
    static String format(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(value);
    }

    static final class Numbers {
        private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

        private static final huiqi.quantity.Expectation NUMBER = huiqi.quantity.Expectation.quantity("数值").allowingNegative();

        static BigDecimal decimal(String s) {
            String t = GROUPED.matcher(s).matches() ? s.replace(",", "") : s;
            return huiqi.quantity.QuantityText.number(t, NUMBER);
        }
    }
}
