package huiqi.batch.duck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.batch.run.BatchOptions;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.testdata.LoanFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** profiles / facts / items given as Parquet give the same results, item by item, as the same data given as CSV. */
class ParquetInputTest {
    @TempDir
    Path dir;

    @Test
    void parquetFilesIncludingItemsGiveTheSameResultsAsCsv() throws Exception {
        Path csv = dir.resolve("csv");
        Files.createDirectories(csv);
        List<RuleFile> rules = List.of(new RuleFileLoader(LoanFixture.CATALOG).load(LoanFixture.writeRules(dir)));
        LoanFixture.generate(csv, 150, 9);
        Path parquet = dir.resolve("parquet");
        Files.createDirectories(parquet);
        for (String name : List.of("profiles", "facts", "items")) {
            toParquet(csv.resolve(name + ".csv"), parquet.resolve(name + ".parquet"));
        }
        String fromCsv = results(csv, rules);
        assertThat(fromCsv.lines().count()).isGreaterThan(150);
        assertThat(results(parquet, rules)).isEqualTo(fromCsv);
    }

    @Test
    void itemsGivenBothAsCsvAndParquetAreRefused() throws Exception {
        Path data = dir.resolve("both");
        Files.createDirectories(data);
        List<RuleFile> rules = List.of(new RuleFileLoader(LoanFixture.CATALOG).load(LoanFixture.writeRules(dir)));
        LoanFixture.generate(data, 20, 3);
        toParquet(data.resolve("items.csv"), data.resolve("items.parquet"));
        assertThatThrownBy(() -> results(data, rules))
                .hasMessageContaining("items.csv")
                .hasMessageContaining("items.parquet")
                .hasMessageContaining("只能给一个");
    }

    private static void toParquet(Path csvFile, Path parquetFile) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM read_csv('" + csvFile + "', header = true, all_varchar = true)) TO '"
                    + parquetFile + "' (FORMAT PARQUET)");
        }
    }

    private static String results(Path data, List<RuleFile> rules) throws Exception {
        Path out = Files.createTempFile(data.getParent(), "out", ".csv");
        BatchOptions options = BatchOptions.defaults().withAsOf(LocalDate.of(2020, 6, 1));
        try (BatchRunner b = BatchRunner.open(data, LoanFixture.CATALOG, rules, options)) {
            b.write(b.run(Overrides.NONE), out, null);
        }
        return Files.readString(out);
    }
}
