package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.FactValue;
import huiqi.facts.Facts;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.rules.plan.RulePlan;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Document scope (#17 item 5): conditions and lets written once under {@code scope:} apply to every rule of the file, before
 * the rule's own; a rule may use the scope's lets; a rule's let may not take a scope let's name.
 */
class DocumentScopeTest {
    @TempDir
    Path tmp;

    private static final String FILE = RuleFixture.header(2) + """
            scope:
              let:
                kwh_q1: { expr: "electricity_kwh[2024-Q1]", label: 2024年一季度用电量 }
              eligible:
                - { expr: "size in [\\"小型\\", \\"微型\\"]", label: 小微企业（适用于本文件各条） }
            rules:
              - id: test-1/1
                measure: 1
                title: 用电奖励
                quote: 按实际用电量给予0.02元/千瓦时的用电奖励
                kind: 奖补
                delivery: 免申即享
                payer: { level: 市级, department: 市财政局 }
                eligible:
                  - { expr: above_scale_industrial, label: 规上工业企业 }
                amount: kwh_q1 * 0.02元/千瓦时
              - id: test-1/2
                measure: 2
                title: 第二条
                quote: 按增量每千瓦时奖励0.2元
                kind: 奖补
                delivery: 免申即享
                payer: { level: 市级, department: 市财政局 }
                let:
                  base: { expr: "kwh_q1 * 0.2元/千瓦时", label: 一季度用电奖励 }
                amount: base
            """;

    private static EnterpriseRecord enterprise(String size) {
        Facts f = Facts.empty();
        f.put(new FactValue("electricity_kwh", Period.parse("2024-Q1"), new BigDecimal("100000"), Provenance.of("测试")));
        return new EnterpriseRecord(new Enterprise("X", "企业", "350102", "C3311", size,
                Map.of("above_scale_industrial", true)), f);
    }

    @Test
    void theScopeAppliesToEveryRuleBeforeItsOwnConditions() throws Exception {
        RuleFile file = new RuleFileLoader(RuleFixture.CATALOG).load(RuleFixture.write(tmp, FILE));
        assertThat(file.rules()).allSatisfy(r -> assertThat(r.conditions().get(0).label()).isEqualTo("小微企业（适用于本文件各条）"));
        Map<String, RuleResult> small = new Evaluator(RuleFixture.CATALOG).evaluateFile(file, enterprise("小型"), null, Overrides.NONE);
        assertThat(small.get("test-1/1").amount()).isEqualByComparingTo("2000");
        assertThat(small.get("test-1/2").amount()).isEqualByComparingTo("20000");
        Map<String, RuleResult> medium = new Evaluator(RuleFixture.CATALOG).evaluateFile(file, enterprise("中型"), null, Overrides.NONE);
        assertThat(medium.values()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Status.INELIGIBLE);
            assertThat(r.explanation()).anyMatch(l -> l.startsWith("✗ 小微企业（适用于本文件各条）"));
        });
        // a single rule's explanation is complete; a list of the document's rules can show the scope's line once
        RuleResult one = medium.get("test-1/1");
        assertThat(one.scopeExplanation()).singleElement().asString().startsWith("✗ 小微企业（适用于本文件各条）");
        assertThat(one.ownExplanation()).hasSize(one.explanation().size() - 1).doesNotContainAnyElementsOf(one.scopeExplanation());
        assertThat(huiqi.rules.eval.DocumentScopes.shownOnce(java.util.List.copyOf(medium.values())))
                .containsOnlyKeys(file.document());
        // the rule plan (interpreter and both SQL dialects) sees the scope's condition and let as the rule's own
        assertThat(RulePlan.of(java.util.List.of(file), null).steps()).allSatisfy(step ->
                assertThat(step.rule().lets().get(0).name()).isEqualTo("kwh_q1"));
    }

    @Test
    void aRuleCannotRedefineAScopeLetAndTheScopeTakesOnlyLetAndEligible() {
        assertThatThrownBy(() -> new RuleFileLoader(RuleFixture.CATALOG).load(RuleFixture.write(tmp,
                FILE.replace("  base: {", "  kwh_q1: {").replace("amount: base", "amount: kwh_q1 * 1元/千瓦时"))))
                .hasMessageContaining("中间值名 'kwh_q1' 与已有名字重复");
        assertThatThrownBy(() -> new RuleFileLoader(RuleFixture.CATALOG).load(RuleFixture.write(tmp,
                FILE.replace("scope:\n", "scope:\n  amount: 1元\n"))))
                .hasMessageContaining("amount");
    }
}
