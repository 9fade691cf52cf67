package huiqi.rules.eval;

import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;

/** Words for avg(x[P]) in explanations: "月平均值" of a monthly indicator, "日均值" of a daily one. */
final class Averages {
    private Averages() {
    }

    static String word(IndicatorCatalog catalog, String id) {
        Granularity g = catalog.indicator(id).map(IndicatorCatalog.Indicator::granularity).orElse(Granularity.MONTH);
        return g == Granularity.DAY ? "日均值" : unitWord(g) + "平均值";
    }

    /** 日、月、季、年: the reporting period the average is taken over. */
    static String unitWord(Granularity g) {
        return switch (g) {
            case DAY -> "日";
            case MONTH -> "月";
            case QUARTER -> "季";
            case YEAR -> "年";
        };
    }
}
