package huiqi.web.fulfilment;

import huiqi.fulfilment.CaseState;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Numbers of the fulfilment dashboard: the funnel per measure (rule) and per unit, amounts, time to money. */
@Component
public class FulfilmentStats {
    private final JdbcClient jdbc;

    FulfilmentStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** matched / pushed / confirmed / approved / paid, counts and amounts, and days from match to payment. */
    public record Funnel(String key, String label, long matched, long pushed, long confirmed, long approved, long paid,
                         BigDecimal matchedAmount, BigDecimal paidAmount, BigDecimal avgDays, BigDecimal p90Days) {
    }

    private static final String FUNNEL = """
            select %s as key, %s as label,
              count(*) as matched,
              count(*) filter (where pushed_at is not null) as pushed,
              count(*) filter (where confirmed_at is not null) as confirmed,
              count(*) filter (where approved_at is not null) as approved,
              count(*) filter (where state = '已兑现') as paid,
              coalesce(sum(amount), 0) as matched_amount,
              coalesce(sum(amount) filter (where state = '已兑现'), 0) as paid_amount,
              round((avg(extract(epoch from paid_at - matched_at)) filter (where state = '已兑现') / 86400)::numeric, 2) as avg_days,
              round((percentile_cont(0.9) within group (order by extract(epoch from paid_at - matched_at))
                    filter (where state = '已兑现') / 86400)::numeric, 2) as p90_days
            from fulfilment_case left join org_unit o on o.id = fulfilment_case.unit_id where state <> '已撤销'
            group by 1, 2 order by 1""";

    public List<Funnel> byRule() {
        return funnel("rule_id", "max(title)").stream().toList();
    }

    /**
     * Per reviewing unit: by 组织目录 unit (its canonical name) when the case is bound, so two districts' "区人社局"
     * stay apart; by the name as written while it is not.
     */
    public List<Funnel> byUnit() {
        return funnel("coalesce(fulfilment_case.unit_id, fulfilment_case.unit)", "coalesce(o.name, fulfilment_case.unit)");
    }

    /** Per government of the reviewing unit ("350102|鼓楼区" → 鼓楼区); cases not bound to the directory together. */
    public List<Funnel> byGovernment() {
        return funnel("coalesce(o.region_code || '|' || o.region_name, '')", "coalesce(o.region_name, '（未对应组织目录）')");
    }

    public Funnel total() {
        return funnel("'合计'", "'合计'").stream().findFirst()
                .orElse(new Funnel("合计", "合计", 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, null, null));
    }

    private List<Funnel> funnel(String key, String label) {
        String sql = label.startsWith("max(") ? FUNNEL.formatted(key, label).replace("group by 1, 2", "group by 1")
                : FUNNEL.formatted(key, label);
        return jdbc.sql(sql).query((rs, i) -> new Funnel(rs.getString("key"), rs.getString("label"), rs.getLong("matched"),
                rs.getLong("pushed"), rs.getLong("confirmed"), rs.getLong("approved"), rs.getLong("paid"),
                rs.getBigDecimal("matched_amount"), rs.getBigDecimal("paid_amount"), rs.getBigDecimal("avg_days"),
                rs.getBigDecimal("p90_days"))).list();
    }

    public Map<String, Long> byState() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (CaseState s : CaseState.values()) {
            m.put(s.label(), 0L);
        }
        jdbc.sql("select state, count(*) as n from fulfilment_case group by state").query().listOfRows()
                .forEach(r -> m.put((String) r.get("state"), ((Number) r.get("n")).longValue()));
        return m;
    }
}
