package huiqi.spark;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.rules.file.RuleLibrary;
import huiqi.testdata.ItemKindsFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contracts, projects and guarantees (#17 item 1) on Spark local[2] and DuckDB over {@link ItemKindsFixture}'s boundary
 * population: every enterprise and rule of testdata/rules/kinds to the fen (DuckDB ≡ interpreter is batch's
 * ItemKindsDifferentialTest).
 */
class SparkItemKindsTest {
    private static final IndicatorCatalog CATALOG = RuleLibrary.catalog();

    @TempDir
    Path dir;

    @Test
    void contractsProjectsAndGuaranteesAgreeWithDuckDb() throws Exception {
        List<RuleFile> rules = List.of(new RuleFileLoader(CATALOG).load(ItemKindsFixture.rules()));
        Path data = dir.resolve("data");
        int n = 270;
        ItemKindsFixture.generate(data, n, 2024);
        SparkSession spark = SparkSessions.create("local[2]");
        try {
            BatchOptions options = BatchOptions.defaults().withAsOf(LocalDate.of(2025, 6, 1));
            try (BatchRunner duck = BatchRunner.open(data, CATALOG, rules, options);
                 SparkBatchRunner s = SparkBatchRunner.open(spark, data.toString(), CATALOG, rules, options)) {
                BatchResult d = duck.run(Overrides.NONE);
                BatchResult sr = s.run(Overrides.NONE);
                SameRows.assertSame(duck, d, s, sr, n);
                assertThat(sr.rules()).isEqualTo(d.rules());
                assertThat(d.rules()).hasSize(4).allMatch(r -> r.eligible() > 0);
            }
        } finally {
            spark.stop();
        }
    }
}
