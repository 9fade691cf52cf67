package huiqi.web.supervision;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Filters of the task list, dashboard and export: document id, unit, status label, the date (截至日期), the period
 * and the government. Period: "" all tasks; {@code year} tasks running in the year of the date; {@code valid} tasks
 * of documents in force on the date; {@code custom} tasks running some time in [from, to]. Government: a key
 * ("350102|鼓楼区"): the tasks of its units and of the governments under it.
 */
public record TaskFilter(String document, String unit, String status, LocalDate date, String period, LocalDate from,
                         LocalDate to, String government) {

    public static final String YEAR = "year";
    public static final String VALID = "valid";
    public static final String CUSTOM = "custom";

    public static TaskFilter of(String document, String unit, String status, String date) {
        return of(document, unit, status, date, null, null, null, null);
    }

    public static TaskFilter of(String document, String unit, String status, String date, String period, String from,
                                String to, String government) {
        String p = clean(period);
        if (!p.isEmpty() && !p.equals(YEAR) && !p.equals(VALID) && !p.equals(CUSTOM)) {
            p = "";
        }
        return new TaskFilter(clean(document), clean(unit), clean(status), parse(date), p, parseOrNull(from),
                parseOrNull(to), clean(government));
    }

    /** Whether the task belongs to the chosen period. */
    public boolean inPeriod(TaskRecord t) {
        return switch (period) {
            case YEAR -> runsDuring(t, date.withDayOfYear(1), date.withDayOfYear(date.lengthOfYear()));
            case VALID -> t.resolved() == null
                    || (t.resolved().documentFrom() == null || !t.resolved().documentFrom().isAfter(date))
                    && (t.resolved().documentUntil() == null || !t.resolved().documentUntil().isBefore(date));
            case CUSTOM -> runsDuring(t, from, to);
            default -> true;
        };
    }

    /** Whether [start, deadline] of the task meets [from, to] (an open end meets everything on that side). */
    private static boolean runsDuring(TaskRecord t, LocalDate from, LocalDate to) {
        boolean startsBeforeEnd = to == null || t.start() == null || !t.start().isAfter(to);
        boolean endsAfterStart = from == null || t.deadline() == null || !t.deadline().isBefore(from);
        return startsBeforeEnd && endsAfterStart;
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    private static LocalDate parseOrNull(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate parse(String s) {
        LocalDate d = parseOrNull(s);
        return d == null ? SupervisionViews.today() : d;
    }
}
