package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `size in [小型, 微型]` with no declared size: derived by 工信部联企业〔2011〕300号 from the year before (#17 item 6). */
class DerivedSizeTest {
    @TempDir
    Path tmp;

    static final IndicatorCatalog CATALOG = new IndicatorCatalog(List.of(
            new IndicatorCatalog.Indicator("revenue", "营业收入", "元", Granularity.QUARTER, "统计局"),
            new IndicatorCatalog.Indicator("employees", "从业人员（年度）", "人", Granularity.YEAR, "统计局"),
            new IndicatorCatalog.Indicator("total_assets", "资产总额（年末）", "元", Granularity.YEAR, "统计局")), List.of());

    private static final String SMALL_OR_MICRO = """
                valid: 2024-01-01..2024-12-31
                eligible:
                  - { expr: "size in [\\"小型\\", \\"微型\\"]", label: 小微企业 }
                amount: 1000元
            """;

    private RuleResult eval(String declared, String industry, String... facts) throws Exception {
        RuleFile f = new RuleFileLoader(CATALOG).load(RuleFixture.write(tmp, RuleFixture.rule1(SMALL_OR_MICRO)));
        Facts fs = Facts.empty();
        for (String s : facts) {
            String[] p = s.split(" ");
            fs.put(new FactValue(p[0], Period.parse(p[1]), new BigDecimal(p[2]), Provenance.of("测试")));
        }
        EnterpriseRecord e = new EnterpriseRecord(new Enterprise("X", "企业", "350102", industry, declared, Map.of()), fs);
        return new Evaluator(CATALOG).evaluateFile(f, e, LocalDate.of(2024, 3, 1), Overrides.NONE).get("test-1/1");
    }

    @Test
    void derivedFromTheFiguresOfTheYearBefore() throws Exception {
        RuleResult small = eval(null, "C3311", "employees 2023 20", "revenue 2023 3000000");
        assertThat(small.status()).isEqualTo(Status.ELIGIBLE);
        assertThat(small.explanation()).anyMatch(l -> l.contains("企业规模 = 小型（未申报，按工信部联企业〔2011〕300号《中小企业划型标准规定》（工业）由 2023 年度"));
        assertThat(eval(null, "C3311", "employees 2023 300", "revenue 2023 20000000").status()).isEqualTo(Status.INELIGIBLE); // 中型
        // revenue summed from the quarters
        assertThat(eval(null, "F5211", "employees 2023 9", "revenue 2023-Q1 1", "revenue 2023-Q2 1", "revenue 2023-Q3 1",
                "revenue 2023-Q4 1").status()).isEqualTo(Status.ELIGIBLE);
    }

    @Test
    void aDeclaredSizeIsUsedAsItIs() throws Exception {
        assertThat(eval("中型", "C3311", "employees 2023 5").status()).isEqualTo(Status.INELIGIBLE);
    }

    @Test
    void undeterminableWhenTheFiguresDoNotDecide() throws Exception {
        RuleResult r = eval(null, "E4710", "revenue 2023 3000000");
        assertThat(r.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(r.missing()).containsExactly("size", "total_assets[2023]");
        assertThat(r.explanation()).anyMatch(l -> l.contains("划型还缺 2023 年度的资产总额"));
        // a micro enterprise by its headcount alone needs no revenue
        assertThat(eval(null, "C3311", "employees 2023 19").status()).isEqualTo(Status.ELIGIBLE);
        RuleResult bank = eval(null, "J6620");
        assertThat(bank.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(bank.explanation()).anyMatch(l -> l.contains("不在工信部联企业〔2011〕300号"));
        assertThat(eval(null, null).missing()).containsExactly("size");
    }
}
