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
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleLoadException;
import huiqi.rules.plan.RulePlan;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open-ended validity, validity ending at an unpublished event, and parameters not yet published (#17 items 2, 7). */
class ValidityAndPendingTest {
    @TempDir
    Path tmp;

    private final Evaluator evaluator = new Evaluator(RuleFixture.CATALOG);

    private static EnterpriseRecord enterprise(boolean aboveScale, String kwhFeb) {
        Facts f = Facts.empty();
        if (kwhFeb != null) {
            f.put(new FactValue("electricity_kwh", Period.parse("2024-02"), new BigDecimal(kwhFeb), Provenance.of("测试")));
        }
        return new EnterpriseRecord(new Enterprise("X", "企业", "350102", "C3311", "中型",
                Map.of("above_scale_industrial", aboveScale)), f);
    }

    private static final String BODY = """
                eligible:
                  - { expr: above_scale_industrial, label: 规上工业企业 }
                amount: electricity_kwh[2024-02] * 0.02元/千瓦时
            """;

    private RuleFile withValid(String valid, String extra) throws Exception {
        return RuleFixture.load(tmp, RuleFixture.rule1("    valid: " + valid + "\n" + extra + BODY));
    }

    private RuleResult eval(RuleFile f, EnterpriseRecord e, LocalDate asOf) {
        return evaluator.evaluateFile(f, e, asOf, Overrides.NONE).get("test-1/1");
    }

    @Test
    void openEndedValidityHoldsFromItsStartOn() throws Exception {
        RuleFile f = withValid("2024-02-05..", "");
        assertThat(f.rules().get(0).valid().toString()).isEqualTo("2024-02-05..");
        assertThat(RulePlan.of(List.of(f), LocalDate.of(2024, 2, 4)).steps()).isEmpty();
        assertThat(RulePlan.of(List.of(f), LocalDate.of(2024, 2, 5)).steps()).hasSize(1);
        assertThat(RulePlan.of(List.of(f), LocalDate.of(2099, 1, 1)).steps()).hasSize(1);
        assertThat(eval(f, enterprise(true, "100000"), LocalDate.of(2030, 1, 1)).amount()).isEqualByComparingTo("2000");
    }

    @Test
    void validityOpenAtTheStartHoldsUntilItsLastDayInclusive() throws Exception {
        RuleFile f = withValid("..2024-03-31", "");
        assertThat(RulePlan.of(List.of(f), LocalDate.of(1990, 1, 1)).steps()).hasSize(1);
        assertThat(RulePlan.of(List.of(f), LocalDate.of(2024, 3, 31)).steps()).hasSize(1);
        assertThat(RulePlan.of(List.of(f), LocalDate.of(2024, 4, 1)).steps()).isEmpty();
        // no start: parameters are read on the evaluation date, or at their earliest value without one
        assertThat(RulePlan.of(List.of(f), null).steps().get(0).paramDate()).isNull();
    }

    @Test
    void aBareDateIsRejectedWithBothWaysToWriteIt() throws Exception {
        assertThatThrownBy(() -> withValid("2024-02-05", ""))
                .isInstanceOf(RuleLoadException.class)
                .hasMessageContaining("rules.yaml:13:12")
                .hasMessageContaining("2024-02-05..2024-02-05")
                .hasMessageContaining("2024-02-05..")
                .hasMessageContaining("..2024-02-05");
        assertThatThrownBy(() -> withValid("..", "")).hasMessageContaining("起止都为空");
        assertThatThrownBy(() -> withValid("2024-03-01..2024-02-01", "")).hasMessageContaining("期间格式错误");
        assertThat(withValid("2024-03-01..", "").rules()).hasSize(1);
    }

    private static final String EVENT = """
                parameters:
                  response_end: { value: 待公布, type: 日期, label: 一级响应结束, source: 第十条“有效期至一级响应结束” }
            """;

    @Test
    void validityEndingAtAnUnpublishedEventIsUndeterminableAfterItsStart() throws Exception {
        RuleFile f = withValid("2024-02-01..response_end", EVENT);
        assertThat(f.rules().get(0).valid().toString()).isEqualTo("2024-02-01..一级响应结束");
        assertThat(RulePlan.of(List.of(f), LocalDate.of(2024, 1, 31)).steps()).isEmpty();
        RulePlan.Step step = RulePlan.of(List.of(f), LocalDate.of(2024, 2, 1)).steps().get(0);
        assertThat(step.validityPending()).isEqualTo("待定：一级响应结束日期未公布");

        RuleResult r = eval(f, enterprise(true, "100000"), LocalDate.of(2024, 3, 1));
        assertThat(r.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(r.explanation()).anyMatch(l -> l.startsWith("? 在有效期内（2024-02-01..一级响应结束）：待定：一级响应结束日期未公布"));
        // another condition failing still decides (three-valued and)
        assertThat(eval(f, enterprise(false, "100000"), LocalDate.of(2024, 3, 1)).status()).isEqualTo(Status.INELIGIBLE);
        // without an evaluation date every rule is evaluated, as before
        assertThat(eval(f, enterprise(true, "100000"), null).status()).isEqualTo(Status.ELIGIBLE);
    }

    @Test
    void oncePublishedTheEventDateEndsTheValidity() throws Exception {
        RuleFile f = withValid("2024-02-01..response_end", """
                parameters:
                  response_end: { value: 2024-05-02, label: 一级响应结束 }
            """);
        assertThat(f.rules().get(0).valid().toString()).isEqualTo("2024-02-01..2024-05-02（一级响应结束）");
        assertThat(RulePlan.of(List.of(f), LocalDate.of(2024, 5, 2)).steps()).hasSize(1);
        assertThat(RulePlan.of(List.of(f), LocalDate.of(2024, 5, 3)).steps()).isEmpty();
        assertThat(eval(f, enterprise(true, "100000"), LocalDate.of(2024, 5, 2)).status()).isEqualTo(Status.ELIGIBLE);
    }

    @Test
    void theEventMustBeADateParameter() throws Exception {
        assertThatThrownBy(() -> withValid("2024-02-01..response_end", ""))
                .hasMessageContaining("valid 的结束 'response_end' 不是参数");
        assertThatThrownBy(() -> withValid("2024-02-01..response_end", """
                parameters:
                  response_end: 3元
            """)).hasMessageContaining("应为日期参数");
    }

    private static final String PENDING = """
                parameters:
                  standard: { value: 待公布, unit: 元/千瓦时, label: 本地奖励标准, source: 第7条“标准另行公布” }
                eligible:
                  - { expr: above_scale_industrial, label: 规上工业企业 }
                amount: electricity_kwh[2024-02] * standard
            """;

    @Test
    void aRuleReadingAnUnpublishedParameterIsUndeterminableWithTheReason() throws Exception {
        RuleFile f = RuleFixture.load(tmp, RuleFixture.rule1(PENDING));
        RuleResult r = eval(f, enterprise(true, "100000"), null);
        assertThat(r.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(r.amount()).isNull();
        assertThat(r.explanation()).anyMatch(l -> l.startsWith("? 金额") && l.contains("待定：本地奖励标准未公布"));
        assertThat(eval(f, enterprise(false, "100000"), null).status()).isEqualTo(Status.INELIGIBLE);
        // a what-if value stands in for the unpublished one
        var o = new Overrides(Map.of("test-1/1.standard", new Overrides.Override(new BigDecimal("0.03"),
                Units.YUAN.per(Units.KWH))));
        assertThat(evaluator.evaluateFile(f, enterprise(true, "100000"), null, o).get("test-1/1").amount())
                .isEqualByComparingTo("3000");
    }

    @Test
    void anUnpublishedParameterStillTypesItsUses() throws Exception {
        assertThatThrownBy(() -> RuleFixture.load(tmp, RuleFixture.rule1(PENDING.replace("unit: 元/千瓦时", "unit: 元"))))
                .hasMessageContaining("金额");
        assertThatThrownBy(() -> RuleFixture.load(tmp, RuleFixture.rule1(PENDING.replace("unit: 元/千瓦时, ", ""))))
                .hasMessageContaining("须写 unit");
        assertThatThrownBy(() -> RuleFixture.load(tmp, RuleFixture.rule1(PENDING.replace("{ value: 待公布, unit: 元/千瓦时, label: 本地奖励标准, source: 第7条“标准另行公布” }", "待公布"))))
                .hasMessageContaining("value: 待公布, unit:");
        RuleFile f = RuleFixture.load(tmp, RuleFixture.rule1(PENDING.replace("value: 待公布", "value: null")
                .replace("label: 本地奖励标准,", "reason: 本地标准待人社部门公布,")));
        assertThat(eval(f, enterprise(true, "1"), null).explanation()).anyMatch(l -> l.contains("待定：本地标准待人社部门公布"));
    }
}
