package huiqi.batch.sql;

import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** One pivoted column of the wide table: the value of {@code indicator} reported for exactly {@code period}. */
public record FactColumn(String indicator, Period period) {
    /** The period as written in facts.csv (Period.toString is the canonical form the importer accepts). */
    public String periodText() {
        return period.toString();
    }

    /**
     * Every way a facts file may write the period (one period syntax for all inputs, {@link Period#parse}): the
     * canonical text, and a range of whole months also as 2024-01..2024-02.
     */
    public List<String> periodTexts() {
        if (period instanceof Period.Range r && r.from().getDayOfMonth() == 1
                && r.to().equals(YearMonth.from(r.to()).atEndOfMonth())) {
            return List.of(periodText(), YearMonth.from(r.from()) + ".." + YearMonth.from(r.to()));
        }
        return List.of(periodText());
    }

    /**
     * Every (indicator, period) pair of texts a facts row of this column may carry: the indicator by id or by its
     * Chinese name (as the importer accepts), each with every {@link #periodTexts()}.
     */
    public List<List<String>> keyTexts(IndicatorCatalog catalog) {
        List<String> names = new ArrayList<>(List.of(indicator));
        catalog.indicator(indicator).ifPresent(i -> names.add(i.name()));
        List<List<String>> keys = new ArrayList<>();
        for (String period : periodTexts()) {
            for (String name : names) {
                keys.add(List.of(name, period));
            }
        }
        return keys;
    }

    /** A plain identifier: f_electricity_kwh_2024_02, f_site_workers_2024_02_10__2024_02_17. */
    public String column() {
        return "f_" + indicator + "_" + periodText().replace("..", "__").replace('-', '_');
    }
}
