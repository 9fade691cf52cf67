package huiqi.web.format;

import huiqi.facts.Period;
import java.time.LocalDate;

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

    private static String day(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
