package huiqi.supervision;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time limit a Chinese phrase names, as the last day of that period: "2024年3月31日前" → 2024-03-31,
 * "1-2月" → end of February, "3月底" → end of March, "一季度"/"第一季度"/"首季" → end of the quarter, "上半年" →
 * June 30, "年底"/"年末"/"全年"/"年内"/"下半年" → December 31, "2025年底" → 2025-12-31. A phrase without a year
 * takes {@code year}. The most specific phrase wins (date, month, quarter, half, year), then the first.
 */
final class TimePhrases {
    private static final String Y = "(?:(\\d{4})年)?";
    private static final Pattern DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern MONTH_RANGE = Pattern.compile(Y + "\\d{1,2}[-—－~至到]+(\\d{1,2})月");
    private static final Pattern MONTH_END = Pattern.compile(Y + "(\\d{1,2})月(?:底|末|前|份前|之前)");
    private static final Pattern QUARTER = Pattern.compile(Y + "(?:第)?([一二三四1-4])季度|" + Y + "(首)季");
    private static final Pattern FIRST_HALF = Pattern.compile(Y + "上半年");
    private static final Pattern YEAR_END = Pattern.compile("(\\d{4})?年(?:底|末|内)|" + Y + "(?:全年|下半年)");
    private static final Pattern UNTIL = Pattern.compile(
            "(?:执行|实施|施行|有效期?)(?:至|到|截至|截止)|截至|截止(?:到|至)?");

    private TimePhrases() {
    }

    static String normalize(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    /** The time limit named in {@code text}, if any. */
    static Optional<LocalDate> deadline(String text, int year) {
        String s = normalize(text);
        Matcher m = DATE.matcher(s);
        if (m.find()) {
            return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        for (Pattern p : new Pattern[] {MONTH_RANGE, MONTH_END}) {
            m = p.matcher(s);
            if (m.find()) {
                int month = Integer.parseInt(m.group(2));
                if (month >= 1 && month <= 12) {
                    return Optional.of(YearMonth.of(yearOr(m.group(1), year), month).atEndOfMonth());
                }
            }
        }
        m = QUARTER.matcher(s);
        if (m.find()) {
            int q = m.group(2) != null ? quarter(m.group(2)) : 1;
            String y = m.group(1) != null ? m.group(1) : m.group(3);
            return Optional.of(YearMonth.of(yearOr(y, year), q * 3).atEndOfMonth());
        }
        m = FIRST_HALF.matcher(s);
        if (m.find()) {
            return Optional.of(LocalDate.of(yearOr(m.group(1), year), 6, 30));
        }
        m = YEAR_END.matcher(s);
        if (m.find()) {
            String y = m.group(1) != null ? m.group(1) : m.group(2);
            return Optional.of(LocalDate.of(yearOr(y, year), 12, 31));
        }
        return Optional.empty();
    }

    /** An explicit end date a measure sets for itself: "政策执行至2024年12月31日", "截至2023年12月31日". */
    static Optional<LocalDate> measureUntil(String text) {
        String s = normalize(text);
        Matcher u = UNTIL.matcher(s);
        while (u.find()) {
            Matcher d = DATE.matcher(s);
            d.region(u.end(), Math.min(s.length(), u.end() + 14));
            if (d.lookingAt()) {
                return date(Integer.parseInt(d.group(1)), Integer.parseInt(d.group(2)), Integer.parseInt(d.group(3)));
            }
        }
        return Optional.empty();
    }

    /** The year a document speaks of: the first "2024年" in its title, else {@code fallback}. */
    static int yearOf(String title, int fallback) {
        Matcher m = Pattern.compile("(20\\d{2})年").matcher(normalize(title));
        return m.find() ? Integer.parseInt(m.group(1)) : fallback;
    }

    private static int yearOr(String y, int year) {
        return y == null ? year : Integer.parseInt(y);
    }

    private static int quarter(String q) {
        return switch (q) {
            case "一", "1" -> 1;
            case "二", "2" -> 2;
            case "三", "3" -> 3;
            default -> 4;
        };
    }

    private static Optional<LocalDate> date(int y, int m, int d) {
        try {
            return Optional.of(LocalDate.of(y, m, d));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
