package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.NewIndicators;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleLoadException;
import huiqi.rules.file.RuleProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule file may propose indicators the catalog lacks (new_indicators:): its rules use them, every field is checked. */
class NewIndicatorsTest {
    private static final String GAS_BILL = "  - { id: gas_bill, name: 燃气费, unit: 元, granularity: month, source: 市燃气公司 }\n";

    @TempDir
    Path tmp;

    private static String withProposal(String proposals) {
        return RuleFixture.rule1("""
                    eligible:
                      - gas_bill[2024-02] >= 1万元
                    amount: gas_bill[2024-02] * 10%
                    tests:
                      - name: 燃气费2万元 → 2000元
                        facts: { "gas_bill[2024-02]": 2万元 }
                        expect: { status: eligible, amount: 2000 }
                """) + "new_indicators:\n" + proposals;
    }

    private List<RuleProblem> problems(String yaml) throws IOException {
        try {
            RuleFixture.load(tmp, yaml);
        } catch (RuleLoadException e) {
            return e.problems();
        }
        throw new AssertionError("应当加载失败");
    }

    @Test
    void aRuleUsesAnIndicatorItsFileProposes() throws IOException {
        RuleFile f = RuleFixture.load(tmp, withProposal(GAS_BILL));
        assertThat(f.rules()).hasSize(1);
        assertThat(NewIndicators.of(withProposal(GAS_BILL))).containsExactly(new IndicatorCatalog.Indicator(
                "gas_bill", "燃气费", "元", Granularity.MONTH, "市燃气公司", huiqi.facts.Sign.NONNEGATIVE, false,
                huiqi.facts.PeriodRange.DEFAULT, huiqi.facts.IndicatorKind.FLOW));
        assertThat(NewIndicators.extend(RuleFixture.CATALOG, withProposal(GAS_BILL)).indicator("gas_bill")).isPresent();
        assertThat(RuleFixture.CATALOG.indicator("gas_bill")).as("the catalog itself is not changed").isEmpty();
    }

    @Test
    void withoutTheProposalTheIndicatorIsUnknown() throws IOException {
        assertThat(problems(withProposal("").replace("new_indicators:\n", "")))
                .anyMatch(p -> p.message().contains("未知指标 'gas_bill'"));
    }

    @Test
    void everyFieldIsCheckedAtItsPosition() throws IOException {
        List<RuleProblem> ps = problems(withProposal(
                "  - { id: Gas-Bill, name: gas bill, unit: 万元, granularity: weekly, source: \"\", sign: up, integral: maybe }\n"));
        assertThat(ps).extracting(RuleProblem::message).anySatisfy(m -> assertThat(m).contains("指标 id 只能用小写字母"))
                .anySatisfy(m -> assertThat(m).contains("中文名应含汉字"))
                .anySatisfy(m -> assertThat(m).contains("单位 '万元' 不是基本单位"))
                .anySatisfy(m -> assertThat(m).contains("报送粒度应为 day、month、quarter 或 year"))
                .anySatisfy(m -> assertThat(m).contains("请写明报送数据的部门"))
                .anySatisfy(m -> assertThat(m).contains("sign 应为 nonnegative"))
                .anySatisfy(m -> assertThat(m).contains("integral 应为 true"));
        int line = withProposal("").split("\n").length + 1;
        assertThat(ps).filteredOn(p -> p.message().contains("指标 id")).allMatch(p -> p.pos().line() == line);
    }

    @Test
    void anIdOrNameTheCatalogHoldsIsRefusedUnlessTheDefinitionIsTheSame() throws IOException {
        assertThat(problems(withProposal(GAS_BILL + "  - { id: electricity_kwh, name: 用电, unit: 千瓦时, granularity: month, source: 供电公司 }\n")))
                .anyMatch(p -> p.message().contains("指标 electricity_kwh 已在指标目录中（用电量，千瓦时") && p.message().contains("定义不同"));
        assertThat(problems(withProposal(GAS_BILL + "  - { id: kwh_2, name: 用电量, unit: 千瓦时, granularity: month, source: 供电公司 }\n")))
                .anyMatch(p -> p.message().contains("已有名为“用电量”的指标 electricity_kwh"));
        assertThat(problems(withProposal(GAS_BILL + "  - { id: above_scale_industrial, name: 规上, unit: 元, granularity: month, source: 统计局 }\n")))
                .anyMatch(p -> p.message().contains("是企业档案中已有的属性"));
        assertThat(problems(withProposal(GAS_BILL + GAS_BILL))).anyMatch(p -> p.message().contains("新指标 gas_bill 重复提出"));
        assertThat(RuleFixture.load(tmp, withProposal(GAS_BILL + "  - { id: electricity_kwh, name: 用电量, unit: 千瓦时, granularity: month, source: 供电公司, sign: any }\n"))
                .rules()).as("sign differs from the catalog's (nonnegative by default in code: ANY)").hasSize(1);
    }
}
