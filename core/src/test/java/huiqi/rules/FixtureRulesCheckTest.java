package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.TestRunner;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleLibrary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The differential-test rule files (testdata/rules: lang-v2, stock, period) load and pass their own examples, as policies/ does:
 * the differential tests only compare the engines with each other, so a fixture rule that computes the wrong thing in
 * all of them would otherwise go unnoticed.
 */
class FixtureRulesCheckTest {
    @Test
    void everyFixtureRuleFilePassesItsExamples() {
        IndicatorCatalog catalog = RuleLibrary.catalog();
        RuleLibrary.Loaded loaded = RuleLibrary.load(PoliciesCheckTest.repoRoot().resolve("testdata/rules"), catalog);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.files()).extracting(RuleFile::docId).contains("lang-v2", "stock", "period", "kinds");
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
        assertThat(passed).isGreaterThanOrEqualTo(20);
    }
}
