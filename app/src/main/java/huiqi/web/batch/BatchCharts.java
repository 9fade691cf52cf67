package huiqi.web.batch;

import huiqi.web.charts.Charts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Chart specs (static/js/huiqi.js draws them with ECharts): totals per payer and per rule, baseline and variant. */
final class BatchCharts {
    private BatchCharts() {
    }

    static String perPayer(List<BatchRunStore.PayerRow> payers) {
        Map<String, Map<String, BigDecimal>> byVariant = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (BatchRunStore.PayerRow p : payers) {
            byVariant.computeIfAbsent(p.variant(), k -> new LinkedHashMap<>()).put(p.payer(), p.total());
            if (!labels.contains(p.payer())) {
                labels.add(p.payer());
            }
        }
        return spec("付款方金额", labels, byVariant);
    }

    /** CNY rules only: USD amounts do not share an axis with yuan. */
    static String perRule(List<BatchRunStore.RuleRow> rules) {
        Map<String, Map<String, BigDecimal>> byVariant = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (BatchRunStore.RuleRow r : rules) {
            if (!"CNY".equals(r.currency())) {
                continue;
            }
            byVariant.computeIfAbsent(r.variant(), k -> new LinkedHashMap<>()).put(r.ruleId(), r.total());
            if (!labels.contains(r.ruleId())) {
                labels.add(r.ruleId());
            }
        }
        return spec("规则金额", labels, byVariant);
    }

    private static String spec(String name, List<String> labels, Map<String, Map<String, BigDecimal>> byVariant) {
        if (byVariant.size() > 1) {
            List<Map<String, Object>> series = new ArrayList<>();
            byVariant.forEach((variant, values) -> series.add(Charts.series("base".equals(variant) ? "基准" : "试算",
                    labels.stream().map(l -> values.getOrDefault(l, BigDecimal.ZERO)).toList())));
            return Charts.spec("bar", name, "元", labels, null, series);
        }
        Map<String, BigDecimal> only = byVariant.isEmpty() ? Map.of() : byVariant.values().iterator().next();
        return Charts.spec("bar", name, "元", labels, labels.stream().map(l -> only.getOrDefault(l, BigDecimal.ZERO)).toList());
    }
}
