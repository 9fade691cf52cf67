package huiqi.web.format;

import huiqi.facts.Granularity;

/** How often an indicator is reported, as an officer reads it: 按日 / 按月 / 按季 / 按年. */
public final class Granularities {
    private Granularities() {
    }

    public static String label(Granularity g) {
        return switch (g) {
            case DAY -> "按日";
            case MONTH -> "按月";
            case QUARTER -> "按季";
            case YEAR -> "按年";
        };
    }
}
