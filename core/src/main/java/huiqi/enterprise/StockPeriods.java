package huiqi.enterprise;

import huiqi.facts.Granularity;
import huiqi.facts.Period;
import java.time.LocalDate;
import java.time.YearMonth;

/** Whether a period is exactly one reporting period of an indicator (the only periods a stock is reported for). */
final class StockPeriods {
    private StockPeriods() {
    }

    static boolean isOneReportingPeriod(Period p, Granularity g) {
        LocalDate s = p.start();
        LocalDate e = p.end();
        return switch (g) {
            case DAY -> s.equals(e);
            case MONTH -> YearMonth.from(s).equals(YearMonth.from(e));
            case QUARTER -> s.getYear() == e.getYear() && (s.getMonthValue() - 1) / 3 == (e.getMonthValue() - 1) / 3;
            case YEAR -> s.getYear() == e.getYear();
        };
    }

    static String word(Granularity g) {
        return switch (g) {
            case DAY -> "日";
            case MONTH -> "月";
            case QUARTER -> "季";
            case YEAR -> "年";
        };
    }
}
