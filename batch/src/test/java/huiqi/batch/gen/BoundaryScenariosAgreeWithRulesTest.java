package huiqi.batch.gen;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.RuleLibrary;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every boundary scenario the generator places on a side of an encoded rule's threshold gets, from the
 * interpreter running the real policies/&#42;/rules.yaml, exactly the status the boundary table says: so the
 * probes set the facts the rules actually read, and the rules put the boundary where the clause puts it.
 */
class BoundaryScenariosAgreeWithRulesTest {

    @Test
    void everyScenarioOfAnEncodedRuleGetsItsExpectedStatus() throws IOException {
        Path root = IndicatorCatalog.locate(Path.of("")).getParent();
        IndicatorCatalog catalog = IndicatorCatalog.load(root.resolve("indicators.yaml"));
        RuleLibrary.Loaded loaded = RuleLibrary.load(root.resolve("policies"), catalog);
        assertThat(loaded.problems()).isEmpty();
        Set<String> encoded = loaded.files().stream().flatMap(f -> f.rules().stream()).map(r -> r.id())
                .collect(Collectors.toSet());
        Evaluator evaluator = new Evaluator(catalog);
        PopulationGenerator generator = new PopulationGenerator(42, catalog, new DocumentedBoundaries());

        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < generator.scenarios().size(); i++) {
            Scenario s = generator.scenarioOf(i);
            String ruleId = s.boundary().ruleId();
            if (!encoded.contains(ruleId)) {
                continue;
            }
            EnterpriseRecord record = generator.record(i);
            RuleResult r = evaluator.evaluate(loaded.files(), record, null, Overrides.NONE).results().stream()
                    .filter(x -> x.ruleId().equals(ruleId)).findFirst().orElseThrow();
            compared++;
            if (!r.status().json().equals(s.expected())) {
                disagreements.add(ruleId + " 「" + s.boundary().description() + "」 " + s.boundaryCase().id()
                        + "：应为 " + s.expected() + "，实为 " + r.status().json() + " " + r.missing() + " "
                        + String.join(" / ", r.explanation()));
            }
        }
        assertThat(disagreements).isEmpty();
        // the fz, qt and gl boundaries of encoded rules were all compared (6 cases each, 4 for a cap)
        assertThat(compared).isGreaterThanOrEqualTo(60);
    }
}
