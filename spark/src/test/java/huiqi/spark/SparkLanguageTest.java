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
import huiqi.testdata.LanguageFixture;
import huiqi.testdata.PopulationGenerator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule-language v2 fixture (tables, unpublished parameter, open and event-ended validity) on Spark local[2]
 * and DuckDB over the same population straddling every band bound: every enterprise, rule and payer to the fen,
 * on each evaluation date of {@link LanguageFixture#AS_OF}. (DuckDB ≡ interpreter is batch's LanguageDifferentialTest.)
 */
class SparkLanguageTest {
    static final long N = Long.getLong("huiqi.spark.n", 20_000) / 4;
    static final IndicatorCatalog CATALOG = RuleLibrary.catalog();

    @TempDir
    static Path dir;
    static List<RuleFile> rules;
    static SparkSession spark;
    static Path data;

    @BeforeAll
    static void generate() throws Exception {
        rules = List.of(new RuleFileLoader(CATALOG).load(LanguageFixture.rules()));
        data = dir.resolve("data");
        new PopulationGenerator(20241206L, CATALOG, new LanguageFixture()).generate(N, data, null);
        spark = SparkSessions.create("local[2]");
    }

    @AfterAll
    static void close() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void everyConstructAgreesOnEveryEvaluationDate() throws Exception {
        for (LocalDate asOf : LanguageFixture.AS_OF) {
            BatchOptions options = BatchOptions.defaults().withAsOf(asOf);
            try (BatchRunner duck = BatchRunner.open(data, CATALOG, rules, options);
                 SparkBatchRunner s = SparkBatchRunner.open(spark, data.toString(), CATALOG, rules, options)) {
                BatchResult d = duck.run(Overrides.NONE);
                BatchResult sr = s.run(Overrides.NONE);
                SameRows.assertSame(duck, d, s, sr, N);
                assertThat(sr.rules()).as("按规则汇总（" + asOf + "）").isEqualTo(d.rules());
            }
        }
    }
}
