package huiqi.policy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as documents write them: "2024年1月10日", "2023 年 4 月 11 日", "二〇二四年一月十日", and in web metadata or
 * short forms "2023-03-05", "2023.3.5", "2023/3/5" (a numeric form never followed by another digit group).
 */
final class Dates {
    static final String ARABIC = "(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日";
    static final String CHINESE = "([〇零○一二三四五六七八九]{4})\\s*年\\s*([一二三四五六七八九十]{1,3})\\s*月\\s*([一二三四五六七八九十]{1,3})\\s*日";
    static final String NUMERIC = "(?<![\\d.])(\\d{4})[-./](\\d{1,2})[-./](\\d{1,2})(?![\\d.])";
    static final Pattern DATE = Pattern.compile(ARABIC + "|" + CHINESE + "|" + NUMERIC);

    record Found(LocalDate date, int start, int end) {
    }

    private Dates() {
    }

    /** Every valid date in canonical text, in order. */
    static List<Found> all(String canon) {
        List<Found> list = new ArrayList<>();
        Matcher m = DATE.matcher(canon);
        while (m.find()) {
            LocalDate d = toDate(m, 0);
            if (d != null) {
                list.add(new Found(d, m.start(), m.end()));
            }
        }
        return list;
    }

    /** The date matched by {@link #DATE} whose groups start at {@code offset} (0 for the pattern alone). */
    static LocalDate toDate(Matcher m, int offset) {
        try {
            if (m.group(offset + 1) != null) {
                return LocalDate.of(Integer.parseInt(m.group(offset + 1)), Integer.parseInt(m.group(offset + 2)),
                        Integer.parseInt(m.group(offset + 3)));
            }
            if (m.group(offset + 4) != null) {
                StringBuilder y = new StringBuilder();
                for (char c : m.group(offset + 4).toCharArray()) {
                    y.append(c == '〇' || c == '零' || c == '○' ? 0 : Canon.ordinal(String.valueOf(c)));
                }
                return LocalDate.of(Integer.parseInt(y.toString()), Canon.ordinal(m.group(offset + 5)),
                        Canon.ordinal(m.group(offset + 6)));
            }
            if (m.group(offset + 7) != null) {
                int year = Integer.parseInt(m.group(offset + 7));
                if (year < 1949 || year > 2100) {
                    return null;
                }
                return LocalDate.of(year, Integer.parseInt(m.group(offset + 8)), Integer.parseInt(m.group(offset + 9)));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
