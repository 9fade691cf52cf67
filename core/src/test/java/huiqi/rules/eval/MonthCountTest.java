package huiqi.rules.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** months(from, to): months of rent due from {@code from} (inclusive) to {@code to} (exclusive), a started month whole. */
class MonthCountTest {
    @ParameterizedTest(name = "months({0}, {1}) = {2}")
    @CsvSource({
        "2023-01-15, 2023-02-15, 1",   // same day next month: exactly one
        "2023-01-15, 2023-02-14, 1",   // a day short: the month has started
        "2023-01-15, 2023-02-16, 2",   // a day into the second month
        "2023-01-15, 2023-01-16, 1",   // one day is a started month
        "2023-01-31, 2023-02-28, 1",   // month end: 01-31 + 1月 = 02-28
        "2023-01-31, 2023-03-01, 2",
        "2024-01-31, 2024-02-29, 1",   // leap year: 01-31 + 1月 = 02-29
        "2024-01-31, 2024-03-01, 2",
        "2023-02-28, 2023-03-28, 1",   // from a month's end that is not the 31st: the day stays 28
        "2023-02-28, 2023-03-31, 2",
        "2023-01-01, 2024-01-01, 12",  // a year
        "2023-01-01, 2023-12-31, 12",  // a year less a day: December has started
        "2022-12-31, 2023-12-31, 12",
        "2023-05-10, 2023-05-10, 0",   // empty
        "2023-05-11, 2023-05-10, 0",   // start after end: none
        "2024-01-01, 2023-01-01, 0",
    })
    void countsStartedMonths(LocalDate from, LocalDate to, long months) {
        assertThat(MonthCount.between(from, to)).isEqualTo(months);
    }
}
