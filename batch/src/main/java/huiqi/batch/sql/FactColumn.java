package huiqi.batch.sql;

import huiqi.facts.Period;

/** One pivoted column of the wide table: the value of {@code indicator} reported for exactly {@code period}. */
public record FactColumn(String indicator, Period period) {
    /** The period as written in facts.csv (Period.toString is the canonical form the importer accepts). */
    public String periodText() {
        return period.toString();
    }

    /** A plain identifier: f_electricity_kwh_2024_02, f_site_workers_2024_02_10__2024_02_17. */
    public String column() {
        return "f_" + indicator + "_" + periodText().replace("..", "__").replace('-', '_');
    }
}
