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
import huiqi.testdata.PopulationGenerator;
import huiqi.testdata.PeriodFixture;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * days() of a leap February and of a window across the year end, avg() of a flow (one fen around the threshold) and of
 * a stock over a quarter, on Spark local[2] and DuckDB over a population straddling every threshold: every enterprise,
 * rule and payer to the fen. (DuckDB ≡ interpreter is batch's PeriodDifferentialTest.)
 */
class SparkPeriodTest {
    static final long N = Long.getLong("huiqi.spark.n", 20_000) / 10;
    static final IndicatorCatalog CATALOG = RuleLibrary.catalog();

    @TempDir
    static Path dir;
    static List<RuleFile> rules;
    static SparkSession spark;
    static Path data;

    @BeforeAll
    static void generate() throws Exception {
        rules = List.of(new RuleFileLoader(CATALOG).load(PeriodFixture.rules()));
        data = dir.resolve("data");
        new PopulationGenerator(20261207L, CATALOG, new PeriodFixture()).generate(N, data, null);
        spark = SparkSessions.create("local[2]");
    }

    @AfterAll
    static void close() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void daysAndAveragesAgree() throws Exception {
        BatchOptions options = BatchOptions.defaults();
        try (BatchRunner duck = BatchRunner.open(data, CATALOG, rules, options);
             SparkBatchRunner s = SparkBatchRunner.open(spark, data.toString(), CATALOG, rules, options)) {
            BatchResult d = duck.run(Overrides.NONE);
            BatchResult sr = s.run(Overrides.NONE);
            SameRows.assertSame(duck, d, s, sr, N);
            assertThat(sr.rules()).isEqualTo(d.rules());
            assertThat(d.rules()).hasSize(4).allSatisfy(r -> assertThat(r.eligible()).isPositive());
        }
    }
}
