package huiqi.bench.platform;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchOptions;
import huiqi.bench.web.PlatformUnderTest;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleFile;
import huiqi.web.batch.PgDataExport;
import huiqi.web.rules.RuleBook;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Profiling harness for issue 21 target 6 (not a test): loads N generated enterprises into the platform's embedded
 * PostgreSQL as the platform bench does, then times the parts of the export (column subsets of the facts query to a
 * null stream: what PostgreSQL itself costs; the facts query to a file through an unbuffered and a buffered stream; the
 * real export) and the DuckDB load of the exported directory (one thread, as platform runs). Figures and the split:
 * docs/benchmarks.md, "首次运行的导出与转置（fullpath）". Run from the repository root with the bench class path:
 * java -cp … huiqi.bench.platform.ExportPivotProfile 100000 /tmp/dir [pivot-repeats=1] [query-repeats=2]
 */
public final class ExportPivotProfile {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        int pivots = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        try (PlatformUnderTest platform = new PlatformUnderTest(20, Map.of())) {
            Path tmp = Files.createTempDirectory("huiqi-profile-");
            var loaded = new BulkEnterpriseLoad(platform.bean(DataSource.class), platform.bean(IndicatorCatalog.class))
                    .load(n, 20240601, tmp);
            Files.deleteIfExists(tmp);
            System.out.printf("loaded %,d enterprises, %,d facts in %.1f s%n", loaded.enterprises(), loaded.facts(), loaded.seconds());
            DataSource ds = platform.bean(DataSource.class);
            String[][] queries = {
                    {"count(*) facts", "SELECT count(*) FROM enterprise_fact"},
                    {"facts now (trim_scale text) csv", "SELECT uscc, indicator, period, trim_scale(value)::text AS value FROM enterprise_fact"},
                    {"facts value numeric csv", "SELECT uscc, indicator, period, value FROM enterprise_fact"},
                    {"facts no value csv", "SELECT uscc, indicator, period FROM enterprise_fact"},
                    {"facts uscc only csv", "SELECT uscc FROM enterprise_fact"},
                    {"facts value only trim_scale", "SELECT trim_scale(value)::text FROM enterprise_fact"},
                    {"facts value only numeric", "SELECT value FROM enterprise_fact"},
            };
            try (Connection c = ds.getConnection()) {
                for (int rep = 0; rep < (args.length > 3 ? Integer.parseInt(args[3]) : 2); rep++) {
                    for (String[] q : queries) {
                        long t0 = System.nanoTime();
                        long rows = c.unwrap(PGConnection.class).getCopyAPI().copyOut(
                                "COPY (" + q[1] + ") TO STDOUT WITH (FORMAT csv, HEADER true)", OutputStream.nullOutputStream());
                        System.out.printf("rep %d  %-36s %,10d rows %7.2f s%n", rep, q[0], rows, (System.nanoTime() - t0) / 1e9);
                    }
                    long t0 = System.nanoTime();
                    long rows = c.unwrap(PGConnection.class).getCopyAPI().copyOut(
                            "COPY enterprise_fact (uscc, indicator, period, value) TO STDOUT WITH (FORMAT csv)", OutputStream.nullOutputStream());
                    System.out.printf("rep %d  %-36s %,10d rows %7.2f s%n", rep, "plain table COPY", rows, (System.nanoTime() - t0) / 1e9);
                    t0 = System.nanoTime();
                    rows = c.unwrap(PGConnection.class).getCopyAPI().copyOut(
                            "COPY (SELECT uscc, indicator, period, trim_scale(value)::text AS value FROM enterprise_fact) TO STDOUT", OutputStream.nullOutputStream());
                    System.out.printf("rep %d  %-36s %,10d rows %7.2f s%n", rep, "facts now FORMAT text", rows, (System.nanoTime() - t0) / 1e9);
                }
            }
            String facts = "COPY (SELECT uscc, indicator, period, trim_scale(value)::text AS value FROM enterprise_fact) TO STDOUT WITH (FORMAT csv, HEADER true)";
            try (Connection c = ds.getConnection()) {
                for (int rep = 0; rep < 2; rep++) {
                    for (boolean buffered : new boolean[] {false, true}) {
                        Path file = Files.createTempFile("huiqi-profile-facts-", ".csv");
                        long t0 = System.nanoTime();
                        long rows;
                        try (OutputStream raw = Files.newOutputStream(file);
                             OutputStream o = buffered ? new java.io.BufferedOutputStream(raw, 1 << 16) : raw) {
                            rows = c.unwrap(PGConnection.class).getCopyAPI().copyOut(facts, o);
                        }
                        System.out.printf("rep %d  facts to file, %-10s %,10d rows %7.2f s%n", rep, buffered ? "buffered" : "unbuffered",
                                rows, (System.nanoTime() - t0) / 1e9);
                        Files.delete(file);
                    }
                }
            }
            PgDataExport export = platform.bean(PgDataExport.class);
            for (int rep = 0; rep < 2; rep++) {
                Files.createDirectories(out);
                long t0 = System.nanoTime();
                long[] at = new long[1];
                long[] counts = export.export(out, () -> at[0] = System.nanoTime());
                System.out.printf("rep %d  real export: profiles %.2f s, facts+items %.2f s (%,d / %,d rows)%n", rep,
                        (at[0] - t0) / 1e9, (System.nanoTime() - at[0]) / 1e9, counts[0], counts[1]);
            }
            List<RuleFile> files = platform.bean(RuleBook.class).inForce(null).files();
            IndicatorCatalog catalog = platform.bean(IndicatorCatalog.class);
            for (int rep = 0; rep < pivots; rep++) {
                long t0 = System.nanoTime();
                BatchOptions options = new BatchOptions(null, "3GB", 1,
                        m -> System.out.printf("  %6.2f s  %s%n", (System.nanoTime() - t0) / 1e9, m));
                try (BatchRunner r = BatchRunner.open(out, catalog, files, options)) {
                    System.out.printf("rep %d  load+pivot %.2f s, %,d enterprises%n", rep, (System.nanoTime() - t0) / 1e9, r.enterprises());
                }
            }
        }
    }
}
