package huiqi.web.batch;

import huiqi.policy.RegionTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A finished run's eligible results broken down by 区划 (county), 行业门类 (GB/T 4754 section) and 规模: enterprises
 * that qualify for at least one rule, qualifying enterprise × rule pairs, and the CNY amount.
 */
@Component
class BatchBreakdown {
    private static final RegionTable REGIONS = RegionTable.fujian();

    private final JdbcClient jdbc;

    BatchBreakdown(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Line(String key, long enterprises, long hits, BigDecimal amount) {
    }

    record Breakdown(List<Line> regions, List<Line> industries, List<Line> sizes) {
    }

    Breakdown of(long runId) {
        List<Map<String, Object>> rows = jdbc.sql("""
                select r.uscc, r.region_code, e.industry_code, e.size,
                       count(*) as hits, coalesce(sum(r.amount) filter (where r.currency = 'CNY'), 0) as amount
                from batch_result r left join enterprise e on e.uscc = r.uscc
                where r.run_id = ? and r.status = 'eligible'
                group by r.uscc, r.region_code, e.industry_code, e.size""").param(runId).query().listOfRows();
        Map<String, long[]> regionCounts = new TreeMap<>();
        Map<String, long[]> industryCounts = new TreeMap<>();
        Map<String, long[]> sizeCounts = new TreeMap<>();
        Map<String, BigDecimal> regionAmounts = new TreeMap<>();
        Map<String, BigDecimal> industryAmounts = new TreeMap<>();
        Map<String, BigDecimal> sizeAmounts = new TreeMap<>();
        for (Map<String, Object> r : rows) {
            long hits = ((Number) r.get("hits")).longValue();
            BigDecimal amount = (BigDecimal) r.get("amount");
            add(regionCounts, regionAmounts, region((String) r.get("region_code")), hits, amount);
            add(industryCounts, industryAmounts, IndustrySections.of((String) r.get("industry_code")), hits, amount);
            Object size = r.get("size");
            add(sizeCounts, sizeAmounts, size == null || size.toString().isBlank() ? "未知" : size.toString(), hits, amount);
        }
        return new Breakdown(lines(regionCounts, regionAmounts), lines(industryCounts, industryAmounts),
                lines(sizeCounts, sizeAmounts));
    }

    private static String region(String code) {
        if (code == null || code.isBlank()) {
            return "未知";
        }
        return REGIONS.byCode(code).map(e -> e.name() + "（" + code + "）").orElse(code);
    }

    private static void add(Map<String, long[]> counts, Map<String, BigDecimal> amounts, String key, long hits,
                            BigDecimal amount) {
        long[] c = counts.computeIfAbsent(key, k -> new long[2]);
        c[0]++;
        c[1] += hits;
        amounts.merge(key, amount, BigDecimal::add);
    }

    private static List<Line> lines(Map<String, long[]> counts, Map<String, BigDecimal> amounts) {
        List<Line> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new Line(k, c[0], c[1], amounts.get(k))));
        return out;
    }

    /** One chart per breakdown: the amount by key. */
    static Map<String, Object> chartData(List<Line> lines) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("labels", lines.stream().map(Line::key).toList());
        m.put("values", lines.stream().map(Line::amount).toList());
        return m;
    }
}
