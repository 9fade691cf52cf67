package huiqi.web.fulfilment;

import huiqi.web.charts.Charts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The 兑现看板 charts: progress funnel and amounts (万元) per measure or unit, cases per state. */
final class FulfilmentCharts {
    private FulfilmentCharts() {
    }

    static String funnel(List<FulfilmentStats.Funnel> rows) {
        List<String> labels = rows.stream().map(FulfilmentStats.Funnel::key).toList();
        List<Map<String, Object>> series = List.of(
                Charts.series("已匹配", rows.stream().map(FulfilmentStats.Funnel::matched).toList()),
                Charts.series("已推送", rows.stream().map(FulfilmentStats.Funnel::pushed).toList()),
                Charts.series("已确认", rows.stream().map(FulfilmentStats.Funnel::confirmed).toList()),
                Charts.series("已兑现", rows.stream().map(FulfilmentStats.Funnel::paid).toList()));
        return Charts.spec("bar", "兑现进度", "件", labels, List.of(), series);
    }

    static String amounts(List<FulfilmentStats.Funnel> rows) {
        List<String> labels = rows.stream().map(FulfilmentStats.Funnel::label).toList();
        return Charts.spec("bar", "金额", "万元", labels, List.of(), List.of(
                Charts.series("匹配金额", rows.stream().map(r -> wan(r.matchedAmount())).toList()),
                Charts.series("已兑现金额", rows.stream().map(r -> wan(r.paidAmount())).toList())));
    }

    private static BigDecimal wan(BigDecimal yuan) {
        return yuan.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP);
    }

    static String states(Map<String, Long> byState) {
        return Charts.spec("pie", "事项状态", "件", new ArrayList<>(byState.keySet()), new ArrayList<>(byState.values()), null);
    }
}
