package huiqi.web.fulfilment;

import huiqi.fulfilment.ContributionFactor;
import huiqi.fulfilment.ContributionScore;
import huiqi.fulfilment.ContributionWeights;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 社会贡献值 per enterprise from the facts of one year, and the 匹配预警 report: enterprises whose benefits are
 * out of proportion to their contribution, and benefits matched but not yet paid (应享未享).
 * Weights, year, gap and overdue days are settings (huiqi.contribution.*), see docs/fulfilment.md.
 */
@Component
public class ContributionReport {
    private final JdbcClient jdbc;
    private final ContributionWeights weights;
    private final String year;
    private final BigDecimal gap;
    private final int overdueDays;

    ContributionReport(JdbcClient jdbc,
                       @Value("${huiqi.contribution.weights.tax:0.4}") BigDecimal tax,
                       @Value("${huiqi.contribution.weights.employment:0.3}") BigDecimal employment,
                       @Value("${huiqi.contribution.weights.output:0.2}") BigDecimal output,
                       @Value("${huiqi.contribution.weights.investment:0.1}") BigDecimal investment,
                       @Value("${huiqi.contribution.year:}") String year,
                       @Value("${huiqi.contribution.gap:50}") BigDecimal gap,
                       @Value("${huiqi.contribution.overdue-days:30}") int overdueDays) {
        this.jdbc = jdbc;
        this.weights = new ContributionWeights(tax, employment, output, investment);
        this.year = year;
        this.gap = gap;
        this.overdueDays = overdueDays;
    }

    public ContributionWeights weights() {
        return weights;
    }

    public BigDecimal gap() {
        return gap;
    }

    public int overdueDays() {
        return overdueDays;
    }

    /** The year scored: configured, or the latest year any contribution fact is reported for. */
    public String year() {
        if (year != null && !year.isBlank()) {
            return year;
        }
        return jdbc.sql("select max(substr(period, 1, 4)) from enterprise_fact where indicator in (?, ?, ?, ?)")
                .params(ContributionFactor.TAX.indicator(), ContributionFactor.EMPLOYMENT.indicator(),
                        ContributionFactor.OUTPUT.indicator(), ContributionFactor.INVESTMENT.indicator())
                .query(String.class).optional().orElse(String.valueOf(Year.now().getValue()));
    }

    /**
     * One year's value of each factor: the annual figure if reported, else the sum of the quarters, else of
     * the months; headcount (a stock, not a flow) is the average of what is reported.
     */
    Map<String, Map<ContributionFactor, BigDecimal>> facts(String y) {
        Map<String, Map<ContributionFactor, BigDecimal>> out = new HashMap<>();
        jdbc.sql("select uscc from enterprise").query(String.class).list()
                .forEach(u -> out.put(u, new EnumMap<>(ContributionFactor.class)));
        for (ContributionFactor f : ContributionFactor.values()) {
            String agg = f == ContributionFactor.EMPLOYMENT ? "avg(value)" : "sum(value)";
            jdbc.sql("""
                    with rows as (
                      select uscc, value, case when period = :y then 0 when period like :q then 1 else 2 end as grain
                      from enterprise_fact where indicator = :ind and (period = :y or period like :q or period ~ :m)),
                    best as (select uscc, min(grain) as grain from rows group by uscc)
                    select r.uscc, %s as v from rows r join best b on b.uscc = r.uscc and b.grain = r.grain group by r.uscc
                    """.formatted(agg))
                    .param("y", y).param("q", y + "-Q%").param("m", "^" + y + "-[0-9]{2}$").param("ind", f.indicator())
                    .query().listOfRows()
                    .forEach(r -> out.computeIfAbsent((String) r.get("uscc"), k -> new EnumMap<>(ContributionFactor.class))
                            .put(f, ((BigDecimal) r.get("v")).setScale(2, RoundingMode.HALF_UP)));
        }
        return out;
    }

    public record Row(String uscc, String name, BigDecimal score, Map<ContributionFactor, BigDecimal> values,
                      List<ContributionFactor> missing, BigDecimal benefits, BigDecimal benefitPercentile,
                      String warning) {
    }

    /** Every enterprise with its score and benefits; flagged rows first. */
    public List<Row> rows() {
        String y = year();
        Map<String, Map<ContributionFactor, BigDecimal>> facts = facts(y);
        Map<String, ContributionScore.Score> scores = ContributionScore.score(facts, weights);
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select uscc, name from enterprise").query().listOfRows()
                .forEach(r -> names.put((String) r.get("uscc"), (String) r.get("name")));
        Map<String, BigDecimal> benefits = new HashMap<>();
        jdbc.sql("select uscc, sum(amount) as s from ledger_entry group by uscc having sum(amount) > 0").query().listOfRows()
                .forEach(r -> benefits.put((String) r.get("uscc"), (BigDecimal) r.get("s")));
        Map<String, BigDecimal> benefitPct = ContributionScore.percentiles(benefits);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Map<ContributionFactor, BigDecimal>> e : facts.entrySet()) {
            String u = e.getKey();
            ContributionScore.Score s = scores.get(u);
            BigDecimal b = benefits.getOrDefault(u, BigDecimal.ZERO);
            BigDecimal bp = benefitPct.get(u);
            String warning = null;
            if (b.signum() > 0 && !s.determinable()) {
                warning = "已兑现 " + Money.yuan(b) + "，但无 " + y + " 年贡献数据";
            } else if (bp != null && bp.subtract(s.score()).compareTo(gap) >= 0) {
                warning = "兑现金额位次 " + bp + " 高出社会贡献值 " + s.score() + " 达 " + bp.subtract(s.score()) + " 分";
            }
            rows.add(new Row(u, names.getOrDefault(u, u), s.score(), e.getValue(), s.missing(), b, bp, warning));
        }
        rows.sort(Comparator.comparing((Row r) -> r.warning() == null)
                .thenComparing(Row::benefits, Comparator.reverseOrder()).thenComparing(Row::uscc));
        return rows;
    }

    public record Unpaid(long caseId, String uscc, String enterpriseName, String ruleId, String title, String unit,
                         BigDecimal amount, String state, OffsetDateTime matchedAt, long days, String reason) {
    }

    /** 应享未享: matched benefits not paid for longer than the overdue days, or held up by an objection. */
    public List<Unpaid> unpaid() {
        return jdbc.sql("""
                select id, uscc, enterprise_name, rule_id, title, unit, amount, state, matched_at,
                       extract(day from now() - matched_at)::bigint as days
                from fulfilment_case
                where amount > 0 and state in ('待推送', '已推送', '企业异议', '部门审核', '财政拨付')
                  and (matched_at < now() - make_interval(days => ?) or state = '企业异议')
                order by matched_at, id""").param(overdueDays)
                .query((rs, i) -> {
                    String state = rs.getString("state");
                    long days = rs.getLong("days");
                    String reason = "企业异议".equals(state) ? "企业提出异议，待处理" : "匹配后 " + days + " 天仍未兑现（当前：" + state + "）";
                    return new Unpaid(rs.getLong("id"), rs.getString("uscc"), rs.getString("enterprise_name"),
                            rs.getString("rule_id"), rs.getString("title"), rs.getString("unit"), rs.getBigDecimal("amount"),
                            state, rs.getObject("matched_at", OffsetDateTime.class), days, reason);
                }).list();
    }
}
