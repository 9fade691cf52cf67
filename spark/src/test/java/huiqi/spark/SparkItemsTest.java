package huiqi.spark;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleLibrary;
import huiqi.testdata.ExhibitionFixture;
import huiqi.testdata.HireFixture;
import huiqi.testdata.LoanFixture;
import huiqi.testdata.OrderedLoanFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Items (#17 item 1) on Spark local[2] and DuckDB over {@link LoanFixture}'s boundary population: every enterprise,
 * rule and payer to the fen (DuckDB ≡ interpreter is batch's ItemsDifferentialTest).
 */
class SparkItemsTest {
    private static final IndicatorCatalog CATALOG = RuleLibrary.catalog();

    @TempDir
    Path dir;

    @Test
    void loansAgreeWithDuckDb() throws Exception {
        List<RuleFile> rules = List.of(new RuleFileLoader(LoanFixture.CATALOG).load(LoanFixture.writeRules(dir)));
        Path data = dir.resolve("data");
        int n = 400;
        LoanFixture.generate(data, n, 2026);
        SparkSession spark = SparkSessions.create("local[2]");
        try {
            BatchOptions options = BatchOptions.defaults().withAsOf(LocalDate.of(2020, 6, 1));
            try (BatchRunner duck = BatchRunner.open(data, LoanFixture.CATALOG, rules, options);
                 SparkBatchRunner s = SparkBatchRunner.open(spark, data.toString(), LoanFixture.CATALOG, rules, options)) {
                BatchResult d = duck.run(Overrides.NONE);
                BatchResult sr = s.run(Overrides.NONE);
                SameRows.assertSame(duck, d, s, sr, n);
                assertThat(sr.rules()).isEqualTo(d.rules());
                assertThat(d.rules()).allMatch(r -> r.eligible() > 0);
            }
        } finally {
            spark.stop();
        }
    }

    /** Ordered loops and sum_before: Spark's window over the items table orders like DuckDB's (ties by item id). */
    @Test
    void newestLoansAgreeWithDuckDb() throws Exception {
        List<RuleFile> rules = List.of(new RuleFileLoader(OrderedLoanFixture.CATALOG).load(OrderedLoanFixture.writeRules(dir)));
        Path data = dir.resolve("ordered");
        int n = 320;
        OrderedLoanFixture.generate(data, n, 2027);
        SparkSession spark = SparkSessions.create("local[2]");
        try {
            BatchOptions options = BatchOptions.defaults().withAsOf(LocalDate.of(2023, 6, 1));
            try (BatchRunner duck = BatchRunner.open(data, OrderedLoanFixture.CATALOG, rules, options);
                 SparkBatchRunner s = SparkBatchRunner.open(spark, data.toString(), OrderedLoanFixture.CATALOG, rules, options)) {
                BatchResult d = duck.run(Overrides.NONE);
                BatchResult sr = s.run(Overrides.NONE);
                SameRows.assertSame(duck, d, s, sr, n);
                assertThat(sr.rules()).isEqualTo(d.rules());
                assertThat(d.rules()).allMatch(r -> r.eligible() > 0);
            }
        } finally {
            spark.stop();
        }
    }

    /**
     * The real rules that read items over their boundary populations (DuckDB ≡ interpreter: batch
     * RealItemRulesDifferentialTest): 鼓政办规〔2023〕1号 第14条 per person ({@link HireFixture}), 泉台管办发明电〔2024〕3号
     * 第24条 per exhibition and traveller ({@link ExhibitionFixture}).
     */
    @Test
    void realRulesReadingItemsAgreeWithDuckDb() throws Exception {
        agree(HireFixture.rules(), "gl-2023-1/14", data -> HireFixture.generate(data, 300, 2023));
        agree(ExhibitionFixture.rules(), "qt-2024-3/24-2", data -> ExhibitionFixture.generate(data, 300, 2024));
    }

    private interface Generate {
        void into(Path data) throws Exception;
    }

    private void agree(Path ruleFile, String ruleReadingItems, Generate generate) throws Exception {
        List<RuleFile> rules = List.of(new RuleFileLoader(CATALOG).load(ruleFile));
        Path data = dir.resolve(ruleReadingItems.replace('/', '_'));
        int n = 300;
        generate.into(data);
        SparkSession spark = SparkSessions.create("local[2]");
        try {
            BatchOptions options = BatchOptions.defaults();
            try (BatchRunner duck = BatchRunner.open(data, CATALOG, rules, options);
                 SparkBatchRunner s = SparkBatchRunner.open(spark, data.toString(), CATALOG, rules, options)) {
                BatchResult d = duck.run(Overrides.NONE);
                BatchResult sr = s.run(Overrides.NONE);
                SameRows.assertSame(duck, d, s, sr, n);
                assertThat(sr.rules()).isEqualTo(d.rules());
                assertThat(d.rules()).anyMatch(r -> r.ruleId().equals(ruleReadingItems) && r.eligible() > 0);
            }
        } finally {
            spark.stop();
        }
    }
}
