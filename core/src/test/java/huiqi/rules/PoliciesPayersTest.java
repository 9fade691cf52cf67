package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.org.DocumentUnits;
import huiqi.org.PayerUnits;
import huiqi.org.UnitDirectory;
import huiqi.org.UnitResolver;
import huiqi.policy.PolicyDocument;
import huiqi.policy.PolicyLibrary;
import huiqi.rules.file.Payer;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every payer of the library's rule files names 组织目录 units in the context of its document's issuing government
 * (the platform refuses to publish a rule whose payer does not, docs/organisations.md).
 */
class PoliciesPayersTest {

    @Test
    void everyPayerOfThePublishedRuleFilesResolvesToDirectoryUnits() throws Exception {
        UnitResolver resolver = new UnitResolver(UnitDirectory.seed());
        Map<String, PolicyDocument> docs = PolicyLibrary.locate().loadAll();
        RuleLibrary.Loaded loaded = RuleLibrary.load(PoliciesCheckTest.repoRoot().resolve("policies"), RuleLibrary.catalog());
        List<String> unresolved = new ArrayList<>();
        int payers = 0;
        for (RuleFile f : loaded.files()) {
            for (Rule r : f.rules()) {
                for (Payer p : r.payers()) {
                    payers++;
                    PolicyDocument doc = docs.get(r.docId());
                    PayerUnits.Result units = PayerUnits.resolve(p.department(), doc == null ? null : DocumentUnits.issuer(doc), r.region(), resolver);
                    if (!units.resolved()) {
                        unresolved.add(r.id() + " " + p.label() + "：" + units.problem());
                    }
                }
            }
        }
        System.out.printf("规则文件付款方：%d 个，未能对应目录单位 %d 个%n", payers, unresolved.size());
        assertThat(payers).isPositive();
        assertThat(unresolved).isEmpty();
    }
}
