package huiqi.rules.eval;

import java.time.LocalDate;

/**
 * {@code months(from, to)}: the months of rent due for the days from {@code from} (inclusive) to {@code to} (exclusive),
 * each month counted from {@code from}'s day (clamped to the month's end, as {@code date + N月}) and a started month
 * counting whole: the least n ≥ 0 with from + n月 ≥ to. 2023-01-15..2023-02-15 is 1, ..2023-02-16 is 2;
 * 2023-01-31..2023-02-28 is 1 (2023-01-31 + 1月 = 2023-02-28); 0 when {@code to} is not after {@code from}.
 * The SQL dialects compute the same from year, month and day numbers (batch {@code SqlDialect.monthsBetween}).
 */
public final class MonthCount {
    private MonthCount() {
    }

    public static long between(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long m = (to.getYear() * 12L + to.getMonthValue()) - (from.getYear() * 12L + from.getMonthValue());
        return from.plusMonths(m).isBefore(to) ? m + 1 : m;
    }
}
