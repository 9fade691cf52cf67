package huiqi.web.rules.editor;

import static huiqi.web.rules.editor.EditorFixtures.YAML;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlEditorTest {
    private static final String RULE = "fz-2024-2/7";

    /** The edited text equals the original with exactly one piece replaced. */
    private static void onlyReplaced(String before, String after, String oldPiece, String newPiece) {
        assertThat(before).contains(oldPiece);
        assertThat(after).isEqualTo(before.replace(oldPiece, newPiece));
    }

    @Test
    void aParameterValueAtItsDateReplacesOnlyThatValue() {
        String out = YamlEditor.apply(YAML, new FormEdit.ParameterValue(RULE, "rate", "2024-01-10", "0.03元/千瓦时"));
        onlyReplaced(YAML, out, "rate: { values: { 2024-01-10: 0.02元/千瓦时 }", "rate: { values: { 2024-01-10: 0.03元/千瓦时 }");
    }

    @Test
    void aValueFromANewDateIsAddedBesideTheOthers() {
        String out = YamlEditor.apply(YAML, new FormEdit.ParameterValue(RULE, "cap", "2025-01-01", "35万元"));
        onlyReplaced(YAML, out, "cap: { values: { 2024-01-10: 30万元 }", "cap: { values: { 2024-01-10: 30万元, 2025-01-01: 35万元 }");
    }

    @Test
    void aSourceWithQuotesAndColonsIsWrittenQuoted() {
        String out = YamlEditor.apply(YAML, new FormEdit.ParameterSource(RULE, "cap", "第7条: 最高不超过30万元, 单家"));
        onlyReplaced(YAML, out, "source: 第7条“单家企业奖励最高不超过30万元”", "source: \"第7条: 最高不超过30万元, 单家\"");
    }

    @Test
    void anAmountExpressionIsReplacedInPlace() {
        String out = YamlEditor.apply(YAML, new FormEdit.Expression(RULE, "amount", -1, null, "min(feb_kwh * rate, cap)"));
        onlyReplaced(YAML, out, "    amount: feb_kwh * rate\n    cap: cap\n    tests:\n      - name: 恰好50万",
                "    amount: min(feb_kwh * rate, cap)\n    cap: cap\n    tests:\n      - name: 恰好50万");
    }

    @Test
    void anEmptiedCapIsRemovedAndAnAbsentOneAdded() {
        String out = YamlEditor.apply(YAML, new FormEdit.Expression(RULE, "cap", -1, null, " "));
        onlyReplaced(YAML, out, "    amount: feb_kwh * rate\n    cap: cap\n    tests:\n      - name: 恰好50万",
                "    amount: feb_kwh * rate\n    tests:\n      - name: 恰好50万");
        String back = YamlEditor.apply(out, new FormEdit.Expression(RULE, "cap", -1, null, "cap"));
        assertThat(back).contains("      - name: 福州市外企业 → 不符合\n        facts: { region: \"350521\", above_scale_industrial: true, \"electricity_kwh[2024-02]\": 80万千瓦时 }\n        expect: { status: ineligible }\n    cap: cap\n");
    }

    /** #17 item 5: a document scope block is text the form never rewrites: editing a rule leaves it byte for byte. */
    @Test
    void aDocumentScopeStaysByteForByteWhenARuleIsEdited() {
        String scope = "scope:\n  eligible:\n    - { expr: \"size in [\\\"小型\\\", \\\"微型\\\"]\", label: 小微企业 }\n";
        String withScope = YAML.replaceFirst("(?m)^rules:\n", java.util.regex.Matcher.quoteReplacement(scope) + "rules:\n");
        assertThat(withScope).contains(scope + "rules:\n");
        String out = YamlEditor.apply(withScope, new FormEdit.Expression(RULE, "amount", -1, null, "min(feb_kwh * rate, cap)"));
        onlyReplaced(withScope, out, "    amount: feb_kwh * rate\n    cap: cap\n    tests:\n      - name: 恰好50万",
                "    amount: min(feb_kwh * rate, cap)\n    cap: cap\n    tests:\n      - name: 恰好50万");
    }

    @Test
    void deliveryAndPayerAreSetInPlace() {
        String tail = "\n    class: 用电奖励";
        String delivery = YamlEditor.apply(YAML, new FormEdit.RuleField(RULE, "delivery", "申请"));
        onlyReplaced(YAML, delivery, "    delivery: 免申即享\n    payer: { level: 市级, department: 市财政局 }" + tail,
                "    delivery: 申请\n    payer: { level: 市级, department: 市财政局 }" + tail);
        String payer = YamlEditor.apply(YAML, new FormEdit.RuleField(RULE, "payer.department", "市工信局"));
        onlyReplaced(YAML, payer, "    payer: { level: 市级, department: 市财政局 }" + tail, "    payer: { level: 市级, department: 市工信局 }" + tail);
        String draft = "rules:\n  - id: x/1\n    measure: 1\n    kind: 奖补\n";
        assertThat(YamlEditor.apply(draft, new FormEdit.RuleField("x/1", "payer.level", "区级")))
                .isEqualTo(draft + "    payer: { level: 区级 }\n");
        assertThatThrownBy(() -> YamlEditor.apply(YAML, new FormEdit.RuleField(RULE, "id", "y/1")))
                .isInstanceOf(EditRefused.class).hasMessage("未知的字段 id");
    }

    @Test
    void aConditionExpressionKeepsItsLabel() {
        String out = YamlEditor.apply(YAML, new FormEdit.Expression(RULE, "eligible", 1, null, "feb_kwh > threshold"));
        onlyReplaced(YAML, out, "{ expr: feb_kwh >= threshold, label: 春节期间", "{ expr: feb_kwh > threshold, label: 春节期间");
    }

    @Test
    void aMultiLineConditionBecomesABlockScalarAndBack() {
        String rule6 = "fz-2024-2/6";
        String twoLines = YamlEditor.apply(YAML, new FormEdit.Expression(rule6, "eligible", 3, null,
                "if new_plant\nthen industrial_output[2024-Q1] > new_plant_output\nelse true"));
        assertThat(twoLines).contains("      - expr: |\n          if new_plant\n          then industrial_output[2024-Q1] > new_plant_output\n          else true\n        label: 一季度总产值增速");
        String oneLine = YamlEditor.apply(twoLines, new FormEdit.Expression(rule6, "eligible", 3, null, "manufacturing"));
        assertThat(oneLine).contains("      - expr: manufacturing\n        label: 一季度总产值增速");
    }

    @Test
    void aNewTestIsAppendedAfterTheLastTestOfTheRule() {
        String out = YamlEditor.apply(YAML, new FormEdit.NewTest(RULE, "100万千瓦时 → 2万元",
                List.of(new FormEdit.Fact("above_scale_industrial", "true"), new FormEdit.Fact("electricity_kwh[2024-02]", "100万千瓦时")),
                "eligible", "20000"));
        String last = "        expect: { status: ineligible }\n\nunencoded:";
        onlyReplaced(YAML, out, last, "        expect: { status: ineligible }\n"
                + "      - name: 100万千瓦时 → 2万元\n"
                + "        facts: { above_scale_industrial: true, \"electricity_kwh[2024-02]\": 100万千瓦时 }\n"
                + "        expect: { status: eligible, amount: 20000 }\n\nunencoded:");
    }

    @Test
    void aTestExpectationWrittenAsAnAmountBecomesAMapping() {
        String out = YamlEditor.apply(YAML, new FormEdit.TestExpectation(RULE, 2, "eligible", "12,000"));
        onlyReplaced(YAML, out, "        expect: 12000\n", "        expect: { status: eligible, amount: 12000 }\n");
    }

    @Test
    void aTestFactIsChangedOrAdded() {
        String changed = YamlEditor.apply(YAML, new FormEdit.TestFact(RULE, 0, "electricity_kwh[2024-02]", "51万千瓦时"));
        onlyReplaced(YAML, changed, "\"electricity_kwh[2024-02]\": 50万千瓦时 }", "\"electricity_kwh[2024-02]\": 51万千瓦时 }");
        String added = YamlEditor.apply(YAML, new FormEdit.TestFact(RULE, 0, "manufacturing", "true"));
        onlyReplaced(YAML, added, "\"electricity_kwh[2024-02]\": 50万千瓦时 }\n        expect: { status: eligible, amount: 10000 }",
                "\"electricity_kwh[2024-02]\": 50万千瓦时, manufacturing: true }\n        expect: { status: eligible, amount: 10000 }");
    }

    @Test
    void anAnsweredQuestionIsKeptAsAConfirmedComment() {
        String draft = "rules:\n  - id: x/1\n    # 待确认：付款方是哪一级财政？\n    measure: 1\n    # 待确认：是否免申即享？\n";
        String out = YamlEditor.apply(draft, new FormEdit.Answer(1, "是，条文写明免申即享"));
        assertThat(out).isEqualTo("rules:\n  - id: x/1\n    # 待确认：付款方是哪一级财政？\n    measure: 1\n"
                + "    # 已确认：是否免申即享？（答：是，条文写明免申即享）\n");
        assertThat(RuleEditing.openQuestions(out)).isEqualTo(1);
    }

    @Test
    void wrongInputIsRefusedInChineseAndTheTextIsNotTouched() {
        assertThatThrownBy(() -> YamlEditor.apply(YAML, new FormEdit.ParameterValue(RULE, "rate", "2024/01/10", "1元")))
                .isInstanceOf(EditRefused.class).hasMessageContaining("生效日期");
        assertThatThrownBy(() -> YamlEditor.apply(YAML, new FormEdit.ParameterValue(RULE, "nope", "", "1元")))
                .isInstanceOf(EditRefused.class).hasMessage("参数 nope 不存在");
        assertThatThrownBy(() -> YamlEditor.apply(YAML, new FormEdit.TestExpectation(RULE, 0, "eligible", "十元")))
                .isInstanceOf(EditRefused.class).hasMessageContaining("预期金额");
        assertThatThrownBy(() -> YamlEditor.apply("rules: [\n", new FormEdit.ParameterValue(RULE, "rate", "", "1元")))
                .isInstanceOf(EditRefused.class).hasMessageContaining("语法错误");
    }
}
