package huiqi.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The DRL's results collector (a Drools global): per rule, how many firms the 符合 and 不符合 rules fired for and
 * the amounts. A firm neither fires for is 无法判断 (the DRL fires at most one of the two per firm and rule).
 */
public final class Tally {
    private final Map<String, long[]> counts = new HashMap<>();
    private final Map<String, BigDecimal> amounts = new HashMap<>();

    /** @param amount the final amount (null for a right without amount) */
    public void eligible(String rule, BigDecimal amount) {
        counts.computeIfAbsent(rule, r -> new long[2])[0]++;
        if (amount != null) {
            amounts.merge(rule, amount, BigDecimal::add);
        }
    }

    public void ineligible(String rule) {
        counts.computeIfAbsent(rule, r -> new long[2])[1]++;
    }

    /** Ineligible for each of the rules (e.g. every rule of a document whose region the firm is known to be outside). */
    public void ineligibleAll(String... rules) {
        for (String rule : rules) {
            ineligible(rule);
        }
    }

    /** max(0, v) rounded once to the fen, HALF_UP. */
    public static BigDecimal fen(BigDecimal v) {
        return v.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }

    void addTo(RuleTotals t, Iterable<String> rules, long firms, Set<String> withAmount) {
        for (String r : rules) {
            long[] c = counts.getOrDefault(r, new long[2]);
            BigDecimal a = withAmount.contains(r) ? amounts.getOrDefault(r, BigDecimal.ZERO.setScale(2)) : null;
            t.put(r, new RuleTotals.Total(c[0], c[1], firms - c[0] - c[1], a));
        }
    }
}
