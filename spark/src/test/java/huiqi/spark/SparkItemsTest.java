package huiqi.spark;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
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
}
