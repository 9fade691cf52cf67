package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.FactValue;
import huiqi.facts.Facts;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.eval.TestRunner;
import huiqi.rules.file.RuleFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `./huiqi check` example tests see 取高不重复 inside their file as `./huiqi eval` applies it: one semantics. */
class CheckTestsStackLikeEvalTest {
    @TempDir
    Path tmp;

    private static final String FILE = RuleFixture.header(2) + """
            stacking: 取高不重复
            rules:
              - { id: test-1/1, measure: 1, title: 用电奖励甲, quote: 用电奖励, kind: 奖补, delivery: 申请, class: 用电奖励,
                  payer: { level: 市级, department: 市财政局 }, amount: "electricity_kwh[2024-02] * 0.02元/千瓦时",
                  tests: [ { name: 高者全额, facts: { "electricity_kwh[2024-02]": 100000千瓦时 }, expect: 2000 } ] }
              - { id: test-1/2, measure: 2, title: 用电奖励乙, quote: 第二条, kind: 奖补, delivery: 申请, class: 用电奖励,
                  payer: { level: 市级, department: 市财政局 }, amount: "electricity_kwh[2024-02] * 0.01元/千瓦时",
                  tests: [ { name: 同类取高，低者不重复享受, facts: { "electricity_kwh[2024-02]": 100000千瓦时 },
                             expect: { status: eligible, amount: 0 } } ] }
            """;

    @Test
    void exampleTestsAssertTheOutcomeAfterStacking() throws Exception {
        RuleFile f = RuleFixture.load(tmp, FILE);
        Evaluator evaluator = new Evaluator(RuleFixture.CATALOG);
        List<TestRunner.Outcome> outcomes = TestRunner.run(f, evaluator);
        assertThat(outcomes).hasSize(2).allSatisfy(o -> assertThat(o.failures()).isEmpty());

        Facts facts = Facts.empty();
        facts.put(new FactValue("electricity_kwh", Period.parse("2024-02"), new BigDecimal("100000"), Provenance.of("测试")));
        EnterpriseRecord e = new EnterpriseRecord(new Enterprise("T", "测试企业", "350102", null, null, Map.of()), facts);
        Map<String, RuleResult> byFile = evaluator.evaluateFile(f, e, null, Overrides.NONE);
        List<RuleResult> byEval = evaluator.evaluate(List.of(f), e, null, Overrides.NONE).results();
        assertThat(byFile.get("test-1/2").amount()).isEqualByComparingTo("0");
        assertThat(byEval).allSatisfy(r -> assertThat(byFile.get(r.ruleId()).amount()).isEqualByComparingTo(r.amount()));
    }
}
