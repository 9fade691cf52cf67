package huiqi.web.rulesets;

import static huiqi.web.rulesets.RuleSetFixtures.FZ;
import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.rules.file.RuleFile;
import huiqi.web.rules.RuleBook;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The impact of a version over every enterprise, by the batch engine, against what the data says directly. */
@PlatformTest
class RuleSetImpactTest {
    @Autowired
    RuleSetImpact impacts;
    @Autowired
    RuleBook book;
    @Autowired
    JdbcClient jdbc;

    private RuleFile parse(String yaml) {
        return book.parse(FZ, yaml).files().get(0);
    }

    @Test
    void aLowerThresholdGainsExactlyTheEnterprisesBetweenTheTwoThresholds() throws Exception {
        String lower = RuleSetFixtures.replaceOnce(RuleSetFixtures.shipped(FZ),
                "threshold: { values: { 2024-01-10: 50万千瓦时 }", "threshold: { values: { 2024-01-10: 40万千瓦时 }");
        RuleSetImpact.Impact impact = impacts.compute(parse(RuleSetFixtures.shipped(FZ)), parse(lower));

        long between = jdbc.sql("""
                select count(distinct e.uscc) from enterprise e join enterprise_fact f on f.uscc = e.uscc
                where f.indicator = 'electricity_kwh' and f.period = '2024-02' and f.value >= 400000 and f.value < 500000
                  and (e.attributes ->> 'above_scale_industrial') = 'true' and e.region_code like '3501%'""")
                .query(Long.class).single();
        assertThat(impact.lost()).isZero();
        RuleSetImpact.RuleCount m7 = impact.rules().stream().filter(r -> r.ruleId().equals("fz-2024-2/7")).findFirst()
                .orElseThrow();
        assertThat(between).isPositive();
        assertThat(m7.eligibleAfter() - m7.eligibleBefore()).isEqualTo(between);
        // gained: newly eligible under the policy at all (some of them already had measure 6)
        assertThat(impact.gained()).isPositive().isLessThanOrEqualTo(between);
        BigDecimal gainedMoney = impact.byPayer().stream().filter(m -> m.key().equals("市级·市财政局")).findFirst()
                .orElseThrow().delta();
        assertThat(gainedMoney).isEqualByComparingTo(m7.totalAfter().subtract(m7.totalBefore()));
        assertThat(impact.byRegion().stream().map(RuleSetImpact.Money::delta).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("by 区划 adds up to the same change").isEqualByComparingTo(gainedMoney);
    }

    @Test
    void aHigherRateGainsNobodyAndPaysHalfAsMuchAgainUnderTheCap() throws Exception {
        RuleSetImpact.Impact impact = impacts.compute(parse(RuleSetFixtures.shipped(FZ)), parse(RuleSetFixtures.threeFen()));
        assertThat(impact.gained()).isZero();
        assertThat(impact.lost()).isZero();
        RuleSetImpact.RuleCount m7 = impact.rules().stream().filter(r -> r.ruleId().equals("fz-2024-2/7")).findFirst()
                .orElseThrow();
        assertThat(m7.eligibleAfter()).isEqualTo(m7.eligibleBefore());
        assertThat(m7.totalAfter()).isGreaterThan(m7.totalBefore())
                .isLessThanOrEqualTo(m7.totalBefore().multiply(new BigDecimal("1.5")));
    }
}
