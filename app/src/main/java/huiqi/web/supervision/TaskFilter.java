package huiqi.web.supervision;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Filters of the task list, dashboard and export: document id, unit, status label, and the date (截至日期). */
public record TaskFilter(String document, String unit, String status, LocalDate date) {

    public static TaskFilter of(String document, String unit, String status, String date) {
        return new TaskFilter(clean(document), clean(unit), clean(status), parse(date));
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    private static LocalDate parse(String s) {
        if (s == null || s.isBlank()) {
            return SupervisionViews.today();
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return SupervisionViews.today();
        }
    }
}
