package huiqi.web.rules.editor;

import static huiqi.web.rules.editor.EditorFixtures.POLICY;
import static huiqi.web.rules.editor.EditorFixtures.SOURCE;
import static huiqi.web.rules.editor.EditorFixtures.YAML;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The form's structural edits: a parameter, a derived value and a whole rule added; a rule taken out. */
class YamlAdditionsTest {
    private static final String RULE = "fz-2024-2/7";

    private static RuleCheck check(String yaml) {
        return EditorFixtures.editing().check(POLICY, yaml, SOURCE);
    }

    @Test
    void aNewParameterIsAddedBesideTheRulesOthersAndCanBeUsedAtOnce() {
        String out = YamlEditor.apply(YAML, new FormEdit.NewParameter(RULE, "bonus", "2024-01-10", "1000元",
                "第7条“给予0.02元/千瓦时的用电奖励”", "附加奖励"));
        assertThat(out).isEqualTo(YAML.replace(
                "      cap: { values: { 2024-01-10: 30万元 }, source: 第7条“单家企业奖励最高不超过30万元”, label: 单家企业上限 }\n",
                "      cap: { values: { 2024-01-10: 30万元 }, source: 第7条“单家企业奖励最高不超过30万元”, label: 单家企业上限 }\n"
                        + "      bonus: { values: { 2024-01-10: 1000元 }, source: \"第7条“给予0.02元/千瓦时的用电奖励”\", label: 附加奖励 }\n"));
        assertThat(check(out).problems()).anyMatch(p -> p.message().contains("bonus") && p.severity().equals("警告"));
        String used = YamlEditor.apply(out, new FormEdit.Expression(RULE, "amount", -1, null, "feb_kwh * rate + bonus"));
        assertThat(check(used).loads()).isTrue();
        assertThat(check(used).problems()).noneMatch(p -> p.message().contains("bonus"));
    }

    @Test
    void aNewDerivedValueIsWrittenUnderLetAndTypeChecked() {
        String out = YamlEditor.apply(YAML, new FormEdit.NewLet(RULE, "jan_kwh", "electricity_kwh[2024-01]", "1月用电量"));
        assertThat(out).contains("      feb_kwh: { expr: \"electricity_kwh[2024-02]\", label: 2月用电量 }\n"
                + "      jan_kwh: { expr: \"electricity_kwh[2024-01]\", label: 1月用电量 }\n");
        assertThat(check(out).loads()).isTrue();
        String wrong = YamlEditor.apply(YAML, new FormEdit.NewLet(RULE, "gas", "gas_bill[2024-01]", null));
        assertThat(check(wrong).loads()).isFalse();
        assertThat(check(wrong).problems()).anyMatch(p -> p.message().contains("未知指标 'gas_bill'"));
    }

    @Test
    void namesAreCheckedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> YamlEditor.apply(YAML, new FormEdit.NewLet(RULE, "feb_kwh", "1", null)))
                .isInstanceOf(EditRefused.class).hasMessageContaining("feb_kwh 已在使用");
        assertThatThrownBy(() -> YamlEditor.apply(YAML, new FormEdit.NewParameter(RULE, "奖励", null, "1元", null, null)))
                .isInstanceOf(EditRefused.class).hasMessageContaining("只能用小写字母");
        assertThatThrownBy(() -> YamlEditor.apply(YAML, new FormEdit.NewParameter(RULE, "x", null, " ", null, null)))
                .isInstanceOf(EditRefused.class).hasMessageContaining("请填写参数值");
    }

    @Test
    void aWholeNewRuleIsAppendedWithItsQuoteAndTheCheckSaysWhatItStillNeeds() {
        String quote = "在省级财政奖励基础上,市、县级财政按照“榕升计划”奖补政策再给予奖励";
        String out = YamlEditor.apply(YAML, new FormEdit.NewRule(POLICY, 8, "新增纳统奖励", quote, "奖补", "申请"));
        assertThat(out).contains("  - id: fz-2024-2/8\n    measure: 8\n    title: 新增纳统奖励\n    quote: " + quote
                + "\n    kind: 奖补\n    delivery: 申请\n");
        RuleCheck c = check(out);
        assertThat(c.problems()).anyMatch(p -> p.message().contains("措施 8") || p.message().contains("第8条")
                || p.message().contains("measure 8") || p.message().contains("fz-2024-2/8"));
        String second = YamlEditor.apply(out, new FormEdit.NewRule(POLICY, 8, "再一条", quote, "奖补", "申请"));
        assertThat(second).contains("  - id: fz-2024-2/8-2\n");
        assertThatThrownBy(() -> YamlEditor.apply(YAML, new FormEdit.NewRule(POLICY, 28, "t", "q", "奖补", "申请")))
                .isInstanceOf(EditRefused.class).hasMessageContaining("第 1 至第 27 条");
    }

    @Test
    void aRuleTakenOutLeavesItsMeasureUnderUnencodedWithTheReason() {
        assertThatThrownBy(() -> YamlEditor.apply(YAML, new FormEdit.RemoveRule(RULE, " ")))
                .isInstanceOf(EditRefused.class).hasMessageContaining("请写明为什么不编码");
        String out = YamlEditor.apply(YAML, new FormEdit.RemoveRule(RULE, "用电奖励另行发文"));
        assertThat(out).doesNotContain("id: fz-2024-2/7").contains("id: fz-2024-2/6")
                .contains("  - { measure: 7, category: not-encodable, reason: \"用电奖励另行发文\" }\n");
        assertThat(out.substring(0, YAML.indexOf("  - id: fz-2024-2/7"))).isEqualTo(YAML.substring(0, YAML.indexOf("  - id: fz-2024-2/7")));
        RuleCheck c = check(out);
        assertThat(c.loads()).as(c.problems().toString()).isTrue();
    }
}
