package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.FactValue;
import huiqi.facts.Facts;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import huiqi.quantity.Units;
import huiqi.rules.eval.Evaluation;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Semantics of evaluation: three-valued logic, periods, caps, stacking, payers, rounding. */
class EvaluatorTest {
    @TempDir
    Path tmp;

    private final Evaluator evaluator = new Evaluator(RuleFixture.CATALOG);

    private static EnterpriseRecord enterprise(Map<String, Object> attrs, String... facts) {
        Facts f = Facts.empty();
        for (String s : facts) { // "indicator period value"
            String[] p = s.split(" ");
            f.put(new FactValue(p[0], Period.parse(p[1]), new BigDecimal(p[2]), Provenance.of("测试")));
        }
        return new EnterpriseRecord(new Enterprise("X", "企业", "350102", "C3311", "中型", attrs), f);
    }

    private Map<String, RuleResult> eval(String rulesBody, EnterpriseRecord e) throws Exception {
        RuleFile f = RuleFixture.load(tmp, RuleFixture.rule1(rulesBody));
        return evaluator.evaluateFile(f, e, null, Overrides.NONE);
    }

    private RuleResult one(String rulesBody, EnterpriseRecord e) throws Exception {
        return eval(rulesBody, e).get("test-1/1");
    }

    private static final String FZ7 = """
                eligible:
                  - { expr: above_scale_industrial, label: 规上工业企业 }
                  - { expr: "electricity_kwh[2024-02] >= 50万千瓦时", label: 用电量达50万千瓦时（含）以上 }
                amount: electricity_kwh[2024-02] * 0.02元/千瓦时
                cap: 30万元
            """;

    @Test
    void falseAndUnknownIsIneligibleWithoutMissing() throws Exception {
        RuleResult r = one(FZ7, enterprise(Map.of("above_scale_industrial", false)));
        assertThat(r.status()).isEqualTo(Status.INELIGIBLE);
        assertThat(r.amount()).isEqualByComparingTo("0");
        assertThat(r.missing()).isEmpty();
    }

