package huiqi.rules;

import huiqi.rules.file.RuleLibrary;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.TestRunner;
import huiqi.rules.file.RuleFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule files waiting in policies-staging/ load, type-check, match their source and pass their examples. No document
 * is staged now (xs-2023-13, the last one, moved into policies/): the folder still loads, and holds no rule file.
 */
class StagedPoliciesCheckTest {

    @Test
    void everyStagedRuleFileLoadsAndPassesItsTests() {
        IndicatorCatalog catalog = RuleLibrary.catalog();
        RuleLibrary.Loaded loaded = RuleLibrary.load(PoliciesCheckTest.repoRoot().resolve("policies-staging"), catalog);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.files()).isEmpty();
        assertThat(failures(loaded.files(), catalog)).isEmpty();
    }

    @Test
    void theLastStagedDocumentPassesItsExamplesInPolicies() {
        IndicatorCatalog catalog = RuleLibrary.catalog();
        RuleLibrary.Loaded loaded = RuleLibrary.load(PoliciesCheckTest.repoRoot().resolve("policies"), catalog);
        assertThat(loaded.problems()).isEmpty();
        List<RuleFile> moved = loaded.files().stream().filter(f -> f.docId().equals("xs-2023-13")).toList();
        assertThat(moved).hasSize(1);
        assertThat(failures(moved, catalog)).isEmpty();
        // xs-2023-13's 17 examples, staged until it moved, all run and pass
        assertThat(TestRunner.run(moved.get(0), new Evaluator(catalog))).hasSize(17).allMatch(TestRunner.Outcome::passed);
    }

    private static List<String> failures(List<RuleFile> files, IndicatorCatalog catalog) {
        List<String> failures = new ArrayList<>();
        for (RuleFile f : files) {
            for (TestRunner.Outcome o : TestRunner.run(f, new Evaluator(catalog))) {
                if (!o.passed()) {
                    failures.add(o.pos() + " " + o.name() + ": " + o.failures());
                }
            }
        }
        return failures;
    }
}
