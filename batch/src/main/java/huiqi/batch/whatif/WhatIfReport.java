package huiqi.batch.whatif;

import huiqi.batch.run.BatchResult;
import huiqi.batch.run.RuleSummary;
import huiqi.batch.sql.CompiledRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Baseline against a what-if variant: per rule and per payer, counts and amounts, and how many enterprises changed. */
public record WhatIfReport(String overlay, List<RuleDiff> rules, List<PayerDiff> payers) {

    public record RuleDiff(String ruleId, String title, long eligibleBefore, long eligibleAfter, long undeterminableBefore,
                           long undeterminableAfter, BigDecimal amountBefore, BigDecimal amountAfter, long changed) {
        public long eligibleDelta() {
            return eligibleAfter - eligibleBefore;
        }

        public BigDecimal amountDelta() {
            return amountAfter == null ? null : amountAfter.subtract(amountBefore);
        }
    }

    public record PayerDiff(String payer, BigDecimal before, BigDecimal after) {
        public BigDecimal delta() {
            return after.subtract(before);
        }
    }

    /** One row: per rule, how many enterprises changed status or amount (standard SQL over the two result tables). */
    public static String changedQuery(BatchResult base, BatchResult variant) {
        List<String> changes = new ArrayList<>();
        for (CompiledRule r : variant.compiled().rules()) {
            String cond = "a." + r.statusColumn() + " IS DISTINCT FROM b." + r.statusColumn();
            if (r.amountColumn() != null) {
                cond += " OR a." + r.amountColumn() + " IS DISTINCT FROM b." + r.amountColumn();
            }
            changes.add("count(*) FILTER (WHERE " + cond + ")");
        }
        return "SELECT " + String.join(", ", changes) + " FROM " + base.table() + " a JOIN " + variant.table()
                + " b ON a.uscc = b.uscc";
    }

    /** The report from both results' summaries and the per-rule counts of {@link #changedQuery}. */
    public static WhatIfReport of(String overlay, BatchResult base, BatchResult variant, long[] changed) {
        List<RuleDiff> rules = new ArrayList<>();
        for (int i = 0; i < variant.rules().size(); i++) {
            RuleSummary b = base.rules().get(i);
            RuleSummary v = variant.rules().get(i);
            rules.add(new RuleDiff(v.ruleId(), v.title(), b.eligible(), v.eligible(), b.undeterminable(), v.undeterminable(),
                    b.total(), v.total(), changed[i]));
        }
        Set<String> names = new LinkedHashSet<>(base.byPayer().keySet());
        names.addAll(variant.byPayer().keySet());
        List<PayerDiff> payers = new ArrayList<>();
        for (String p : names) {
            payers.add(new PayerDiff(p, base.byPayer().getOrDefault(p, BigDecimal.ZERO.setScale(2)),
                    variant.byPayer().getOrDefault(p, BigDecimal.ZERO.setScale(2))));
        }
        return new WhatIfReport(overlay, rules, payers);
    }

    public Map<String, RuleDiff> byRule() {
        Map<String, RuleDiff> m = new LinkedHashMap<>();
        rules.forEach(r -> m.put(r.ruleId(), r));
        return m;
    }
}
