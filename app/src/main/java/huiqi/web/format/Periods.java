package huiqi.web.format;

import huiqi.facts.Period;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Periods as an enterprise reads them: "2024年1月10日至2024年3月31日", "2024年2月", "2024年第一季度", "2024年".
 * Stored texts ("2024-01-10..2024-03-31", "2024-Q1") stay what filters and exports use; text that is not a
 * period is shown as it is. Used from templates as {@code ${T(huiqi.web.format.Periods).chinese(x)}}.
 */
public final class Periods {
    private static final String[] QUARTERS = {"一", "二", "三", "四"};

    private Periods() {
    }

    public static String chinese(Object period) {
        String stored = period == null ? null : period.toString();
        if (stored == null || stored.isBlank()) {
            return "—";
        }
        Period p;
        try {
            p = Period.parse(stored);
        } catch (IllegalArgumentException e) {
            return stored;
        }
        if (p instanceof Period.Day d) {
            return day(d.date());
        }
        if (p instanceof Period.Month m) {
            return m.month().getYear() + "年" + m.month().getMonthValue() + "月";
        }
        if (p instanceof Period.Quarter q) {
            return q.year() + "年第" + QUARTERS[q.quarter() - 1] + "季度";
        }
        if (p instanceof Period.Year y) {
            return y.year() + "年";
        }
        return day(p.start()) + "至" + day(p.end());
    }

    /** A stored range (2024-01-10..2024-03-31, 2024-01..2024-03) or quarter (2024-Q1) inside a sentence. */
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?<![\\d-])\\d{4}-\\d{2}(-\\d{2})?\\.\\.\\d{4}-\\d{2}(-\\d{2})?(?![\\d-])|(?<![\\d-])\\d{4}-Q[1-4](?!\\d)");

    /**
     * A sentence (an explanation, a question, a note) with its stored ranges and quarters in Chinese. Single dates
     * and months stay as written: they read plainly already ("2024-03-31 到期").
     */
    public static String inText(Object text) {
        if (text == null) {
            return "";
        }
        String s = text.toString();
        if (!s.contains("..") && !s.contains("-Q")) {
            return s; // neither a range nor a quarter: most sentences, and the regex costs more than this look
        }
        Matcher m = IN_TEXT.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(chinese(m.group())));
        }
        return m.appendTail(out).toString();
    }

    private static String day(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
