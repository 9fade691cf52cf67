package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.rules.file.RuleFile;
import huiqi.rules.plan.RulePlan;
import huiqi.rules.plan.RulePlan.Step;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePlanTest {
    @TempDir
    Path tmp;

    /** Three rules sharing one cap in this order; the middle one is only in force in January and February 2024. */
    private static final String SHARED = RuleFixture.header(1) + """
            rules:
              - { id: test-1/a, measure: 1, title: 甲, quote: 用电奖励, kind: 奖补, delivery: 免申即享,
                  payer: { level: 区级, department: 区财政局 }, amount: "electricity_kwh[2024-01] * 0.01元/千瓦时" }
              - { id: test-1/b, measure: 1, title: 乙, quote: 用电奖励, kind: 奖补, delivery: 免申即享, valid: 2024-01-01..2024-02-29,
                  payer: { level: 区级, department: 区财政局 }, amount: "electricity_kwh[2024-02] * 0.01元/千瓦时" }
              - { id: test-1/c, measure: 1, title: 丙, quote: 用电奖励, kind: 奖补, delivery: 免申即享,
                  payer: { level: 区级, department: 区财政局 }, amount: "electricity_kwh[2024-03] * 0.01元/千瓦时" }
            caps:
              - { id: test-1/cap, rules: [ test-1/a, test-1/b, test-1/c ], cap: 50万元, quote: 每家企业最高不超过50万 }
            """;

    @Test
    void sharedCapOrdersTheRulesInForceAndListsWhatCameBefore() throws Exception {
        RuleFile f = RuleFixture.load(tmp, SHARED);
        RulePlan all = RulePlan.of(List.of(f), null);
        assertThat(all.steps()).extracting(s -> s.rule().id()).containsExactly("test-1/a", "test-1/b", "test-1/c");
        assertThat(all.steps()).extracting(Step::layer).containsExactly(0, 1, 2);
        assertThat(all.step("test-1/c").orElseThrow().sharedCaps().get(0).before()).containsExactly("test-1/a", "test-1/b");
        assertThat(all.steps().get(0).paramDate()).isNull();
        assertThat(all.steps().get(1).paramDate()).isEqualTo(LocalDate.of(2024, 1, 1));

        // in March b is out of force: c still comes after a, whose share of the cap it reads
        LocalDate march = LocalDate.of(2024, 3, 15);
        RulePlan inMarch = RulePlan.of(List.of(f), march);
        assertThat(inMarch.steps()).extracting(s -> s.rule().id()).containsExactly("test-1/a", "test-1/c");
        assertThat(inMarch.step("test-1/b")).isEmpty();
        Step c = inMarch.step("test-1/c").orElseThrow();
        assertThat(c.index()).isEqualTo(1);
        assertThat(c.sharedCaps().get(0).before()).containsExactly("test-1/a");
        assertThat(inMarch.layers()).hasSize(2);
        assertThat(c.layer()).isEqualTo(1);
        assertThat(c.paramDate()).isEqualTo(march);
    }

    @Test
    void takeHighestRivalsAreSameClassComputableRulesOfAllFiles() throws Exception {
        String stacking = RuleFixture.header(1).replace("region: \"3501\"\n", "region: \"3501\"\nstacking: 取高不重复\n");
        RuleFile a = RuleFixture.load(tmp, stacking + """
                rules:
                  - { id: test-1/1, measure: 1, title: 区级用电奖励, quote: 用电奖励, kind: 奖补, delivery: 申请, class: 用电奖励,
                      payer: { level: 区级, department: 区财政局 }, amount: "electricity_kwh[2024-02] * 0.01元/千瓦时" }
                  - { id: test-1/2, measure: 1, title: 其他奖励, quote: 用电奖励, kind: 奖补, delivery: 申请, class: 其他,
                      payer: { level: 区级, department: 区财政局 }, amount: "electricity_kwh[2024-02] * 0.01元/千瓦时" }
                """);
        RuleFile b = new huiqi.rules.file.RuleFileLoader(RuleFixture.CATALOG).load(RuleFixture.write(tmp, "test-2", stacking + """
                rules:
                  - { id: test-2/1, measure: 1, title: 市级用电奖励, quote: 用电奖励, kind: 奖补, delivery: 申请, class: 用电奖励,
                      payer: { level: 市级, department: 市财政局 }, amount: "electricity_kwh[2024-02] * 0.02元/千瓦时" }
                """));
        RulePlan plan = RulePlan.of(List.of(a, b), null);
        // the earlier rule wins a tie, so test-2/1 yields to test-1/1 on an equal amount but not the other way round
        assertThat(plan.step("test-1/1").orElseThrow().rivals()).containsExactly(new RulePlan.Rival(2, false));
        assertThat(plan.step("test-2/1").orElseThrow().rivals()).containsExactly(new RulePlan.Rival(0, true));
        assertThat(plan.step("test-1/2").orElseThrow().rivals()).isEmpty();
    }
}
