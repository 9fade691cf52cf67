package huiqi.web.rules.editor;

import static huiqi.web.rules.editor.EditorFixtures.CATALOG;
import static huiqi.web.rules.editor.EditorFixtures.POLICY;
import static huiqi.web.rules.editor.EditorFixtures.SOURCE;
import static huiqi.web.rules.editor.EditorFixtures.YAML;
import static org.assertj.core.api.Assertions.assertThat;

import huiqi.enterprise.EnterpriseJson;
import huiqi.rules.Status;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEditingTest {
    private final RuleEditing editing = EditorFixtures.editing();

    @Test
    void theSeedFileLoadsAndAllItsTestsPass() {
        RuleCheck c = editing.check(POLICY, YAML, SOURCE);
        assertThat(c.loads()).isTrue();
        assertThat(c.errors()).isZero();
        assertThat(c.tests()).hasSizeGreaterThan(20).allMatch(RuleCheck.TestOutcome::passed);
        assertThat(c.tests()).anyMatch(t -> "test:fz-2024-2/7:0".equals(t.field()));
    }

    @Test
    void anUnknownNameInTheAmountIsReportedAtItsColumnInsideTheField() {
        String bad = YAML.replace("    amount: feb_kwh * rate\n", "    amount: feb_kwh * rat\n");
        RuleCheck c = editing.check(POLICY, bad, SOURCE);
        assertThat(c.loads()).isFalse();
        RuleCheck.Problem p = c.problems().get(0);
        assertThat(p.message()).contains("未知名字 'rat'");
        assertThat(p.field()).isEqualTo("amount:fz-2024-2/7");
        assertThat(p.offset()).isEqualTo("feb_kwh * ".length());
        assertThat(p.column()).isEqualTo("    amount: feb_kwh * ".length() + 1);
    }

    @Test
    void anUnknownIndicatorInAConditionIsPlacedInThatCondition() {
        String bad = YAML.replace("{ expr: feb_kwh >= threshold,", "{ expr: \"feb_kwh >= threshold and power_kwh[2024-02] >= threshold\",");
        RuleCheck c = editing.check(POLICY, bad, SOURCE);
        RuleCheck.Problem p = c.problems().stream().filter(x -> x.message().contains("power_kwh")).findFirst().orElseThrow();
        assertThat(p.field()).isEqualTo("eligible:fz-2024-2/7:1");
        assertThat(p.offset()).isEqualTo("feb_kwh >= threshold and ".length());
    }

    @Test
    void aUnitMismatchAndAQuoteNotInTheTextArePlacedAtTheirFields() {
        String unit = YAML.replace("{ expr: feb_kwh >= threshold,", "{ expr: feb_kwh >= cap,");
        RuleCheck.Problem u = editing.check(POLICY, unit, SOURCE).problems().get(0);
        assertThat(u.field()).isEqualTo("eligible:fz-2024-2/7:1");
        assertThat(u.message()).contains("单位");

        String quote = YAML.replace("按实际用电量给予0.02元/千瓦时的用电奖励", "按实际用电量给予0.03元/千瓦时的用电奖励");
        RuleCheck.Problem q = editing.check(POLICY, quote, SOURCE).problems().get(0);
        assertThat(q.field()).isEqualTo("quote:fz-2024-2/7");
        assertThat(q.offset()).isGreaterThan(0);
    }

    @Test
    void aChangedParameterMakesTheExampleTestsFailWithTheReason() {
        String changed = editing.apply(YAML, new FormEdit.ParameterValue("fz-2024-2/7", "rate", "2024-01-10", "0.03元/千瓦时"));
        RuleCheck c = editing.check(POLICY, changed, SOURCE);
        assertThat(c.loads()).isTrue();
        RuleCheck.TestOutcome first = c.tests().stream().filter(t -> "test:fz-2024-2/7:0".equals(t.field())).findFirst().orElseThrow();
        assertThat(first.passed()).isFalse();
        assertThat(first.failures().get(0)).contains("金额应为 10000.00，实为 15000.00");
    }

    @Test
    void testFailuresNameTheStatusInChinese() {
        assertThat(RuleEditing.inChinese("状态应为 eligible，实为 ineligible（✗ 规上工业企业）"))
                .isEqualTo("结论应为 符合，实为 不符合（✗ 规上工业企业）");
        assertThat(RuleEditing.inChinese("金额应为 10000.00，实为 15000.00")).isEqualTo("金额应为 10000.00，实为 15000.00");
    }

    @Test
    void aSourceOtherThanThePolicyTextIsRefused() {
        RuleCheck c = editing.check(POLICY, YAML.replace("source: source.txt", "source: ../../etc/passwd"), SOURCE);
        assertThat(c.loads()).isFalse();
        assertThat(c.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("source 只能是 source.txt");
            assertThat(p.line()).isEqualTo(4);
        });
    }

    @Test
    void tryOutEvaluatesTheEditedRulesForOneEnterprise() {
        var enterprise = EnterpriseJson.parse("""
                {"profile": {"uscc": "91350100MA2XY1001E", "name": "示例", "region": "350102",
                  "attributes": {"above_scale_industrial": true}},
                 "facts": [{"indicator": "electricity_kwh", "period": "2024-02", "value": 600000}]}""", "试算", CATALOG);
        String changed = editing.apply(YAML, new FormEdit.ParameterValue("fz-2024-2/7", "rate", "2024-01-10", "0.03元/千瓦时"));
        RuleEditing.TryOut out = editing.tryOut(POLICY, changed, SOURCE, enterprise);
        assertThat(out.problems()).isEmpty();
        var r7 = out.results().stream().filter(r -> r.ruleId().equals("fz-2024-2/7")).findFirst().orElseThrow();
        assertThat(r7.status()).isEqualTo(Status.ELIGIBLE);
        assertThat(r7.amount()).isEqualByComparingTo(new BigDecimal("18000"));
        assertThat(r7.explanation()).isNotEmpty();

        RuleEditing.TryOut broken = editing.tryOut(POLICY, YAML.replace("feb_kwh * rate", "feb_kwh * rat"), SOURCE, enterprise);
        assertThat(broken.results()).isEmpty();
        assertThat(broken.problems().get(0)).contains("未知名字 'rat'");
    }

    @Test
    void theFormShowsHumanValuesTheClauseAndTheFieldsOfEachRule() {
        RuleSetForm form = editing.form(YAML, java.util.Map.of(7, "（七）鼓励企业春节期间生产。" + "春节期间（2024年2月1日至2月29日)用电量达50万千瓦时(含)以上的规上工业企业,按实际用电量给予0.02元/千瓦时的用电奖励,单家企业奖励最高不超过30万元。"));
        RuleSetForm.RuleForm r7 = form.rules().stream().filter(r -> r.id().equals("fz-2024-2/7")).findFirst().orElseThrow();
        assertThat(r7.parameters()).extracting(p -> p.values().get(0).human()).containsExactly("50万千瓦时", "0.02元/千瓦时", "30万元");
        assertThat(r7.parameters().get(0).source()).isEqualTo("第7条“用电量达50万千瓦时(含)以上”");
        assertThat(r7.clause()).anyMatch(s -> s.marked() && s.text().startsWith("春节期间"));
        assertThat(r7.clause().get(0).marked()).isFalse();
        assertThat(r7.amount().expr()).isEqualTo("feb_kwh * rate");
        assertThat(r7.conditions()).extracting(RuleSetForm.Expression::label).containsExactly("规上工业企业", "春节期间用电量达50万千瓦时（含）以上");
        assertThat(r7.tests().get(2).status()).isEqualTo("12000");
        assertThat(form.unencoded()).anyMatch(u -> u.measure() == 2 && u.category().equals("目标（转督查）"));
    }

    @Test
    void aStructureTheFormCannotShowIsRefusedInChinese() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> editing.form("rules:\n  - id: x/1\n    parameters: { [a]: 1元 }\n", java.util.Map.of()))
                .isInstanceOf(EditRefused.class).hasMessageContaining("无法显示为表单");
    }

    @Test
    void localNamesAreOfferedForCompletion() {
        List<IndicatorCompletion.Offer> offers = new IndicatorCompletion(CATALOG).complete("feb", editing.localNames(YAML));
        assertThat(offers).extracting(IndicatorCompletion.Offer::id).startsWith("feb_kwh");
    }
}
