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

/** The rule files waiting in policies-staging/ load, type-check, match their source and pass their examples. */
class StagedPoliciesCheckTest {

    @Test
    void everyStagedRuleFileLoadsAndPassesItsTests() {
        IndicatorCatalog catalog = RuleLibrary.catalog();
        RuleLibrary.Loaded loaded = RuleLibrary.load(PoliciesCheckTest.repoRoot().resolve("policies-staging"), catalog);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.files()).extracting(RuleFile::docId).containsExactly("xs-2023-13");
        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (RuleFile f : loaded.files()) {
            for (TestRunner.Outcome o : TestRunner.run(f, new Evaluator(catalog))) {
                if (o.passed()) {
                    passed++;
                } else {
                    failures.add(o.pos() + " " + o.name() + ": " + o.failures());
                }
            }
        }
        assertThat(failures).isEmpty();
        // xs-2023-13's 17 examples; cx-2023-1's 10 run in policies/ since it moved (hs-2023-5 encodes no rule)
        assertThat(passed).isEqualTo(17);
    }
}
