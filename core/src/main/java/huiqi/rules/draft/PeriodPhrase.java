package huiqi.rules.draft;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period the text names, as the rule language writes it: "春节期间（2024年2月1日至2月29日）" → 2024-02,
 * "一季度" → 2024-Q1 (the document's year when the text gives none), "1-2月" → 2024-01..2024-02, "2023年" → 2023,
 * "2024年2月1日至2月17日" → 2024-02-01..2024-02-17. {@code yearAssumed} says the year came from the document.
 */
record PeriodPhrase(String literal, String quote, int start, int end, boolean yearAssumed, boolean wholeMonths) {

    private static final Pattern DAYS = Pattern.compile(
            "(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日?(?:起)?(?:至|到|-|—|~)(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern QUARTER = Pattern.compile("(?:(\\d{4})年)?(?:第)?([一二三四1-4])季度");
    private static final Pattern MONTHS = Pattern.compile("(?:(\\d{4})年)?(\\d{1,2})\\s*(?:-|—|~|至|到)\\s*(\\d{1,2})月(?!\\d{0,2}日)");
    private static final Pattern MONTH = Pattern.compile("(?:(\\d{4})年)(\\d{1,2})月(?!\\d{0,2}日)");
    private static final Pattern HALF = Pattern.compile("(?:(\\d{4})年)?(上半年|下半年)");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})年(?:度)?(?![\\d一二三四第上下]|\\d{1,2}月)");

    /** Every period phrase in {@code text} (half-width), in order; overlapping finer readings win. */
    static List<PeriodPhrase> all(String text, int defaultYear) {
        List<PeriodPhrase> out = new ArrayList<>();
        boolean[] taken = new boolean[text.length()];
        for (Pattern p : List.of(DAYS, QUARTER, MONTHS, MONTH, HALF, YEAR)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (taken(taken, m.start(), m.end())) {
                    continue;
                }
                Optional<PeriodPhrase> pp = read(p, m, defaultYear);
                if (pp.isPresent()) {
                    for (int k = m.start(); k < m.end(); k++) {
                        taken[k] = true;
                    }
                    out.add(pp.get());
                }
            }
        }
        out.sort(Comparator.comparingInt(PeriodPhrase::start));
        return out;
    }

    /**
     * The period phrase governing position {@code pos}: the last one before it, else the first after it that
     * starts before {@code clauseEnd} (a period further on belongs to another clause).
     */
    static Optional<PeriodPhrase> governing(List<PeriodPhrase> all, int pos, int clauseEnd) {
        PeriodPhrase before = null;
        for (PeriodPhrase p : all) {
            if (p.start() < pos) {
                before = p;
            } else if (before == null) {
                return p.start() < clauseEnd ? Optional.of(p) : Optional.empty();
            }
        }
        return Optional.ofNullable(before);
    }

    private static boolean taken(boolean[] taken, int from, int to) {
        for (int k = from; k < to; k++) {
            if (taken[k]) {
                return true;
            }
        }
        return false;
    }

    private static Optional<PeriodPhrase> read(Pattern p, Matcher m, int defaultYear) {
        try {
            String quote = m.group();
            if (p == DAYS) {
                boolean assumed = m.group(1) == null;
                int y1 = assumed ? defaultYear : Integer.parseInt(m.group(1));
                int y2 = m.group(4) != null ? Integer.parseInt(m.group(4)) : y1;
                LocalDate from = LocalDate.of(y1, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                LocalDate to = LocalDate.of(y2, Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
                if (to.isBefore(from)) {
                    return Optional.empty();
                }
                boolean whole = from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth());
                String lit;
                if (whole && YearMonth.from(from).equals(YearMonth.from(to))) {
                    lit = YearMonth.from(from).toString();
                } else if (whole) {
                    lit = YearMonth.from(from) + ".." + YearMonth.from(to);
                } else {
                    lit = from + ".." + to;
                }
                return Optional.of(new PeriodPhrase(lit, quote, m.start(), m.end(), assumed, whole));
            }
            if (p == QUARTER) {
                boolean assumed = m.group(1) == null;
                int y = assumed ? defaultYear : Integer.parseInt(m.group(1));
                int q = "一1".indexOf(m.group(2).charAt(0)) >= 0 ? 1 : "二2".indexOf(m.group(2).charAt(0)) >= 0 ? 2
                        : "三3".indexOf(m.group(2).charAt(0)) >= 0 ? 3 : 4;
                return Optional.of(new PeriodPhrase(y + "-Q" + q, quote, m.start(), m.end(), assumed, true));
            }
            if (p == MONTHS) {
                boolean assumed = m.group(1) == null;
                int y = assumed ? defaultYear : Integer.parseInt(m.group(1));
                YearMonth a = YearMonth.of(y, Integer.parseInt(m.group(2)));
                YearMonth b = YearMonth.of(y, Integer.parseInt(m.group(3)));
                if (!a.isBefore(b)) {
                    return Optional.empty();
                }
                return Optional.of(new PeriodPhrase(a + ".." + b, quote, m.start(), m.end(), assumed, true));
            }
            if (p == MONTH) {
                YearMonth a = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return Optional.of(new PeriodPhrase(a.toString(), quote, m.start(), m.end(), false, true));
            }
            if (p == HALF) {
                boolean assumed = m.group(1) == null;
                int y = assumed ? defaultYear : Integer.parseInt(m.group(1));
                String lit = m.group(2).equals("上半年") ? y + "-01.." + y + "-06" : y + "-07.." + y + "-12";
                return Optional.of(new PeriodPhrase(lit, quote, m.start(), m.end(), assumed, true));
            }
            return Optional.of(new PeriodPhrase(m.group(1), quote, m.start(), m.end(), false, true));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
