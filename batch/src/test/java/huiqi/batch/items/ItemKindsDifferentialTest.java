package huiqi.batch.items;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.duck.TestPopulation;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.testdata.ItemKindsFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contracts, projects and guarantees (#17 item 1): the interpreter and DuckDB agree to the fen on every rule of
 * testdata/rules/kinds over {@link ItemKindsFixture}'s boundary population (per-item caps, the enterprise cap, a key
 * table and a band table read with an item's field, the fee-rate division, lists not given, empty or missing a field).
 */
class ItemKindsDifferentialTest {
    @TempDir
    Path dir;

    @Test
    void contractsProjectsAndGuaranteesAgreeAtEveryBoundary() throws Exception {
        List<RuleFile> rules = List.of(new RuleFileLoader(TestPopulation.CATALOG).load(ItemKindsFixture.rules()));
        int n = 450;
        var records = ItemKindsFixture.generate(dir, n, 17);
        LocalDate asOf = LocalDate.of(2025, 6, 1);
        Map<String, Long> outcomes = new HashMap<>();
        try (BatchRunner b = BatchRunner.open(dir, TestPopulation.CATALOG, rules, BatchOptions.defaults().withAsOf(asOf))) {
            BatchResult r = b.run(Overrides.NONE);
            int compared = InterpreterVsSql.compare(b, r, new Evaluator(TestPopulation.CATALOG), rules, records, asOf, row -> {
                outcomes.merge(row.ruleId() + " " + row.status(), 1L, Long::sum);
                if (row.amount() != null) {
                    outcomes.merge(row.ruleId() + " " + row.amount().stripTrailingZeros().toPlainString(), 1L, Long::sum);
                }
            });
            assertThat(compared).isEqualTo(3 * n);
        }
        for (String rule : List.of("kinds/1", "kinds/2", "kinds/3")) {
            // a list not given or missing a field, a list declared empty or with nothing counted (0), and some paid
            assertThat(outcomes).containsKeys(rule + " eligible", rule + " undeterminable", rule + " 0");
            assertThat(outcomes.get(rule + " eligible")).isGreaterThan(outcomes.get(rule + " 0"));
        }
        // the enterprise caps are reached
        assertThat(outcomes).containsKeys("kinds/1 300000", "kinds/3 200000");
        // one project at its cap, and contracts of 0.01元 whose half (0.005元) rounds up to the fen
        assertThat(outcomes).containsKeys("kinds/2 1000000", "kinds/1 0.01");
    }
}
