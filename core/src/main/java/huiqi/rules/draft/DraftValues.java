package huiqi.rules.draft;

import huiqi.facts.IndicatorCatalog;
import java.util.Map;

/** Small helpers shared by the readers: units and periods that fit an indicator, parameter names. */
final class DraftValues {
    private DraftValues() {
    }

    static boolean fits(IndicatorCatalog.Indicator ind, PeriodPhrase p) {
        return switch (ind.granularity()) {
            case DAY -> true;
            case MONTH -> p.wholeMonths();
            case QUARTER -> p.literal().matches("\\d{4}(-Q\\d)?");
            case YEAR -> p.literal().matches("\\d{4}");
        };
    }

    static boolean sameUnit(String indicatorUnit, String written) {
        String w = switch (written) {
            case "度" -> "千瓦时";
            case "立方米" -> "方";
            case "人次" -> "人";
            default -> written;
        };
        return indicatorUnit.equals(w);
    }

    static String unique(Map<String, DraftParameter> params, String name) {
        if (!params.containsKey(name)) {
            return name;
        }
        int n = 2;
        while (params.containsKey(name + "_" + n)) {
            n++;
        }
        return name + "_" + n;
    }

    static void put(Map<String, DraftParameter> params, String name, String literal, String quote, String label) {
        params.put(name, new DraftParameter(name, literal, quote, label));
    }
}
