package huiqi.batch.sql;

import huiqi.facts.Granularity;
import huiqi.facts.Period;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * How an indicator is read for a period (docs/rules.md §4): the value reported for exactly that period if
 * there is one, otherwise the sum of the indicator's reporting periods inside it (every one must be known).
 */
final class PeriodUnits {
    private PeriodUnits() {
    }

    /** The reporting periods of granularity {@code g} that make up {@code p} (the checker guarantees alignment). */
    static List<Period> units(Period p, Granularity g) {
        List<Period> out = new ArrayList<>();
        switch (g) {
            case DAY -> {
                for (LocalDate d = p.start(); !d.isAfter(p.end()); d = d.plusDays(1)) {
                    out.add(new Period.Day(d));
                }
            }
            case MONTH -> {
                for (YearMonth m = YearMonth.from(p.start()); !m.isAfter(YearMonth.from(p.end())); m = m.plusMonths(1)) {
                    out.add(new Period.Month(m));
                }
            }
            case QUARTER -> {
                for (LocalDate d = p.start(); !d.isAfter(p.end()); d = d.plusMonths(3)) {
                    out.add(new Period.Quarter(d.getYear(), (d.getMonthValue() - 1) / 3 + 1));
                }
            }
            case YEAR -> {
                for (int y = p.start().getYear(); y <= p.end().getYear(); y++) {
                    out.add(new Period.Year(y));
                }
            }
        }
        return out;
    }
}
