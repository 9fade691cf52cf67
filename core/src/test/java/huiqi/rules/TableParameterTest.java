package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.AttributeType;
import huiqi.facts.FactValue;
import huiqi.facts.Facts;
import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables as parameters: bands by an amount or a date, grades, regions by prefix (#17 item 3). */
class TableParameterTest {
    @TempDir
    Path tmp;

    static final IndicatorCatalog CATALOG = new IndicatorCatalog(List.of(
            new IndicatorCatalog.Indicator("electricity_kwh", "用电量", "千瓦时", Granularity.MONTH, "供电公司"),
            new IndicatorCatalog.Indicator("sales_increase", "销售额新增量", "元", Granularity.QUARTER, "统计局"),
            new IndicatorCatalog.Indicator("unemployment_insured_headcount", "参加失业保险职工人数", "人", Granularity.MONTH, "人社局")),
            List.of(new IndicatorCatalog.Attribute("scenic_grade", "景区等级", AttributeType.TEXT, "文旅局"),
                    new IndicatorCatalog.Attribute("completion_date", "竣工日期", AttributeType.DATE, "住建局")));

    private final Evaluator evaluator = new Evaluator(CATALOG);

    private RuleFile load(String body) throws Exception {
        return new RuleFileLoader(CATALOG).load(RuleFixture.write(tmp, RuleFixture.rule1(body)));
    }

    private static EnterpriseRecord enterprise(String region, Map<String, Object> attrs, String... facts) {
        Facts f = Facts.empty();
        for (String s : facts) {
            String[] p = s.split(" ");
            f.put(new FactValue(p[0], Period.parse(p[1]), new BigDecimal(p[2]), Provenance.of("测试")));
        }
        return new EnterpriseRecord(new Enterprise("X", "企业", region, "C3311", "中型", attrs), f);
    }

    private RuleResult eval(RuleFile f, EnterpriseRecord e) {
        return evaluator.evaluateFile(f, e, null, Overrides.NONE).get("test-1/1");
    }

    /** 杨凌 2022 第一条: 新增量达到300万元 → 1万元, 达到800万元 → 2万元 (lower bounds inclusive: below the next). */
    private static final String BANDS = """
                region: "61"
                parameters:
                  award:
                    bands:
                      - { below: 300万元, value: 0元 }
                      - { below: 800万元, value: 1万元 }
                      - { value: 2万元 }
                    label: 促销奖励
                    source: 第一条
                amount: award[sales_increase[2022-Q1]]
            """;

    @Test
    void bandsByAnAmountAtEveryBoundary() throws Exception {
        RuleFile f = load(BANDS);
        Map<String, String> expected = new HashMap<>(Map.of("2999999.99", "0", "3000000", "10000", "7999999.99", "10000",
                "8000000", "20000", "1E+9", "20000", "-5", "0"));
        expected.forEach((increase, award) -> assertThat(eval(f, enterprise("610403", Map.of(),
                "sales_increase 2022-Q1 " + new BigDecimal(increase).toPlainString())).amount())
                .as(increase).isEqualByComparingTo(award));
        RuleResult r = eval(f, enterprise("610403", Map.of(), "sales_increase 2022-Q1 3000000"));
        assertThat(r.explanation()).anyMatch(l -> l.contains("促销奖励 = 10,000.00元（按 销售额新增量（2022-Q1） 3,000,000.00元 查表：300万元 及以上、低于 800万元，依据第一条）"));
        assertThat(eval(f, enterprise("610403", Map.of())).status()).isEqualTo(Status.UNDETERMINABLE);
    }

    @Test
    void bandsUpToAnAmountIncludeTheBound() throws Exception {
        RuleFile f = load(BANDS.replace("below: 300万元", "upto: 300万元").replace("below: 800万元", "upto: 800万元"));
        assertThat(eval(f, enterprise("610403", Map.of(), "sales_increase 2022-Q1 3000000")).amount()).isEqualByComparingTo("0");
        assertThat(eval(f, enterprise("610403", Map.of(), "sales_increase 2022-Q1 3000000.01")).amount()).isEqualByComparingTo("10000");
        assertThat(eval(f, enterprise("610403", Map.of(), "sales_increase 2022-Q1 8000000")).amount()).isEqualByComparingTo("10000");
    }

    /** Rate by completion date: 50% uncapped, then 30% and 10% capped at 500万. */
    @Test
    void bandsByADateWithOneTierUncapped() throws Exception {
        RuleFile f = load("""
                region: "61"
                parameters:
                  rate:
                    bands:
                      - { upto: 2020-03-31, value: 50% }
                      - { upto: 2020-06-30, value: 30% }
                      - { value: 10% }
                  capped_from: { value: 2020-04-01, label: 封顶起始日 }
                amount: |
                  if completion_date < capped_from then electricity_kwh[2020-01] * 1元/千瓦时 * rate[completion_date]
                  else min(electricity_kwh[2020-01] * 1元/千瓦时 * rate[completion_date], 500万元)
            """);
        String kwh = "electricity_kwh 2020-01 20000000";
        assertThat(eval(f, enterprise("610403", Map.of("completion_date", LocalDate.of(2020, 3, 31)), kwh)).amount())
                .isEqualByComparingTo("10000000");
        assertThat(eval(f, enterprise("610403", Map.of("completion_date", LocalDate.of(2020, 4, 1)), kwh)).amount())
                .isEqualByComparingTo("5000000");
        assertThat(eval(f, enterprise("610403", Map.of("completion_date", LocalDate.of(2020, 7, 1)), kwh)).amount())
                .isEqualByComparingTo("2000000");
    }

    private static final String GRADES = """
                parameters:
                  grade_award:
                    keys: { 5A: 500万元, 4A: 100万元 }
                    label: 景区等级奖励
                eligible:
                  - { expr: "scenic_grade in [\\"5A\\", \\"4A\\"]", label: 新评定为国家5A级或4A级景区 }
                amount: grade_award[scenic_grade]
            """;

    @Test
    void gradesByExactKey() throws Exception {
        RuleFile f = load(GRADES);
        assertThat(eval(f, enterprise("350102", Map.of("scenic_grade", "5A"))).amount()).isEqualByComparingTo("5000000");
        assertThat(eval(f, enterprise("350102", Map.of("scenic_grade", "4A"))).amount()).isEqualByComparingTo("1000000");
        assertThat(eval(f, enterprise("350102", Map.of("scenic_grade", "3A"))).status()).isEqualTo(Status.INELIGIBLE);
        // without the guard a grade outside the table is unknown, with the reason
        RuleFile unguarded = load(GRADES.replace("eligible:\n", "eligible: []\n").replaceAll("(?m)^ +- \\{ expr: \"scenic.*\n", ""));
        RuleResult r = eval(unguarded, enterprise("350102", Map.of("scenic_grade", "3A")));
        assertThat(r.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(r.explanation()).anyMatch(l -> l.contains("景区等级奖励表中没有 3A 对应的值"));
    }

    private static final String REGIONS = """
                region: "35"
                parameters:
                  benefit:
                    regions: { "3501": 1800元/人, "3505": 1710元/人, "350521": 1650元/人 }
                    label: 月人均失业保险金
                amount: unemployment_insured_headcount[2020-01] * benefit[region]
            """;

    @Test
    void regionsByTheLongestPrefix() throws Exception {
        RuleFile f = load(REGIONS);
        String heads = "unemployment_insured_headcount 2020-01 10";
        assertThat(eval(f, enterprise("350102", Map.of(), heads)).amount()).isEqualByComparingTo("18000");
        assertThat(eval(f, enterprise("350503", Map.of(), heads)).amount()).isEqualByComparingTo("17100");
        assertThat(eval(f, enterprise("350521", Map.of(), heads)).amount()).isEqualByComparingTo("16500");
        assertThat(eval(f, enterprise("350300", Map.of(), heads)).status()).isEqualTo(Status.UNDETERMINABLE);
    }

    @Test
    void theCheckerTypesKeysAndValues() throws Exception {
        assertThatThrownBy(() -> load(REGIONS.replace("benefit[region]", "benefit")))
                .hasMessageContaining("查表参数，须写 benefit[键]");
        assertThatThrownBy(() -> load(REGIONS.replace("benefit[region]", "benefit[unemployment_insured_headcount[2020-01]]")))
                .hasMessageContaining("查表参数 benefit 的键应为文本");
        assertThatThrownBy(() -> load(REGIONS.replace("* benefit[region]", "* 1元/人 + benefit[region]")))
                .hasMessageContaining("单位不一致");
        assertThatThrownBy(() -> load(REGIONS.replace("1710元/人", "1710元")))
                .hasMessageContaining("表中各值单位不一致");
        assertThatThrownBy(() -> load(BANDS.replace("award[sales_increase[2022-Q1]]", "award[electricity_kwh[2022-01]] * 1元")))
                .hasMessageContaining("键应为数值（元），实为 数值（千瓦时）");
        assertThatThrownBy(() -> load(BANDS.replace("below: 800万元", "below: 200万元")))
                .hasMessageContaining("从小到大");
        assertThatThrownBy(() -> load(BANDS.replace("- { value: 2万元 }", "- { below: 900万元, value: 2万元 }")))
                .hasMessageContaining("最后一档不能有界限");
        assertThatThrownBy(() -> load(REGIONS.replace("\"3501\"", "\"35a\"")))
                .hasMessageContaining("行政区划代码前缀");
    }

    /** docs/rules.md §14.1: 杨凌 2022 第一条 as a band table passes the tests of its encoding in policies/. */
    @Test
    void yangling1AsATable() throws Exception {
        Path staging = IndicatorCatalog.locate(Path.of("")).getParent().resolve("policies/yl-2022-1");
        String yaml = java.nio.file.Files.readString(staging.resolve("rules.yaml"));
        int start = yaml.indexOf("    parameters:\n      increase_low");
        int end = yaml.indexOf("    tests:", start);
        String table = """
                    parameters:
                      award:
                        bands:
                          - { below: 300万元, value: 0元 }
                          - { below: 800万元, value: 1万元 }
                          - { value: 2万元 }
                        label: 促销奖励
                        source: 第一条“新增量达到300万元……给予1万元促销奖励；新增量达到800万元……给予2万元的促销奖励”
                      growth: { values: { 2022-01-01: 20% }, source: 第一条“增速达到20%以上”, label: 增速门槛 }
                    let:
                      increase: { expr: "yoy_increase(trade_sales[2022-Q1])", label: 2022年一季度销售额同比新增量 }
                      rate: { expr: "yoy_growth(trade_sales[2022-Q1])", label: 2022年一季度销售额同比增速 }
                    eligible:
                      - { expr: "starts_with(industry, \\"F51\\")", label: 批发企业 }
                      - { expr: increase >= 300万元, label: 新增量达到300万元 }
                      - { expr: rate >= growth, label: 增速达到20%以上 }
                    amount: award[increase]
                """;
        Path dir = tmp.resolve("yl-2022-1");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.copy(staging.resolve("source.txt"), dir.resolve("source.txt"));
        java.nio.file.Files.writeString(dir.resolve("rules.yaml"), yaml.substring(0, start) + table + yaml.substring(end));
        IndicatorCatalog real = huiqi.rules.file.RuleLibrary.catalog();
        RuleFile f = new RuleFileLoader(real).load(dir.resolve("rules.yaml"));
        var outcomes = huiqi.rules.eval.TestRunner.run(f, new Evaluator(real));
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(19);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.failures()).as(o.name()).isEmpty());
    }
}
