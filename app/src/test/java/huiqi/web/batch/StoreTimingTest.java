package huiqi.web.batch;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.batch.sql.Status;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleLibrary;
import huiqi.testdata.DocumentedBoundaries;
import huiqi.testdata.PopulationGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            for (int i = 0; i < Integer.getInteger("huiqi.store-timing-repeat", 3); i++) {
                Path file = root.resolve("run.parquet");
                Files.deleteIfExists(file);
                long t = System.nanoTime();
                BatchResultStore.writeFile(s, base, null, List.of(), file);
                long parquet = (System.nanoTime() - t) / 1_000_000;
                t = System.nanoTime();
                Path csv = root.resolve("rows.csv");
                s.execute(BatchResultStore.pgRowsCopy(1, file, ResultFileLayout.of(base), csv));
                long csvMs = (System.nanoTime() - t) / 1_000_000;
                long rows;
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet(" + BatchResultStore.literal(file) + ")")) {
                    rs.next();
                    rows = rs.getLong(1);
                }
                System.out.printf("store-timing %d: parquet %d ms (%d rows, %d bytes), csv %d ms (%d bytes)%n", i, parquet, rows,
                        Files.size(file), csvMs, Files.size(csv));
                assertThat(rows).isEqualTo((long) base.enterprises() * base.rules().size());
                if (!Boolean.getBoolean("huiqi.store-timing-split")) {
                    reads(file, base.rules().get(base.rules().size() / 2).ruleId());
                }
            }
            if (Boolean.getBoolean("huiqi.store-timing-split")) {
                split(s, base, root);
            }
        }
    }

    /** What the results table, the API and the export read: a filtered page, a deep page, every row. */
    private static void reads(Path file, String ruleId) {
        ResultFileReader reader = new ResultFileReader("256MB");
        long t = System.nanoTime();
        long total = reader.page(file, new ResultFilter(ruleId, "eligible", null), 1, 50).total();
        long rulePage = (System.nanoTime() - t) / 1_000_000;
        t = System.nanoTime();
        reader.page(file, new ResultFilter(null, null, null), 1000, 50);
        long deepPage = (System.nanoTime() - t) / 1_000_000;
        t = System.nanoTime();
        long[] all = {0};
        reader.each(file, new ResultFilter(null, null, null), r -> all[0] += r.ruleId().length());
        long each = (System.nanoTime() - t) / 1_000_000;
        System.out.printf("reads: rule+status page %d ms (%d rows), page 1000 %d ms, every row %d ms%n", rulePage, total,
                deepPage, each);
    }

    /**
     * Layout 1 against layout 2 alternately in one process (layout 1's query rebuilt from layout 2's: the constant
     * strings and the status words put back into each rule's struct), and what else the write spends on.
     */
    private static void split(Statement s, BatchResult base, Path root) throws Exception {
        String q = BatchResultStore.rowsQuery(base, null, List.of());
        Map<Integer, ResultFileLayout.RuleConstants> rules = new HashMap<>();
        ResultFileLayout.of(base).forEach(r -> rules.put(r.ruleNo(), r));
        Matcher m = Pattern.compile("'rule_no': CAST\\((\\d+) AS INTEGER\\)").matcher(q);
        StringBuilder withConstants = new StringBuilder();
        while (m.find()) {
            ResultFileLayout.RuleConstants r = rules.get(Integer.parseInt(m.group(1)));
            m.appendReplacement(withConstants, Matcher.quoteReplacement(m.group() + ", 'rule_id': " + text(r.ruleId())
                    + ", 'currency': " + text(r.currency()) + ", 'payer': " + text(r.payer()) + ", 'payer2': " + text(r.payer2())));
        }
        m.appendTail(withConstants);
        String layout1 = withConstants.toString()
                .replaceAll("'status': (e\\.\\w+)", Matcher.quoteReplacement("'status': ") + Status.text("$1"))
                .replace("'base_status': CAST(NULL AS TINYINT)", "'base_status': CAST(NULL AS VARCHAR)")
                .replace("SELECT uscc, name, region_code, x.rule_no, x.status, x.amount, x.payer_amount,", "SELECT CAST(1 AS BIGINT) AS run_id, uscc, name, region_code, x.rule_no, x.rule_id, x.status, x.amount, x.currency, "
                        + "x.payer, x.payer_amount, x.payer2,");
        String noNames = q.replace("SELECT uscc, name, region_code,", "SELECT uscc,").replace("e.uscc, e.name, e.region_code,", "e.uscc,");
        String enterprises = q.substring(q.indexOf(") AS x FROM (") + ") AS x FROM (".length(), q.lastIndexOf(") AS e) AS expanded"));
        for (int i = 0; i < 4; i++) {
            time(s, "layout 1 (constants on every row), zstd", "COPY (" + layout1 + ") TO '" + root.resolve("l1.parquet") + "' (FORMAT parquet, COMPRESSION zstd)");
            time(s, "layout 2, zstd", "COPY (" + q + ") TO '" + root.resolve("l2.parquet") + "' (FORMAT parquet, COMPRESSION zstd)");
            time(s, "layout 2 without name/region, zstd", "COPY (" + noNames + ") TO '" + root.resolve("n.parquet") + "' (FORMAT parquet, COMPRESSION zstd)");
            time(s, "layout 2, uncompressed", "COPY (" + q + ") TO '" + root.resolve("u.parquet") + "' (FORMAT parquet, COMPRESSION uncompressed)");
            time(s, "enterprises only (sort, 1 row each)", "COPY (" + enterprises + ") TO '" + root.resolve("e.parquet") + "' (FORMAT parquet, COMPRESSION zstd)");
        }
        s.execute("SET preserve_insertion_order = false");
        String rule = base.rules().get(base.rules().size() / 2).ruleId();
        ResultFileReader reader = new ResultFileReader("256MB");
        ResultFilter all = new ResultFilter(null, null, null);
        assertThat(reader.page(root.resolve("l1.parquet"), all, 3, 500).rows()).as("layout 1 rebuilt faithfully")
                .isEqualTo(reader.page(root.resolve("run.parquet"), all, 3, 500).rows());
        for (int i = 0; i < 2; i++) {
            System.out.print("split reads layout 1: ");
            reads(root.resolve("l1.parquet"), rule);
            System.out.print("split reads layout 2: ");
            reads(root.resolve("run.parquet"), rule);
        }
    }

    private static String text(String v) {
        return v == null ? "CAST(NULL AS VARCHAR)" : "'" + v.replace("'", "''") + "'";
    }

    private static void time(Statement s, String what, String sql) throws Exception {
        s.execute("SET preserve_insertion_order = true");
        long t = System.nanoTime();
        s.execute(sql);
        System.out.printf("split %-40s %6d ms%n", what, (System.nanoTime() - t) / 1_000_000);
    }
}
