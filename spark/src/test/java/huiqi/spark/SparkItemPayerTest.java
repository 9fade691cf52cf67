package huiqi.spark;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.testdata.LeaseFixture;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * months() and borne_by (#17) on Spark local[2] and DuckDB over {@link LeaseFixture}'s boundary population: every
 * enterprise and rule to the fen, and the parts per lessor row for row (DuckDB ≡ interpreter is batch's
 * ItemPayerDifferentialTest).
 */
class SparkItemPayerTest {
    @TempDir
    Path dir;

    @Test
    void leasesAndTheirPartsAgreeWithDuckDb() throws Exception {
        List<RuleFile> rules = List.of(new RuleFileLoader(LeaseFixture.CATALOG).load(LeaseFixture.writeRules(dir)));
        Path data = dir.resolve("data");
        int n = 360;
        LeaseFixture.generate(data, n, 2026);
        SparkSession spark = SparkSessions.create("local[2]");
        try {
            BatchOptions options = BatchOptions.defaults().withAsOf(LocalDate.of(2023, 6, 1));
            try (BatchRunner duck = BatchRunner.open(data, LeaseFixture.CATALOG, rules, options);
                 SparkBatchRunner s = SparkBatchRunner.open(spark, data.toString(), LeaseFixture.CATALOG, rules, options)) {
                BatchResult d = duck.run(Overrides.NONE);
                BatchResult sr = s.run(Overrides.NONE);
                SameRows.assertSame(duck, d, s, sr, n);
                assertThat(sr.rules()).isEqualTo(d.rules());
                List<String> duckParts = new ArrayList<>();
                try (Statement st = duck.connection().createStatement(); ResultSet rs = st.executeQuery(duck.partsQuery(d))) {
                    while (rs.next()) {
                        duckParts.add(rs.getString("uscc") + " " + rs.getString("rule_id") + " " + rs.getString("bearer") + " "
                                + rs.getBigDecimal("amount").toPlainString() + " " + rs.getLong("items"));
                    }
                }
                List<String> sparkParts = new ArrayList<>();
                for (Row r : spark.sql(s.partsQuery(sr)).collectAsList()) {
                    sparkParts.add(r.getAs("uscc") + " " + r.getAs("rule_id") + " " + r.getAs("bearer") + " "
                            + ((BigDecimal) r.getAs("amount")).toPlainString() + " " + ((Number) r.getAs("items")).longValue());
                }
                assertThat(duckParts).isNotEmpty();
                assertThat(sparkParts).isEqualTo(duckParts);
            }
        } finally {
            spark.stop();
        }
    }
}
