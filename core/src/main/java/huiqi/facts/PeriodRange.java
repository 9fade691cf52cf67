package huiqi.facts;

import java.time.LocalDate;

/**
 * The plausible periods of an indicator's facts: from January of {@code fromYear} to the end of the year
 * {@code yearsAhead} after the current one. Data reported for 0000-01 or 2099-01 is a typing error, not data.
 */
public record PeriodRange(int fromYear, int yearsAhead) {
    public static final PeriodRange DEFAULT = new PeriodRange(1990, 1);

    public PeriodRange {
        if (fromYear < 1 || yearsAhead < 0) {
            throw new IllegalArgumentException("期间范围无效：from " + fromYear + "，ahead " + yearsAhead);
        }
    }

    public int toYear(LocalDate today) {
        return today.getYear() + yearsAhead;
    }

    public boolean contains(Period p, LocalDate today) {
        return p.start().getYear() >= fromYear && p.end().getYear() <= toYear(today);
    }
}
