package huiqi.bench;

import huiqi.rules.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per rule: how many enterprises are eligible, ineligible, undeterminable and the total amount (to the fen). */
public final class RuleTotals {
    public record Total(long eligible, long ineligible, long undeterminable, BigDecimal amount) {
        Total plus(Total o) {
            return new Total(eligible + o.eligible, ineligible + o.ineligible, undeterminable + o.undeterminable,
                    amount == null ? o.amount : o.amount == null ? amount : amount.add(o.amount));
        }

        boolean sameAs(Total o) {
            return eligible == o.eligible && ineligible == o.ineligible && undeterminable == o.undeterminable
                    && (amount == null ? o.amount == null || o.amount.signum() == 0
                    : o.amount == null ? amount.signum() == 0 : amount.compareTo(o.amount) == 0);
        }

        @Override
        public String toString() {
            return "符合 " + eligible + " / 不符合 " + ineligible + " / 无法判断 " + undeterminable + " / 金额 " + amount;
        }
    }

    private final Map<String, Total> byRule = new TreeMap<>();

    public void add(String ruleId, Status status, BigDecimal amount) {
        Total t = switch (status) {
            case ELIGIBLE -> new Total(1, 0, 0, amount);
            case INELIGIBLE -> new Total(0, 1, 0, null);
            case UNDETERMINABLE -> new Total(0, 0, 1, null);
        };
        byRule.merge(ruleId, t, Total::plus);
    }

    public void put(String ruleId, Total t) {
        byRule.merge(ruleId, t, Total::plus);
    }

    public RuleTotals merge(RuleTotals o) {
        o.byRule.forEach(this::put);
        return this;
    }

    public Map<String, Total> byRule() {
        return byRule;
    }

    public Total rule(String id) {
        return byRule.get(id);
    }

    /** Differences on the given rules ("rule: this vs other"); empty when they agree. */
    public List<String> differences(RuleTotals other, Collection<String> rules) {
        List<String> out = new ArrayList<>();
        for (String r : rules) {
            Total a = byRule.get(r);
            Total b = other.byRule.get(r);
            if (a == null || b == null || !a.sameAs(b)) {
                out.add(r + "：" + a + " ≠ " + b);
            }
        }
        return out;
    }
}
