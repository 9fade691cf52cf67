package huiqi.web.batch;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleLibrary;
import huiqi.testdata.DocumentedBoundaries;
import huiqi.testdata.PopulationGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Timing harness of the store step's Parquet write (not part of the suite): {@code -Dhuiqi.store-timing=100000}
 * generates that many enterprises once under {@code huiqi.store-timing-dir} (default /tmp), runs the batch with the
 * platform's DuckDB settings (1 thread, 2GB) and times {@link BatchResultStore#writeFile} and the CSV for PostgreSQL.
 */
@EnabledIfSystemProperty(named = "huiqi.store-timing", matches = "[0-9]+")
class StoreTimingTest {
    @Test
    void timesTheStoreStep() throws Exception {
        int n = Integer.parseInt(System.getProperty("huiqi.store-timing"));
        Path root = Path.of(System.getProperty("huiqi.store-timing-dir", "/tmp")).resolve("store-timing-" + n);
        IndicatorCatalog catalog = RuleLibrary.catalog();
        RuleLibrary.Loaded rules = RuleLibrary.load(IndicatorCatalog.locate(Path.of("")).getParent().resolve("policies"), catalog);
        if (!Files.isDirectory(root.resolve("data"))) {
            long t = System.nanoTime();
            new PopulationGenerator(21, catalog, new DocumentedBoundaries()).generate(n, root.resolve("data"), null);
            System.out.printf("generated %d enterprises in %d ms%n", n, (System.nanoTime() - t) / 1_000_000);
        }
        BatchOptions options = new BatchOptions(null, "2GB", 1, null).withSpill(root.resolve("spill"));
        try (BatchRunner runner = BatchRunner.open(root.resolve("data"), catalog, rules.files(), options);
             Statement s = runner.connection().createStatement()) {
            BatchResult base = runner.run(Overrides.NONE);
            for (int i = 0; i < 3; i++) {
                Path file = root.resolve("run.parquet");
                Files.deleteIfExists(file);
                long t = System.nanoTime();
                BatchResultStore.writeFile(s, 1, base, null, List.of(), file);
                long parquet = (System.nanoTime() - t) / 1_000_000;
                t = System.nanoTime();
                Path csv = root.resolve("rows.csv");
                s.execute(BatchResultStore.pgRowsCopy(1, file, csv));
                long csvMs = (System.nanoTime() - t) / 1_000_000;
                long rows;
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet(" + BatchResultStore.literal(file) + ")")) {
                    rs.next();
                    rows = rs.getLong(1);
                }
                System.out.printf("store-timing %d: parquet %d ms (%d rows, %d bytes), csv %d ms (%d bytes)%n", i, parquet, rows,
                        Files.size(file), csvMs, Files.size(csv));
                assertThat(rows).isEqualTo((long) base.enterprises() * base.rules().size());
            }
        }
    }
}
