package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.enterprise.FactText;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stock vs flow (#17 item 4): a stock (参保人数) is never summed over periods; avg() is the mean of its months (all
 * must be known, the missing ones listed as a month range), end_of() its last month; a flow still sums.
 */
class StockIndicatorTest {
    @TempDir
    Path tmp;

    static final IndicatorCatalog.Indicator HEADCOUNT =
            new IndicatorCatalog.Indicator("insured_headcount", "参保人数", "人", Granularity.MONTH, "人社局").asStock();
    static final IndicatorCatalog CATALOG = new IndicatorCatalog(List.of(HEADCOUNT,
            new IndicatorCatalog.Indicator("site_workers", "在场工人数", "人", Granularity.DAY, "住建局").asStock(),
            new IndicatorCatalog.Indicator("electricity_kwh", "用电量", "千瓦时", Granularity.MONTH, "供电公司")), List.of());

    private final Evaluator evaluator = new Evaluator(CATALOG);

    private RuleFile load(String body) throws Exception {
        return new RuleFileLoader(CATALOG).load(RuleFixture.write(tmp, RuleFixture.rule1(body)));
    }

    private RuleResult eval(RuleFile f, Facts facts) {
        return evaluator.evaluateFile(f, new EnterpriseRecord(new Enterprise("X", "企业", "350102", "C3311", "小型", Map.of()), facts),
                null, Overrides.NONE).get("test-1/1");
    }

    /** Monthly headcounts of 2023: {@code values[i]} for month i+1; null leaves that month out. */
    private static Facts months(Integer... values) {
        Facts f = Facts.empty();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                f.put(new FactValue("insured_headcount", Period.parse(String.format("2023-%02d", i + 1)),
                        BigDecimal.valueOf(values[i]), Provenance.of("测试")));
            }
        }
        return f;
    }

    /** 稳岗返还：上年度月均参保人数达到100人及以上的，每人500元。 */
    private static final String AVERAGE = """
                let:
                  staff: { expr: "avg(insured_headcount[2023-01..2023-12])", label: 2023年月均参保人数 }
                eligible:
                  - { expr: staff >= 100人, label: 2023年月均参保人数100人及以上 }
                amount: staff * 500元/人
            """;

    @Test
    void summingAStockOverSeveralMonthsIsRefusedWithItsPositionAndTheFunctionsToUse() {
        assertThatThrownBy(() -> load("    amount: insured_headcount[2023] * 500元/人\n"))
                .hasMessageContaining("参保人数）是存量（时点数）")
                .hasMessageContaining("avg(insured_headcount[2023])")
                .hasMessageContaining("end_of(insured_headcount[2023])")
                .hasMessageContaining("rules.yaml:13:13:");
        assertThatThrownBy(() -> load("    amount: \"sum(for m in 2023-01..2023-03 return insured_headcount[m]) * 1元/人\"\n"))
                .hasMessageContaining("sum(for …) 会把各月相加");
        assertThatThrownBy(() -> load("    amount: \"daily_avg(insured_headcount[2023-Q1]) * 1元/人\"\n"))
                .hasMessageContaining("日均值无意义");
        assertThatThrownBy(() -> load("    amount: \"avg(insured_headcount[m]) * 1元/人\"\n"))
                .hasMessageContaining("期间");
    }

    @Test
    void oneMonthOfAStockAndAnyPeriodOfAFlowStayReadable() throws Exception {
        RuleFile f = load("    amount: \"insured_headcount[2023-12] * 1元/人 + electricity_kwh[2023-Q1] * 1元/千瓦时\"\n");
        Facts facts = months(null, null, null, null, null, null, null, null, null, null, null, 7);
        for (String m : List.of("2023-01", "2023-02", "2023-03")) {
            facts.put(new FactValue("electricity_kwh", Period.parse(m), BigDecimal.TEN, Provenance.of("测试")));
        }
        assertThat(eval(f, facts).amount()).isEqualByComparingTo("37");
    }

    @Test
    void theMonthlyAverageOfAYearAtItsThreshold() throws Exception {
        RuleFile f = load(AVERAGE);
        // 12 months summing to 1200 → exactly 100人
        RuleResult at = eval(f, months(90, 95, 100, 100, 100, 100, 100, 100, 100, 100, 105, 110));
        assertThat(at.status()).isEqualTo(Status.ELIGIBLE);
        assertThat(at.amount()).isEqualByComparingTo("50000");
        assertThat(at.explanation()).anyMatch(l -> l.contains("参保人数（2023-01至2023-12，12 个月）合计 1,200人，月平均值 100人"));
        // 1199 → 99.916…人: below
        RuleResult below = eval(f, months(89, 95, 100, 100, 100, 100, 100, 100, 100, 100, 105, 110));
        assertThat(below.status()).isEqualTo(Status.INELIGIBLE);
        // a non-integral average is paid on the average (100.5人 × 500元)
        assertThat(eval(f, months(96, 95, 100, 100, 100, 100, 100, 100, 100, 100, 105, 110)).amount()).isEqualByComparingTo("50250");
    }

    @Test
    void missingMonthsMakeTheAverageUndeterminableAndAreListedAsAMonthRange() throws Exception {
        RuleFile f = load(AVERAGE);
        RuleResult r = eval(f, months(100, 100, 100, null, null, null, 100, 100, 100, 100, 100, null));
        assertThat(r.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(r.missing()).containsExactly("insured_headcount[2023-04]", "insured_headcount[2023-05]",
                "insured_headcount[2023-06]", "insured_headcount[2023-12]");
        assertThat(String.join("\n", r.explanation())).contains("参保人数（2023-04至2023-06、2023-12）");
    }

    @Test
    void aYearlyFigureOfAStockIsNeitherAcceptedAsInputNorReadAsTheAverage() throws Exception {
        assertThatThrownBy(() -> FactText.period(HEADCOUNT, "2023")).hasMessageContaining("是存量（时点数），按月报送")
                .hasMessageContaining("请逐月填写");
        assertThatThrownBy(() -> FactText.period(HEADCOUNT, "2023-01..2023-03")).hasMessageContaining("存量");
        assertThat(FactText.period(HEADCOUNT, "2023-03")).isEqualTo(Period.parse("2023-03"));
        // a yearly value that slipped in (1357 = a sum of months) is not the average: the months are still asked for
        Facts facts = months();
        facts.put(new FactValue("insured_headcount", Period.parse("2023"), BigDecimal.valueOf(1357), Provenance.of("测试")));
        assertThat(eval(load(AVERAGE), facts).status()).isEqualTo(Status.UNDETERMINABLE);
    }

    @Test
    void endOfReadsTheLastReportingPeriod() throws Exception {
        RuleFile f = load("    amount: \"end_of(insured_headcount[2023]) * 10元/人\"\n");
        assertThat(eval(f, months(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 42)).amount()).isEqualByComparingTo("420");
        RuleResult r = eval(f, months(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, null));
        assertThat(r.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(r.missing()).containsExactly("insured_headcount[2023-12]");
    }

    @Test
    void theDailyAverageOfADailyStockIsItsMeanOverTheDays() throws Exception {
        RuleFile f = load("    amount: \"avg(site_workers[2024-02-10..2024-02-12]) * 1元/人\"\n");
        Facts facts = Facts.empty();
        for (String d : List.of("2024-02-10", "2024-02-11", "2024-02-12")) {
            facts.put(new FactValue("site_workers", Period.parse(d), BigDecimal.valueOf(d.endsWith("12") ? 52 : 49), Provenance.of("测试")));
        }
        assertThat(eval(f, facts).amount()).isEqualByComparingTo("50");
    }
}
