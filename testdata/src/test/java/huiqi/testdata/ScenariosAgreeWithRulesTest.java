package huiqi.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.eval.Evaluation;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generator's promise, checked with the real interpreter: every scenario enterprise of an encoded rule
 * gets exactly the status its scenario says, and cap scenarios stop at the cap.
 */
class ScenariosAgreeWithRulesTest {

    @Test
    void everyScenarioOfAnEncodedRuleGetsItsExpectedStatus() throws IOException {
        Path catalogFile = IndicatorCatalog.locate(Path.of(""));
        IndicatorCatalog catalog = IndicatorCatalog.load(catalogFile);
        RuleLibrary.Loaded loaded = RuleLibrary.load(catalogFile.getParent().resolve("policies"), catalog);
        assertThat(loaded.problems()).isEmpty();
        List<RuleFile> files = loaded.files();
        Set<String> encoded = files.stream().flatMap(f -> f.rules().stream()).map(r -> r.id()).collect(Collectors.toSet());

        PopulationGenerator g = new PopulationGenerator(2024, catalog, new DocumentedBoundaries());
        Evaluator evaluator = new Evaluator(catalog);
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        Set<String> matched = new java.util.TreeSet<>();
        for (int i = 0; i < g.scenarios().size(); i++) {
            Scenario s = g.scenarioOf(i);
            String ruleId = s.boundary().ruleId();
            if (!encoded.contains(ruleId)) {
                continue;
            }
            EnterpriseRecord e = g.record(i);
            Evaluation ev = evaluator.evaluate(files, e, null, Overrides.NONE);
            RuleResult r = ev.results().stream().filter(x -> x.ruleId().equals(ruleId)).findFirst().orElseThrow();
            String label = ruleId + " " + s.boundary().description() + " " + s.boundaryCase().id();
            checked.add(label);
            if (r.status().json().equals("eligible")) {
                matched.add(ruleId);
            }
            if (!r.status().json().equals(s.expected())) {
                wrong.add(label + ": 应为 " + s.expected() + "，实为 " + r.status().json() + " " + r.explanation() + " 缺 " + r.missing());
            }
            if (s.boundary().kind() == Boundary.Kind.CAP && r.amount() != null) {
                BigDecimal cap = s.boundary().parameters().get("cap");
                assertThat(r.amount()).as(label).isLessThanOrEqualTo(cap);
                if (s.boundaryCase() == BoundaryCase.AT_THRESHOLD || s.boundaryCase() == BoundaryCase.ELIGIBLE) {
                    assertThat(r.amount()).as(label).isEqualByComparingTo(cap);
                }
                if (s.boundaryCase() == BoundaryCase.JUST_BELOW) {
                    assertThat(r.amount()).as(label).isLessThan(cap);
                }
            }
        }
        assertThat(wrong).as("scenario enterprises whose status differs from the scenario").isEmpty();
        // fz-2024-2/6 and /7 are encoded on main: their 20 scenarios at least were evaluated
        assertThat(checked).hasSizeGreaterThanOrEqualTo(20);
        // and every encoded rule has scenarios: a newly encoded rule needs its boundaries in DocumentedBoundaries
        Set<String> withScenarios = g.scenarios().stream().map(s -> s.boundary().ruleId()).collect(Collectors.toSet());
        assertThat(withScenarios).as("encoded rules without generator boundaries").containsAll(encoded);
        // the scenarios come first in every population (the demo's 3,000 enterprises of seed 2024 among them): each
        // encoded rule, those of yl-2022-1, pt-2023-1 and qz-2023-1 too, has enterprises that match it
        assertThat(matched).as("encoded rules no scenario enterprise matches").containsExactlyInAnyOrderElementsOf(encoded);
    }
}