    @Test
    void trueAndUnknownIsUndeterminableNamingTheFact() throws Exception {
        RuleResult r = one(FZ7, enterprise(Map.of("above_scale_industrial", true)));
        assertThat(r.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(r.amount()).isNull();
        assertThat(r.missing()).containsExactly("electricity_kwh[2024-02]");
        assertThat(r.explanation()).anyMatch(x -> x.startsWith("? 用电量达50万千瓦时") && x.contains("缺少 用电量（2024-02）"));
    }

    @Test
    void missingAttributeIsUnknownNotFalse() throws Exception {
        RuleResult r = one(FZ7, enterprise(Map.of(), "electricity_kwh 2024-02 600000"));
        assertThat(r.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(r.missing()).containsExactly("above_scale_industrial");
    }

    @Test
    void inlineOrShortCircuitsOnTrueAndAndOnFalse() throws Exception {
        RuleResult or = one("""
                    eligible: [ "above_scale_industrial or electricity_kwh[2024-02] >= 1千瓦时" ]
                """, enterprise(Map.of("above_scale_industrial", true)));
        assertThat(or.status()).isEqualTo(Status.ELIGIBLE);
        RuleResult and = one("""
                    eligible: [ "electricity_kwh[2024-02] >= 1千瓦时 and above_scale_industrial" ]
                """, enterprise(Map.of("above_scale_industrial", false)));
        assertThat(and.status()).isEqualTo(Status.INELIGIBLE);
        RuleResult unknownOr = one("""
                    eligible: [ "electricity_kwh[2024-02] >= 1千瓦时 or above_scale_industrial" ]
                """, enterprise(Map.of("above_scale_industrial", false)));
        assertThat(unknownOr.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(unknownOr.missing()).containsExactly("electricity_kwh[2024-02]");
    }

    @Test
    void boundaryIsInclusiveAndNearMissSaysTheGap() throws Exception {
        RuleResult at = one(FZ7, enterprise(Map.of("above_scale_industrial", true), "electricity_kwh 2024-02 500000"));
        assertThat(at.status()).isEqualTo(Status.ELIGIBLE);
        assertThat(at.amount()).isEqualByComparingTo("10000.00");
        RuleResult below = one(FZ7, enterprise(Map.of("above_scale_industrial", true), "electricity_kwh 2024-02 499900"));
        assertThat(below.status()).isEqualTo(Status.INELIGIBLE);
        assertThat(below.nearMiss()).isEqualTo("用电量（2024-02） 49.99万千瓦时，距 50万千瓦时 差 100千瓦时");
        assertThat(below.explanation()).anyMatch(x -> x.startsWith("✗ 用电量达50万千瓦时（含）以上") && x.contains("49.99万千瓦时"));
    }

    @Test
    void capAppliesAndIsExplained() throws Exception {
        RuleResult r = one(FZ7, enterprise(Map.of("above_scale_industrial", true), "electricity_kwh 2024-02 20000000"));
        assertThat(r.amount()).isEqualByComparingTo("300000.00");
        assertThat(r.explanation()).anyMatch(x -> x.contains("按上限 300,000.00元 封顶"));
    }

    @Test
    void roundsOnceAtTheEndHalfUp() throws Exception {
        // 500000.25 kWh × 0.02 = 10000.005 → 10000.01 (HALF_UP), not truncated
        RuleResult r = one(FZ7, enterprise(Map.of("above_scale_industrial", true), "electricity_kwh 2024-02 500000.25"));
        assertThat(r.amount()).isEqualByComparingTo("10000.01");
        assertThat(r.amount().scale()).isEqualTo(2);
    }

    @Test
    void quarterIsTheSumOfItsMonthsAndPartialDataNamesTheMissingMonths() throws Exception {
        String body = """
                    amount: electricity_kwh[2024-Q1] * 1元/千瓦时
                """;
        RuleResult all = one(body, enterprise(Map.of(), "electricity_kwh 2024-01 1", "electricity_kwh 2024-02 2",
                "electricity_kwh 2024-03 3"));
        assertThat(all.amount()).isEqualByComparingTo("6");
        RuleResult partial = one(body, enterprise(Map.of(), "electricity_kwh 2024-01 1"));
        assertThat(partial.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(partial.missing()).containsExactly("electricity_kwh[2024-02]", "electricity_kwh[2024-03]");
        RuleResult direct = one(body, enterprise(Map.of(), "electricity_kwh 2024-Q1 10"));
        assertThat(direct.amount()).isEqualByComparingTo("10");
    }

    @Test
    void yoyGrowthWithZeroBaseIsUndeterminableWithAReason() throws Exception {
        String body = """
                    eligible: [ "yoy_growth(electricity_kwh[2024-Q1]) >= 5%" ]
                """;
        RuleResult grown = one(body, enterprise(Map.of(), "electricity_kwh 2024-Q1 105", "electricity_kwh 2023-Q1 100"));
        assertThat(grown.status()).isEqualTo(Status.ELIGIBLE);
        RuleResult short_ = one(body, enterprise(Map.of(), "electricity_kwh 2024-Q1 104.99", "electricity_kwh 2023-Q1 100"));
        assertThat(short_.status()).isEqualTo(Status.INELIGIBLE);
        assertThat(short_.nearMiss()).contains("同比增长率").contains("4.99%").contains("距 5%");
        RuleResult zero = one(body, enterprise(Map.of(), "electricity_kwh 2024-Q1 105", "electricity_kwh 2023-Q1 0"));
        assertThat(zero.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(zero.explanation()).anyMatch(x -> x.contains("上年同期（2023-Q1）为零，同比增长率无定义"));
    }

    @Test
    void yoyIncreaseOverAMonthRange() throws Exception {
        RuleResult r = one("""
                    eligible: [ "yoy_increase(electricity_kwh[2024-01..2024-02]) >= 1.5万千瓦时" ]
                    amount: yoy_increase(electricity_kwh[2024-01..2024-02]) * 0.2元/千瓦时
                """, enterprise(Map.of(), "electricity_kwh 2024-01 30000", "electricity_kwh 2024-02 20000",
                "electricity_kwh 2023-01 20000", "electricity_kwh 2023-02 15000"));
        assertThat(r.status()).isEqualTo(Status.ELIGIBLE);
        assertThat(r.amount()).isEqualByComparingTo("3000");
    }

    @Test
    void dailyAverageOverADateRange() throws Exception {
        String body = """
                    eligible: [ "daily_avg(gas_m3[2024-01-01..2024-02-29]) >= 4000方" ]
                """;
        // 60 days × 4000 = 240000
        assertThat(one(body, enterprise(Map.of(), "gas_m3 2024-01 120000", "gas_m3 2024-02 120000")).status())
                .isEqualTo(Status.ELIGIBLE);
        assertThat(one(body, enterprise(Map.of(), "gas_m3 2024-01 120000", "gas_m3 2024-02 119999")).status())
                .isEqualTo(Status.INELIGIBLE);
    }

    @Test
    void forEachMonthThenSum() throws Exception {
        RuleResult r = one("""
                    amount: "sum(for m in 2024-01..2024-03 return if electricity_kwh[m] <= 10千瓦时 then 1元 else 0元)"
                """, enterprise(Map.of(), "electricity_kwh 2024-01 5", "electricity_kwh 2024-02 10",
                "electricity_kwh 2024-03 11"));
        assertThat(r.amount()).isEqualByComparingTo("2");
    }

    @Test
    void datesAndMonthsInPeriods() throws Exception {
        String body = """
                    eligible:
                      - licence_date >= 2023-04-01
                      - stats_month in 2024-Q1
                """;
        Map<String, Object> ok = new HashMap<>(Map.of("licence_date", LocalDate.of(2023, 4, 1), "stats_month", YearMonth.of(2024, 3)));
        assertThat(one(body, enterprise(ok)).status()).isEqualTo(Status.ELIGIBLE);
        Map<String, Object> early = new HashMap<>(Map.of("licence_date", LocalDate.of(2023, 3, 31), "stats_month", YearMonth.of(2024, 3)));
        assertThat(one(body, enterprise(early)).status()).isEqualTo(Status.INELIGIBLE);
        Map<String, Object> late = new HashMap<>(Map.of("licence_date", LocalDate.of(2023, 4, 2), "stats_month", YearMonth.of(2024, 4)));
        assertThat(one(body, enterprise(late)).status()).isEqualTo(Status.INELIGIBLE);
    }

    @Test
    void regionOutsideThePrefixIsIneligible() throws Exception {
        EnterpriseRecord xiamen = new EnterpriseRecord(new Enterprise("X", "厦门企业", "350203", null, null,
                Map.of("above_scale_industrial", true)), Facts.empty());
        RuleResult r = one(FZ7, xiamen);
        assertThat(r.status()).isEqualTo(Status.INELIGIBLE);
        assertThat(r.explanation().get(0)).startsWith("✗ 适用地区");
    }

    private static final String QT9 = RuleFixture.header(1) + """
            rules:
              - id: test-1/1-1
                measure: 1
                title: 1-2月用电奖励
                quote: 按实际用电量给予0.02元/千瓦时的用电奖励
                kind: 奖补
                delivery: 免申即享
                payer: { level: 区级, department: 区财政局 }
                amount: yoy_increase(electricity_kwh[2024-01..2024-02]) * 0.2元/千瓦时
              - id: test-1/1-2
                measure: 1
                title: 一季度用电奖励
                quote: 按增量每千瓦时奖励0.2元（扣除已获奖励部分）
                kind: 奖补
                delivery: 免申即享
                payer: { level: 区级, department: 区财政局 }
                amount: yoy_increase(electricity_kwh[2024-Q1]) * 0.2元/千瓦时
                deducts: [ test-1/1-1 ]
            caps:
              - { id: test-1/1-cap, rules: [ test-1/1-1, test-1/1-2 ], cap: 50万元, quote: 每家企业最高不超过50万 }
            """;

    @Test
    void deductsAndSharedCap() throws Exception {
        RuleFile f = RuleFixture.load(tmp, QT9);
        // Jan-Feb +100万 kWh → 20万; Q1 +300万 kWh → 60万 − 20万 = 40万, shared cap leaves 30万
        EnterpriseRecord e = enterprise(Map.of(), "electricity_kwh 2024-01 1500000", "electricity_kwh 2024-02 1000000",
                "electricity_kwh 2024-03 2000000", "electricity_kwh 2023-01 1000000", "electricity_kwh 2023-02 500000",
                "electricity_kwh 2023-03 0");
        Map<String, RuleResult> r = evaluator.evaluateFile(f, e, null, Overrides.NONE);
        assertThat(r.get("test-1/1-1").amount()).isEqualByComparingTo("200000");
        assertThat(r.get("test-1/1-2").amount()).isEqualByComparingTo("300000");
        assertThat(r.get("test-1/1-2").explanation()).anyMatch(x -> x.startsWith("扣除已获“1-2月用电奖励”"))
                .anyMatch(x -> x.contains("共享上限 500,000.00元（已用 200,000.00元），本项封顶为 300,000.00元"));
    }

    /** 到资奖励 paid by province and city in proportion to their rates (shares written as divisions). */
    private RuleFile twoPayerRule(String provinceRate, String cityRate) throws Exception {
        return RuleFixture.load(tmp, RuleFixture.header(1) + """
                rules:
                  - id: test-1/1
                    measure: 1
                    title: 到资奖励
                    quote: 省级1%%、市级1.5%%给予奖励
                    kind: 奖补
                    delivery: 申请
                    parameters: { province: %s, city: %s }
                    payers:
                      - { level: 省级, department: 省商务厅, share: province / (province + city) }
                      - { level: 市级, department: 市商务局, share: city / (province + city) }
                    amount: paid_in_usd[2023] * (province + city)
                """.formatted(provinceRate, cityRate));
    }

    @Test
    void twoPayersSplitByShareAndLastTakesTheRemainder() throws Exception {
        RuleFile f = twoPayerRule("1%", "1.5%");
        Evaluation ev = evaluator.evaluate(List.of(f), enterprise(Map.of(), "paid_in_usd 2023 1000001"), null, Overrides.NONE);
        RuleResult r = ev.results().get(0);
        assertThat(r.currency()).isEqualTo("USD");
        assertThat(r.amount()).isEqualByComparingTo("25000.03"); // 25000.025 → HALF_UP
        assertThat(r.payers()).extracting(RuleResult.PayerAmount::amount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("10000.01"), new BigDecimal("15000.02"));
        assertThat(ev.total()).isEqualByComparingTo("0");
        assertThat(ev.byCurrency()).containsKey("USD");
    }

    @Test
    void aShareWrittenAsADivisionSplitsOnTheExactFraction() throws Exception {
        // shares 5/6 and 1/6 of 0.03: the exact part 0.025 rounds HALF_UP to 0.03; a 34-digit 0.8333…3 would give 0.02
        RuleFile f = twoPayerRule("5%", "1%");
        RuleResult r = evaluator.evaluate(List.of(f), enterprise(Map.of(), "paid_in_usd 2023 0.5"), null, Overrides.NONE)
                .results().get(0);
        assertThat(r.amount()).isEqualByComparingTo("0.03");
        assertThat(r.payers()).extracting(RuleResult.PayerAmount::amount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.03"), new BigDecimal("0.00"));
    }

    @Test
    void takeHighestNotDuplicatedAcrossDocuments() throws Exception {
        RuleFile a = RuleFixture.load(tmp, RuleFixture.header(1).replace("region: \"3501\"\n", "region: \"3501\"\nstacking: 取高不重复\n") + """
                rules:
                  - { id: test-1/1, measure: 1, title: 区级用电奖励, quote: 用电奖励, kind: 奖补, delivery: 申请, class: 用电奖励,
                      payer: { level: 区级, department: 区财政局 }, amount: "electricity_kwh[2024-02] * 0.01元/千瓦时" }
                """);
        RuleFile b = new huiqi.rules.file.RuleFileLoader(RuleFixture.CATALOG).load(RuleFixture.write(tmp, "test-2",
                RuleFixture.header(1) + """
                rules:
                  - { id: test-2/1, measure: 1, title: 市级用电奖励, quote: 用电奖励, kind: 奖补, delivery: 申请, class: 用电奖励,
                      payer: { level: 市级, department: 市财政局 }, amount: "electricity_kwh[2024-02] * 0.02元/千瓦时" }
                """));
        Evaluation ev = evaluator.evaluate(List.of(a, b), enterprise(Map.of(), "electricity_kwh 2024-02 100000"), null, Overrides.NONE);
        RuleResult district = ev.results().stream().filter(r -> r.title().equals("区级用电奖励")).findFirst().orElseThrow();
        RuleResult city = ev.results().stream().filter(r -> r.title().equals("市级用电奖励")).findFirst().orElseThrow();
        assertThat(city.amount()).isEqualByComparingTo("2000");
        assertThat(district.status()).isEqualTo(Status.ELIGIBLE);
        assertThat(district.amount()).isEqualByComparingTo("0");
        assertThat(district.explanation()).anyMatch(x -> x.contains("取高不重复"));
        assertThat(ev.total()).isEqualByComparingTo("2000");
    }

    @Test
    void overridesReplaceParametersByFullNameAndCheckUnits() throws Exception {
        RuleFile f = RuleFixture.load(tmp, RuleFixture.rule1("""
                    parameters: { rate: 0.02元/千瓦时 }
                    amount: electricity_kwh[2024-02] * rate
                """));
        EnterpriseRecord e = enterprise(Map.of(), "electricity_kwh 2024-02 100000");
        Overrides o = new Overrides(Map.of("test-1/1.rate", new Overrides.Override(new BigDecimal("0.03"), Units.YUAN.per(Units.KWH))));
        assertThat(evaluator.evaluate(List.of(f), e, null, o).total()).isEqualByComparingTo("3000");
        Overrides bad = new Overrides(Map.of("test-1/1.rate", new Overrides.Override(new BigDecimal("0.03"), Units.YUAN)));
        assertThatThrownBy(() -> evaluator.evaluate(List.of(f), e, null, bad)).hasMessageContaining("单位应为 元/千瓦时");
        Overrides unknown = new Overrides(Map.of("test-1/1.nope", new Overrides.Override(BigDecimal.ONE, Units.YUAN)));
        assertThatThrownBy(() -> evaluator.evaluate(List.of(f), e, null, unknown)).hasMessageContaining("未知参数");
    }

    @Test
    void datedParameterValuesFollowAsOfAndValidity() throws Exception {
        RuleFile f = RuleFixture.load(tmp, RuleFixture.rule1("""
                    valid: 2023-01-01..2023-12-31
                    parameters:
                      rate: { values: { 2023-01-01: 1.5%, 2023-04-01: 1% }, source: 省级1%（一季度1.5%） }
                    amount: paid_in_usd[2023] * rate * 1元/美元
                """));
        EnterpriseRecord e = enterprise(Map.of(), "paid_in_usd 2023 1000000");
        assertThat(evaluator.evaluate(List.of(f), e, LocalDate.of(2023, 2, 1), Overrides.NONE).total()).isEqualByComparingTo("15000");
        assertThat(evaluator.evaluate(List.of(f), e, LocalDate.of(2023, 6, 1), Overrides.NONE).total()).isEqualByComparingTo("10000");
        assertThat(evaluator.evaluate(List.of(f), e, LocalDate.of(2024, 6, 1), Overrides.NONE).results()).isEmpty();
    }

    @Test
    void attributeStoredAsTextIsReadAsDeclaredOrExplained() throws Exception {
        assertThat(one(FZ7, enterprise(Map.of("above_scale_industrial", "是"), "electricity_kwh 2024-02 600000")).status())
                .isEqualTo(Status.ELIGIBLE);
        RuleResult r = one(FZ7, enterprise(Map.of("above_scale_industrial", "也许"), "electricity_kwh 2024-02 600000"));
        assertThat(r.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(r.explanation()).anyMatch(x -> x.contains("属性（规模以上工业企业）") && !x.contains("above_scale_industrial") && x.contains("应为 是/否（或 true/false、1/0）"));
    }

    @Test
    void evaluationIsDeterministic() throws Exception {
        RuleFile f = RuleFixture.load(tmp, RuleFixture.rule1(FZ7));
        EnterpriseRecord e = enterprise(Map.of("above_scale_industrial", true), "electricity_kwh 2024-02 654321.987");
        Evaluation a = evaluator.evaluate(List.of(f), e, null, Overrides.NONE);
        Evaluation b = evaluator.evaluate(List.of(f), e, null, Overrides.NONE);
        assertThat(a).isEqualTo(b);
        assertThat(a.total()).isEqualByComparingTo("13086.44");
    }
}
