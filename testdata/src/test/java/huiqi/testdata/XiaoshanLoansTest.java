package huiqi.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleLibrary;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The generator's 萧山 enterprises (not the boundary scenarios) meet xs-2023-13/1 on every side: a subsidy below the
 * cap, the 100万元 cap, no increase or not 规上 (ineligible), and a missing fact (undeterminable).
 */
class XiaoshanLoansTest {
    private static final int POPULATION = 60_000;

    @Test
    void ordinaryXiaoshanEnterprisesMeetTheLoanSubsidyOnEverySide() throws IOException {
        Path catalogFile = IndicatorCatalog.locate(Path.of(""));
        IndicatorCatalog catalog = IndicatorCatalog.load(catalogFile);
        List<RuleFile> xs = RuleLibrary.load(catalogFile.getParent().resolve("policies"), catalog).files().stream()
                .filter(f -> f.docId().equals("xs-2023-13")).toList();
        assertThat(xs).hasSize(1);
        PopulationGenerator g = new PopulationGenerator(2024, catalog, new DocumentedBoundaries());
        Evaluator evaluator = new Evaluator(catalog);
        BigDecimal cap = new BigDecimal("1000000");
        Map<String, Integer> seen = new TreeMap<>();
        for (int i = 0; i < POPULATION; i++) {
            if (g.scenarioOf(i) != null) {
                continue;
            }
            EnterpriseRecord e = g.record(i);
            if (!e.profile().regionCode().equals("330109")) {
                continue;
            }
            RuleResult r = evaluator.evaluate(xs, e, null, Overrides.NONE).results().stream()
                    .filter(x -> x.ruleId().equals("xs-2023-13/1")).findFirst().orElseThrow();
            String kind = r.status().json();
            if (kind.equals("eligible")) {
                assertThat(r.amount()).isPositive().isLessThanOrEqualTo(cap);
                kind = r.amount().compareTo(cap) == 0 ? "cap" : "below cap";
            }
            seen.merge(kind, 1, Integer::sum);
        }
        System.out.println("萧山 xs-2023-13/1 over " + POPULATION + " enterprises: " + seen);
        assertThat(seen).containsKeys("below cap", "cap", "ineligible", "undeterminable");
    }
}
