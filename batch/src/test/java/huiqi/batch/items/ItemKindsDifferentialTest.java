package huiqi.batch.items;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.duck.TestPopulation;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.testdata.ItemKindsFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contracts, projects and guarantees (#17 item 1): the interpreter and DuckDB agree to the fen on every rule of
 * testdata/rules/kinds over {@link ItemKindsFixture}'s boundary population (per-item caps, the enterprise cap, a key
 * table and a band table read with an item's field, the fee-rate division, a progressive split of the guarantee amount,
 * lists not given, empty or missing a field).
 */
class ItemKindsDifferentialTest {
    @TempDir
    Path dir;

    @Test
    void contractsProjectsAndGuaranteesAgreeAtEveryBoundary() throws Exception {
        int n = 450;
        Map<String, Long> outcomes = compare(dir, ItemKindsFixture.generate(dir, n, 17), n);
        for (String rule : List.of("kinds/1", "kinds/2", "kinds/3", "kinds/4")) {
            // a list not given or missing a field, a list declared empty or with nothing counted (0), and some paid
            assertThat(outcomes).containsKeys(rule + " eligible", rule + " undeterminable", rule + " 0");
            assertThat(outcomes.get(rule + " eligible")).isGreaterThan(outcomes.get(rule + " 0"));
        }
        // the enterprise caps are reached
        assertThat(outcomes).containsKeys("kinds/1 300000", "kinds/3 200000");
        // one project at its cap, and contracts of 0.01元 whose half (0.005元) rounds up to the fen
        assertThat(outcomes).containsKeys("kinds/2 1000000", "kinds/1 0.01");
    }

    /** The same lists as items.parquet (with the Chinese headers) instead of items.csv: the same results. */
    @Test
    void itemsFromParquetAgreeLikeCsv() throws Exception {
        int n = 180;
        Path csv = dir.resolve("csv");
        var records = ItemKindsFixture.generate(csv, n, 18);
        Path parquet = dir.resolve("parquet");
        Files.createDirectories(parquet);
        for (String f : List.of("profiles.csv", "facts.csv")) {
            Files.copy(csv.resolve(f), parquet.resolve(f));
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT uscc AS 统一社会信用代码, kind AS 清单, item_id AS 编号, field AS 字段, value AS 值 FROM read_csv('"
                    + csv.resolve("items.csv") + "', all_varchar = true)) TO '" + parquet.resolve("items.parquet") + "' (FORMAT parquet)");
        }
        Map<String, Long> fromCsv = compare(csv, records, n);
        Map<String, Long> fromParquet = compare(parquet, records, n);
        assertThat(fromParquet).isEqualTo(fromCsv);
        assertThat(fromParquet).containsKeys("kinds/3 eligible", "kinds/3 undeterminable");
    }

    /** Every rule of testdata/rules/kinds for every enterprise of {@code data}, interpreter against DuckDB; counts outcomes. */
    private static Map<String, Long> compare(Path data, Map<String, EnterpriseRecord> records, int n) throws Exception {
        List<RuleFile> rules = List.of(new RuleFileLoader(TestPopulation.CATALOG).load(ItemKindsFixture.rules()));
        assertThat(rules.get(0).rules()).hasSize(4);
        LocalDate asOf = LocalDate.of(2025, 6, 1);
        Map<String, Long> outcomes = new HashMap<>();
        try (BatchRunner b = BatchRunner.open(data, TestPopulation.CATALOG, rules, BatchOptions.defaults().withAsOf(asOf))) {
            BatchResult r = b.run(Overrides.NONE);
            int compared = InterpreterVsSql.compare(b, r, new Evaluator(TestPopulation.CATALOG), rules, records, asOf, row -> {
                outcomes.merge(row.ruleId() + " " + row.status(), 1L, Long::sum);
                if (row.amount() != null) {
                    outcomes.merge(row.ruleId() + " " + row.amount().stripTrailingZeros().toPlainString(), 1L, Long::sum);
                }
            });
            assertThat(compared).isEqualTo(rules.get(0).rules().size() * n);
        }
        return outcomes;
    }
}
