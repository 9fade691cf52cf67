package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleLoadException;
import huiqi.rules.file.RuleProblem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Load-time errors: every one fails the load with file:line:column and a clear Chinese message. */
class RuleFileLoaderTest {
    @TempDir
    Path tmp;

    private RuleProblem onlyProblem(String yaml) {
        try {
            RuleFixture.load(tmp, yaml);
        } catch (RuleLoadException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("应当加载失败");
    }

    @Test
    void loadsAWellFormedRule() throws Exception {
        RuleFile f = RuleFixture.load(tmp, RuleFixture.rule1("""
                    eligible:
                      - above_scale_industrial
                      - electricity_kwh[2024-02] >= 50万千瓦时
                    amount: electricity_kwh[2024-02] * 0.02元/千瓦时
                    cap: 30万元
                """));
        assertThat(f.rules()).hasSize(1);
        assertThat(f.rules().get(0).currency()).isEqualTo("CNY");
        assertThat(f.docId()).isEqualTo("test-1");
    }

    @Test
    void unitErrorComparingKwhWithYuanPointsIntoTheExpression() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("""
                    eligible:
                      - electricity_kwh[2024-02] >= 50万元
                """));
        assertThat(p.pos().file()).endsWith("rules.yaml");
        assertThat(p.pos().line()).isEqualTo(14);
        assertThat(p.pos().column()).isEqualTo(9);
        assertThat(p.message()).contains("单位不一致").contains("千瓦时").contains("元").contains("不能比较");
    }

    @Test
    void addingKwhToYuanIsAUnitErrorAtTheOperatorExpression() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("""
                    amount: 100元 + electricity_kwh[2024-02]
                """));
        assertThat(p.pos().line()).isEqualTo(13);
        assertThat(p.pos().column()).isEqualTo(13);
        assertThat(p.message()).contains("单位不一致：元 与 千瓦时 不能相加");
    }

    @Test
    void kwhTimesRateIsYuanButKwhAloneIsNotMoney() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("""
                    amount: electricity_kwh[2024-02] * 0.02
                """));
        assertThat(p.message()).contains("amount 必须是金额").contains("千瓦时");
    }

    @Test
    void bareNumberDoesNotAdoptTheOtherUnit() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("""
                    eligible: [ "electricity_kwh[2024-02] >= 50万" ]
                """));
        assertThat(p.message()).contains("无单位的数字不会自动采用对方的单位");
    }

    @Test
    void typeErrorConditionMustBeBoolean() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("""
                    eligible:
                      - electricity_kwh[2024-02] * 2
                """));
        assertThat(p.pos().line()).isEqualTo(14);
        assertThat(p.message()).contains("条件必须是布尔值");
    }

    @Test
    void typeErrorAndOfANumber() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("""
                    eligible:
                      - above_scale_industrial and electricity_kwh[2024-02]
                """));
        assertThat(p.pos().column()).isEqualTo(36);
        assertThat(p.message()).contains("and 的右边必须是布尔值");
    }

    @Test
    void unknownIndicatorNamesItAndItsPosition() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("""
                    eligible:
                      - water_m3[2024-02] >= 5方
                """));
        assertThat(p.pos().line()).isEqualTo(14);
        assertThat(p.pos().column()).isEqualTo(9);
        assertThat(p.message()).contains("未知指标 'water_m3'");
    }

    @Test
    void unknownNameWithoutIndex() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("""
                    eligible:
                      - above_scale and true
                """));
        assertThat(p.message()).contains("未知名字 'above_scale'");
    }

    @Test
    void positionsInsideABlockScalarCountLinesAndIndentation() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("""
                    eligible:
                      - expr: |
                          if above_scale_industrial
                          then electricity_kwh[2024-02] >= 50万元
                          else false
                        label: 多行条件
                """));
        assertThat(p.pos().line()).isEqualTo(16);
        assertThat(p.pos().column()).isEqualTo(16);
        assertThat(p.message()).contains("单位不一致");
    }

    @Test
    void positionsInsideADoubleQuotedScalar() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("""
                    amount: "electricity_kwh[2024-02] * 0.02元/千瓦时 + nope"
                """));
        assertThat(p.pos().line()).isEqualTo(13);
        assertThat(p.pos().column()).isEqualTo(53);
        assertThat(p.message()).contains("未知名字 'nope'");
    }

    @Test
    void badPeriodMonth13() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("""
                    eligible:
                      - electricity_kwh[2024-13] >= 1千瓦时
                """));
        assertThat(p.pos().column()).isEqualTo(25);
        assertThat(p.message()).contains("期间或日期格式错误 '2024-13'");
    }

    @Test
    void periodNotMadeOfWholeMonthsIsRejected() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("""
                    eligible:
                      - electricity_kwh[2024-02-10..2024-02-17] >= 1千瓦时
                """));
        assertThat(p.message()).contains("按月统计").contains("不是整月");
    }

    @Test
    void dayOnQuarterlyIndicatorIsRejected() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("""
                    eligible:
                      - output[2024-02] >= 1万元
                """));
        assertThat(p.message()).contains("按季统计").contains("不是整季");
    }

    @Test
    void indicatorWithoutPeriod() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("""
                    eligible:
                      - electricity_kwh >= 1千瓦时
                """));
        assertThat(p.message()).contains("必须注明期间");
    }

    @Test
    void wrongQuoteSaysWhereItStopsMatching() {
        String yaml = RuleFixture.rule1("    amount: 1元\n").replace("按实际用电量给予0.02元/千瓦时的用电奖励", "按实际用电量给予0.03元/千瓦时的用电奖励");
        RuleProblem p = onlyProblem(yaml);
        assertThat(p.pos().line()).isEqualTo(9);
        assertThat(p.pos().column()).isEqualTo(23); // the '3' of 0.03, not just the start of the quote
        assertThat(p.message()).contains("引文与原文不符").contains("引文为 '3元").contains("原文为 '2元");
    }

    @Test
    void missingQuoteFailsAtTheRule() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("    amount: 1元\n").replace("    quote: 按实际用电量给予0.02元/千瓦时的用电奖励\n", ""));
        assertThat(p.pos().line()).isEqualTo(6);
        assertThat(p.message()).isEqualTo("缺少 quote（原文引文）");
    }

    @Test
    void quoteIgnoresLineBreaksAndFullWidthPunctuation() throws Exception {
        String yaml = RuleFixture.rule1("    amount: 1元\n").replace("quote: 按实际用电量给予0.02元/千瓦时的用电奖励",
                "quote: |\n      用电量达50万千瓦时（含）以上的规上工业企业,\n      按实际用电量");
        assertThat(RuleFixture.load(tmp, yaml).rules()).hasSize(1);
    }

    @Test
    void syntaxErrorPointsAtTheToken() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("""
                    amount: "min(electricity_kwh[2024-02] * 0.02元/千瓦时, 30万元"
                """));
        assertThat(p.pos().line()).isEqualTo(13);
        assertThat(p.message()).contains("此处应为 ) 或 ,");
    }

    @Test
    void chineseWordsInExpressionsAreExplained() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("""
                    eligible:
                      - 规上工业企业
                """));
        assertThat(p.message()).contains("表达式中不能直接写中文");
    }

    @Test
    void unknownUnit() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("""
                    amount: 5斤
                """));
        assertThat(p.message()).contains("未知单位 '斤'");
    }

    @Test
    void missingMeasuresAreListed() {
        String yaml = RuleFixture.rule1("    amount: 1元\n").replace("measures: 1", "measures: 3");
        RuleProblem p = onlyProblem(yaml);
        assertThat(p.message()).contains("既没有规则也不在 unencoded 中").contains("[2, 3]");
    }

    @Test
    void unknownKeyIsATypo() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("    amont: 1元\n"));
        assertThat(p.pos().line()).isEqualTo(13);
        assertThat(p.message()).contains("未知的键 'amont'");
    }

    @Test
    void unknownFactInATest() {
        RuleProblem p = onlyProblem(RuleFixture.rule1("""
                    amount: 1元
                    tests:
                      - facts: { "water[2024-02]": 1 }
                        expect: 1
                """));
        assertThat(p.pos().line()).isEqualTo(15);
        assertThat(p.message()).contains("未知指标 'water'");
    }

    @Test
    void cyclesBetweenRulesAreRejected() {
        String yaml = RuleFixture.header(1) + """
                rules:
                  - { id: test-1/1-1, measure: 1, title: a, quote: 用电奖励, kind: 奖补, delivery: 申请,
                      payer: { level: 市级, department: 市财政局 }, amount: "granted(\\"test-1/1-2\\") + 1元" }
                  - { id: test-1/1-2, measure: 1, title: b, quote: 用电奖励, kind: 奖补, delivery: 申请,
                      payer: { level: 市级, department: 市财政局 }, amount: "granted(\\"test-1/1-1\\") + 1元" }
                """;
        assertThatThrownBy(() -> RuleFixture.load(tmp, yaml)).isInstanceOf(RuleLoadException.class)
                .hasMessageContaining("循环");
    }

    @Test
    void yamlSyntaxErrorHasAPosition() {
        RuleProblem p = onlyProblem(RuleFixture.header(1) + "rules: [\n  - id: x\n");
        assertThat(p.message()).startsWith("YAML 语法错误");
        assertThat(p.pos().line()).isGreaterThan(1);
    }

    @Test
    void severalProblemsAreAllReported() {
        assertThatThrownBy(() -> RuleFixture.load(tmp, RuleFixture.rule1("""
                    eligible:
                      - nope
                    amount: 1千瓦时
                """))).isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.problems()).hasSize(2));
    }
}
