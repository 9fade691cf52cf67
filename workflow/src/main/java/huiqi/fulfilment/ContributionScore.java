package huiqi.fulfilment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 社会贡献值 of every enterprise in a population, 0–100.
 *
 * <p>For each factor the enterprise's value is turned into its percentile rank among the enterprises that
 * have that factor (share of enterprises with a strictly smaller value plus half of those with an equal
 * value, × 100), which keeps a few giants from flattening everyone else. The score is the weighted mean of
 * the percentiles over the factors known for the enterprise. Unknown factors are left out and listed;
 * an enterprise with no known factor has no score (undeterminable, never 0).
 */
public final class ContributionScore {
    private ContributionScore() {
    }

    public record Score(String uscc, BigDecimal score, Map<ContributionFactor, BigDecimal> percentiles,
                        List<ContributionFactor> missing) {
        public boolean determinable() {
            return score != null;
        }
    }

    public static Map<String, Score> score(Map<String, Map<ContributionFactor, BigDecimal>> facts,
                                           ContributionWeights weights) {
        Map<ContributionFactor, List<BigDecimal>> sorted = new EnumMap<>(ContributionFactor.class);
        for (ContributionFactor f : ContributionFactor.values()) {
            List<BigDecimal> values = new ArrayList<>();
            facts.values().forEach(m -> {
                if (m.get(f) != null) {
                    values.add(m.get(f));
                }
            });
            Collections.sort(values);
            sorted.put(f, values);
        }
        Map<String, Score> out = new HashMap<>();
        for (Map.Entry<String, Map<ContributionFactor, BigDecimal>> e : facts.entrySet()) {
            Map<ContributionFactor, BigDecimal> pct = new EnumMap<>(ContributionFactor.class);
            List<ContributionFactor> missing = new ArrayList<>();
            BigDecimal weighted = BigDecimal.ZERO;
            BigDecimal weightSum = BigDecimal.ZERO;
            for (Map.Entry<ContributionFactor, BigDecimal> w : weights.asMap().entrySet()) {
                BigDecimal v = e.getValue().get(w.getKey());
                if (v == null) {
                    missing.add(w.getKey());
                    continue;
                }
                BigDecimal p = percentile(sorted.get(w.getKey()), v);
                pct.put(w.getKey(), p.setScale(1, RoundingMode.HALF_UP));
                weighted = weighted.add(p.multiply(w.getValue()));
                weightSum = weightSum.add(w.getValue());
            }
            BigDecimal score = weightSum.signum() == 0 ? null
                    : weighted.divide(weightSum, 1, RoundingMode.HALF_UP);
            out.put(e.getKey(), new Score(e.getKey(), score, pct, missing));
        }
        return out;
    }

    /** Mid-rank percentile of v in the sorted list (which contains v). */
    static BigDecimal percentile(List<BigDecimal> sorted, BigDecimal v) {
        int below = lowerBound(sorted, v);
        int upTo = upperBound(sorted, v);
        BigDecimal rank = BigDecimal.valueOf(below).add(BigDecimal.valueOf(upTo - below).divide(BigDecimal.valueOf(2)));
        return rank.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(sorted.size()), 6, RoundingMode.HALF_UP);
    }

    private static int lowerBound(List<BigDecimal> s, BigDecimal v) {
        int lo = 0;
        int hi = s.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.get(mid).compareTo(v) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(List<BigDecimal> s, BigDecimal v) {
        int lo = 0;
        int hi = s.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.get(mid).compareTo(v) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Same mid-rank percentile for any value within a population (used for benefits received). */
    public static Map<String, BigDecimal> percentiles(Map<String, BigDecimal> values) {
        List<BigDecimal> sorted = new ArrayList<>(values.values());
        Collections.sort(sorted);
        Map<String, BigDecimal> out = new HashMap<>();
        values.forEach((k, v) -> out.put(k, percentile(sorted, v).setScale(1, RoundingMode.HALF_UP)));
        return out;
    }
}
