package huiqi.testdata;

import huiqi.enterprise.Uscc;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/** Building blocks for {@link Boundary.Probe}s: moving an enterprise, making it what a rule requires, splitting sums. */
final class Probes {
    private Probes() {
    }

    /** Re-registers the enterprise in a district (its code keeps its organisation code, so stays unique). */
    static void relocate(SyntheticEnterprise e, String district) {
        Regions.Region region = Regions.byDistrict(district);
        e.regionCode = region.code();
        e.uscc = Uscc.enterprise(region.code(), e.uscc.substring(8, 16));
        e.district = district;
        e.placeInZone();
        e.rename();
    }

    /** An above-scale manufacturer (规上工业企业, 制造业) that has long been in the statistics. */
    static void aboveScaleManufacturer(SyntheticEnterprise e) {
        if (!e.industryCode.startsWith("C")) {
            e.industryCode = "C1951";
        }
        if (e.size.equals("微型")) {
            e.size = "小型";
        }
        e.rename();
        e.flag("manufacturing", true);
        e.flag("above_scale_industrial", true);
        e.attribute("stats_included_month", "2018-06");
        e.attribute("production_start_month", "2018-06");
    }

    /** Splits {@code total} into parts by the given weights, exactly (the last part takes the rounding). */
    static BigDecimal[] split(BigDecimal total, int scale, double... weights) {
        BigDecimal[] parts = new BigDecimal[weights.length];
        BigDecimal rest = total;
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        for (int i = 0; i < weights.length - 1; i++) {
            parts[i] = total.multiply(BigDecimal.valueOf(weights[i] / sum)).setScale(scale, RoundingMode.DOWN);
            rest = rest.subtract(parts[i]);
        }
        parts[weights.length - 1] = rest;
        return parts;
    }

    static void months(SyntheticEnterprise e, String indicator, BigDecimal total, int scale, String... months) {
        double[] w = new double[months.length];
        Arrays.fill(w, 1);
        BigDecimal[] parts = split(total, scale, w);
        for (int i = 0; i < months.length; i++) {
            e.fact(indicator, months[i], parts[i]);
        }
    }
}
