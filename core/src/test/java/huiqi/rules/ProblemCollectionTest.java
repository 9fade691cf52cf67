package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleLoadException;
import huiqi.rules.file.RuleProblem;
import huiqi.rules.file.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader reports every independent problem of a file, each once with file:line:column, and nothing that only
 * follows from an earlier problem (no "未知规则" for a rule whose quote is wrong, no "未知名字" for a broken parameter).
 */
class ProblemCollectionTest {
    @TempDir
    Path tmp;

    private List<RuleProblem> problems(String yaml) {
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class, () -> RuleFixture.load(tmp, yaml));
        assertThat(e).as("应当加载失败").isNotNull();
        return e.problems();
    }

    private static String where(RuleProblem p) {
        return p.pos().line() + ":" + p.pos().column();
    }

    private static final String TWO_RULES = """
            document: 测试〔2024〕1号
            source: source.txt
            measures: 2
            region: "3501"
            valid: 2024-13
            rules:
              - id: test-1/1
                measure: 1
                title: 用电奖励
                quote: 按实际用电量给予0.03元/千瓦时的用电奖励
                kind: 奖补
                delivery: 免申即享
                payer: { level: 市级, department: 市财政局 }
                amount: 1元
              - id: test-1/2
                measure: 2
                title: 第二条
                quote: 按增量每千瓦时奖励0.2元
                kind: 奖补
                delivery: 申请
                payer: { level: 市级, department: 市财政局 }
                amount: 5斤
            tests:
              - facts: { above_scale_industrial: true }
                expect: { test-1/1: 1, test-1/2: 0 }
            """;

    @Test
    void threeIndependentErrorsAreAllReportedWithPositions() {
        List<RuleProblem> ps = problems(TWO_RULES);
        assertThat(ps).extracting(ProblemCollectionTest::where).containsExactly("5:8", "10:23", "22:13");
        assertThat(ps.get(0).message()).contains("valid 期间格式错误");
        assertThat(ps.get(1).message()).contains("引文与原文不符");
        assertThat(ps.get(2).message()).contains("未知单位 '斤'");
        assertThat(ps).allSatisfy(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.pos().file()).endsWith("rules.yaml");
        });
    }

    @Test
    void theExceptionMessageListsEveryProblemOnItsOwnLine() {
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class, () -> RuleFixture.load(tmp, TWO_RULES));
        assertThat(e.getMessage().lines()).hasSize(3).allSatisfy(l -> assertThat(l).containsPattern("rules\\.yaml:\\d+:\\d+: "));
    }

    @Test
    void aQuoteErrorDoesNotCascadeIntoWhatRefersToTheRule() {
        List<RuleProblem> ps = problems(RuleFixture.header(2) + """
                rules:
                  - id: test-1/1
                    measure: 1
                    title: 用电奖励
                    quote: 按实际用电量给予0.03元/千瓦时的用电奖励
                    kind: 奖补
                    delivery: 免申即享
                    payer: { level: 市级, department: 市财政局 }
                    amount: 1元
                  - id: test-1/2
                    measure: 2
                    title: 第二条
                    quote: 按增量每千瓦时奖励0.2元
                    kind: 奖补
                    delivery: 申请
                    payer: { level: 市级, department: 市财政局 }
                    amount: 'if granted("test-1/1") > 0元 then 2元 else 1元'
                    deducts: [ test-1/1 ]
                    tests:
                      - facts: {}
                        expect: 1
                caps:
                  - { id: both, rules: [ test-1/1, test-1/2 ], cap: 3元 }
                tests:
                  - facts: { above_scale_industrial: true }
                    expect: { test-1/1: 1 }
                """);
        assertThat(ps).singleElement().satisfies(p -> {
            assertThat(where(p)).isEqualTo("9:23");
            assertThat(p.message()).contains("引文与原文不符");
        });
    }

    @Test
    void aBrokenParameterOrLetIsReportedOnceNotAtEveryUse() {
        List<RuleProblem> ps = problems(RuleFixture.header(1) + """
                parameters:
                  rate: abc
                rules:
                  - id: test-1/1
                    measure: 1
                    title: 用电奖励
                    quote: 按实际用电量给予0.02元/千瓦时的用电奖励
                    kind: 奖补
                    delivery: 免申即享
                    payer: { level: 市级, department: 市财政局 }
                    let:
                      kwh: "electricity_kwh[2024-02] + 1元"
                      paid: kwh * rate
                    eligible: [ "kwh >= 1千瓦时", "rate > 0" ]
                    amount: paid + kwh * rate
                """);
        assertThat(ps).extracting(RuleProblem::message).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("应为一个数值"))
                .anySatisfy(m -> assertThat(m).contains("单位不一致"))
                .noneSatisfy(m -> assertThat(m).contains("未知名字"));
    }

    @Test
    void everyUnknownTopLevelKeyIsReportedAndNothingThatFollowsFromIt() {
        List<RuleProblem> ps = problems(RuleFixture.header(1) + """
                rulez: []
                test: []
                """);
        assertThat(ps).singleElement().satisfies(p -> {
            assertThat(where(p)).isEqualTo("5:1");
            assertThat(p.message()).startsWith("规则文件 中未知的键 'rulez'、'test'（可用：");
        });
    }

    @Test
    void unknownKeysInDifferentPlacesAreSeparateProblems() {
        List<RuleProblem> ps = problems(RuleFixture.rule1("""
                    amount: 1元
                    tests:
                      - facts: {}
                        expect: 1
                tests:
                  - facts: {}
                    expct: { test-1/1: 1 }
                """).replace("payer: { level: 市级, department: 市财政局 }", "payer: { level: 市级, dept: 市财政局 }"));
        assertThat(ps).extracting(RuleProblem::message).hasSize(2)
                .anySatisfy(m -> assertThat(m).startsWith("payer 中未知的键 'dept'"))
                .anySatisfy(m -> assertThat(m).startsWith("测试 中未知的键 'expct'"));
    }

    @Test
    void theSameMistakeReachedTwiceIsReportedOnce() {
        List<RuleProblem> ps = problems(RuleFixture.rule1("""
                    amount: 1元
                    tests:
                      - facts: &bad { "water[2024-02]": 1 }
                        expect: 1
                      - facts: { <<: *bad }
                        expect: 1
                """));
        assertThat(ps).singleElement().satisfies(p -> assertThat(p.message()).contains("未知指标 'water'"));
    }

    @Test
    void independentMistakesInOneTestAreEachReported() {
        List<RuleProblem> ps = problems(RuleFixture.rule1("""
                    amount: 1元
                    tests:
                      - facts: { "water[2024-02]": 1, big_company: true, region: 福州 }
                        expect: 1
                """));
        assertThat(ps).extracting(RuleProblem::message).hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("未知指标 'water'"))
                .anySatisfy(m -> assertThat(m).contains("未知属性 'big_company'"))
                .anySatisfy(m -> assertThat(m).isEqualTo("region 应为行政区划代码（数字），实为 '福州'"));
    }

    @Test
    void anUnusedParameterIsAWarningAndTheFileStillLoads() throws Exception {
        RuleFile f = RuleFixture.load(tmp, RuleFixture.rule1("""
                    parameters:
                      rate: 0.02元/千瓦时
                      spare: 5元
                    amount: electricity_kwh[2024-02] * rate
                """));
        assertThat(f.warnings()).singleElement().satisfies(w -> {
            assertThat(w.severity()).isEqualTo(Severity.WARNING);
            assertThat(w.pos().line()).isEqualTo(15);
            assertThat(w.toString()).contains("警告：参数 spare 没有被任何表达式使用");
        });
    }

    @Test
    void testFactsAcceptMonthRangesAsEnterpriseJsonDoes() throws Exception {
        RuleFile f = RuleFixture.load(tmp, RuleFixture.rule1("""
                    amount: electricity_kwh[2024-01..2024-02] * 0.02元/千瓦时
                    tests:
                      - facts: { "electricity_kwh[2024-01..2024-02]": 100千瓦时 }
                        expect: 2
                """));
        assertThat(f.rules().get(0).tests().get(0).enterprise().facts().all("electricity_kwh"))
                .singleElement().satisfies(v -> assertThat(v.period().toString()).isEqualTo("2024-01-01..2024-02-29"));
    }

    @Test
    void anUnreadableUnencodedListDoesNotAlsoReportEveryMeasureAsMissing() {
        List<RuleProblem> ps = problems(RuleFixture.rule1("    amount: 1元\n").replace("measures: 1", "measures: 3") + """
                unencoded: { measure: 2 }
                """);
        assertThat(ps).singleElement().satisfies(p -> assertThat(p.message()).contains("unencoded 应为列表"));
    }
}
