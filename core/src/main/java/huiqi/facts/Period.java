package huiqi.facts;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period a fact or a condition refers to: a month "2024-02", a quarter "2024-Q1", a year "2023",
 * a day "2024-02-01", or an inclusive date range "2024-02-01..2024-02-29".
 */
public sealed interface Period permits Period.Day, Period.Month, Period.Quarter, Period.Year, Period.Range {

    LocalDate start();

    /** Last day, inclusive. */
    LocalDate end();

    Granularity granularity();

    /** The same period one year earlier (for 同比). */
    Period previousYear();

    default boolean contains(Period other) {
        return !other.start().isBefore(start()) && !other.end().isAfter(end());
    }

    default long days() {
        return end().toEpochDay() - start().toEpochDay() + 1;
    }

    /** Every calendar month this period touches, in order. */
    default List<YearMonth> months() {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(start()); !m.isAfter(YearMonth.from(end())); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    Pattern YEAR = Pattern.compile("(\\d{4})");
    Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * Parses a period as every input writes it (facts, enterprise JSON, CSV/XLSX, rule files): 2024-02, 2024-Q1,
     * 2023, 2024-02-01, a day range 2024-02-01..2024-02-29 or a month range 2024-01..2024-03 (whole months).
     * Throws {@link IllegalArgumentException} with a Chinese reason.
     */
    static Period parse(String text) {
        String s = text == null ? "" : text.trim();
        try {
            int dots = s.indexOf("..");
            if (dots >= 0) {
                return range(s, s.substring(0, dots).trim(), s.substring(dots + 2).trim());
            }
            Matcher m;
            if (DAY.matcher(s).matches()) {
                return new Day(LocalDate.parse(s));
            }
            if ((m = MONTH.matcher(s)).matches()) {
                return new Month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
            if ((m = QUARTER.matcher(s)).matches()) {
                return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = YEAR.matcher(s)).matches()) {
                return new Year(Integer.parseInt(m.group(1)));
            }
        } catch (DateTimeException e) {
            // the JDK's text ("Invalid value for MonthOfYear …") is English: say it in the user's words
            throw new IllegalArgumentException("期间格式错误 '" + s + "'：不是有效的日期（月份应为 1-12，日应在当月天数以内，季度应为 1-4）");
        }
        throw new IllegalArgumentException("期间格式错误 '" + s + "'，应为 " + FORMS);
    }

    String FORMS = "2024-02（月）、2024-Q1（季）、2023（年）、2024-02-01（日）、2024-02-01..2024-02-29（日期区间）"
            + "或 2024-01..2024-03（整月区间）";

    /** A day range or a whole-month range; both ends of the same kind, the end not before the start. */
    private static Period range(String s, String from, String to) {
        if (from.isEmpty() || to.isEmpty()) {
            throw new IllegalArgumentException("期间 '" + s + "' 缺少" + (from.isEmpty() ? "开始" : "结束") + "，区间应写成 "
                    + "2024-02-01..2024-02-29 或 2024-01..2024-03");
        }
        LocalDate start;
        LocalDate end;
        if (DAY.matcher(from).matches() && DAY.matcher(to).matches()) {
            start = LocalDate.parse(from);
            end = LocalDate.parse(to);
        } else if (MONTH.matcher(from).matches() && MONTH.matcher(to).matches()) {
            start = ((Month) parse(from)).start();
            end = ((Month) parse(to)).end();
        } else {
            throw new IllegalArgumentException("期间格式错误 '" + s + "'，区间两端应同为日期（2024-02-01..2024-02-29）或同为月份（2024-01..2024-03）");
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("区间 '" + s + "' 的结束早于开始");
        }
        return new Range(start, end);
    }

    record Day(LocalDate date) implements Period {
        public LocalDate start() { return date; }
        public LocalDate end() { return date; }
        public Granularity granularity() { return Granularity.DAY; }
        public Period previousYear() { return new Day(date.minusYears(1)); }
        @Override public String toString() { return date.toString(); }
    }

    record Month(YearMonth month) implements Period {
        public LocalDate start() { return month.atDay(1); }
        public LocalDate end() { return month.atEndOfMonth(); }
        public Granularity granularity() { return Granularity.MONTH; }
        public Period previousYear() { return new Month(month.minusYears(1)); }
        @Override public String toString() { return month.toString(); }
    }

    record Quarter(int year, int quarter) implements Period {
        public Quarter {
            if (quarter < 1 || quarter > 4) {
                throw new IllegalArgumentException("季度应为 1-4: " + quarter);
            }
        }
        public LocalDate start() { return LocalDate.of(year, quarter * 3 - 2, 1); }
        public LocalDate end() { return YearMonth.of(year, quarter * 3).atEndOfMonth(); }
        public Granularity granularity() { return Granularity.QUARTER; }
        public Period previousYear() { return new Quarter(year - 1, quarter); }
        @Override public String toString() { return year + "-Q" + quarter; }
    }

    record Year(int year) implements Period {
        public LocalDate start() { return LocalDate.of(year, 1, 1); }
        public LocalDate end() { return LocalDate.of(year, 12, 31); }
        public Granularity granularity() { return Granularity.YEAR; }
        public Period previousYear() { return new Year(year - 1); }
        @Override public String toString() { return Integer.toString(year); }
    }

    record Range(LocalDate from, LocalDate to) implements Period {
        public Range {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("区间结束早于开始: " + from + ".." + to);
            }
        }
        public LocalDate start() { return from; }
        public LocalDate end() { return to; }
        public Granularity granularity() { return Granularity.DAY; }
        public Period previousYear() { return new Range(from.minusYears(1), to.minusYears(1)); }
        @Override public String toString() { return from + ".." + to; }
    }
}
