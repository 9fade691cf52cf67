package huiqi.rules;

import huiqi.rules.file.RuleLibrary;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.TestRunner;
import huiqi.rules.file.RuleFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rule file in the repository loads, type-checks, matches its source and passes its examples. */
public class PoliciesCheckTest {
    public static Path repoRoot() {
        return IndicatorCatalog.locate(Path.of("")).getParent();
    }

    @Test
    void everyRuleFileLoadsAndPassesItsTests() {
        IndicatorCatalog catalog = RuleLibrary.catalog();
        RuleLibrary.Loaded loaded = RuleLibrary.load(repoRoot().resolve("policies"), catalog);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.files()).extracting(RuleFile::docId).contains("fz-2024-2");
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
