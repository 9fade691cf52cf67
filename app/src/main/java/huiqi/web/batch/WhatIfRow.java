package huiqi.web.batch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One line of the side-by-side what-if table: a rule's counts and amount in the baseline and the variant. */
public record WhatIfRow(String ruleId, String title, String currency, long eligibleBase, long eligibleVariant,
                        long undeterminableBase, long undeterminableVariant, BigDecimal amountBase,
                        BigDecimal amountVariant, Long changed) {

    public long eligibleDelta() {
        return eligibleVariant - eligibleBase;
    }

    public BigDecimal amountDelta() {
        return amountBase == null || amountVariant == null ? null : amountVariant.subtract(amountBase);
    }

    static List<WhatIfRow> of(List<BatchRunStore.RuleRow> rules) {
        Map<String, BatchRunStore.RuleRow> variant = new LinkedHashMap<>();
        rules.stream().filter(r -> "variant".equals(r.variant())).forEach(r -> variant.put(r.ruleId(), r));
        List<WhatIfRow> out = new ArrayList<>();
        if (variant.isEmpty()) {
            return out;
        }
        for (BatchRunStore.RuleRow b : rules) {
            BatchRunStore.RuleRow v = variant.get(b.ruleId());
            if (!"base".equals(b.variant()) || v == null) {
                continue;
            }
            out.add(new WhatIfRow(b.ruleId(), b.title(), b.currency(), b.eligible(), v.eligible(), b.undeterminable(),
                    v.undeterminable(), b.total(), v.total(), v.changed()));
        }
        return out;
    }
}
