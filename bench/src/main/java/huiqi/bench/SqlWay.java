package huiqi.bench;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.batch.run.RuleSummary;
import huiqi.rules.eval.Overrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The product path: rules compiled to one DuckDB query over the pivoted wide table (huiqi.batch.duck), with the
 * typed wide-table cache. Construction is the cold load (CSV → pivot → wide table, written to an emptied cache
 * directory); {@link #reopenFromCache} is how a later batch of the same files starts.
 */
public final class SqlWay implements AutoCloseable {
    private final Workload w;
    private final Path data;
    private final BatchOptions options;
    private BatchRunner runner;
    private BatchResult base;

    /** Reads profiles.csv + long facts.csv, pivots the facts the rules read and caches the wide table: the cold load. */
    public SqlWay(Workload w, Path populationDir) throws Exception {
        this.w = w;
        this.data = populationDir;
        Path cache = populationDir.resolve("wide-cache");
        emptyCache(cache);
        this.options = BatchOptions.defaults().withCache(cache);
        runner = BatchRunner.open(populationDir, w.catalog, w.rules, options);
    }

    /** Closes the session and opens a new one on the cached wide table; returns its load time in seconds. */
    public double reopenFromCache() throws Exception {
        runner.close();
        base = null;
        long t0 = System.nanoTime();
        runner = BatchRunner.open(data, w.catalog, w.rules, options);
        double s = (System.nanoTime() - t0) / 1e9;
        if (!runner.loadedFromCache()) {
            throw new IllegalStateException("第二次打开没有用上宽表缓存");
        }
        return s;
    }

    /** A full evaluation; a baseline ({@link Overrides#NONE}) is kept as the base of later what-ifs. */
    public RuleTotals evaluate(Overrides overrides) {
        try {
            BatchResult r = runner.run(overrides);
            if (overrides.values().isEmpty()) {
                if (base != null) {
                    drop(base);
                }
                base = r;
            } else {
                drop(r);
            }
            return totals(r);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A what-if from the kept baseline, evaluating again only the rules the changed parameters reach. */
    public WhatIf whatIf(Overrides overrides) throws SQLException {
        if (base == null) {
            throw new IllegalStateException("先评估基线");
        }
        long t0 = System.nanoTime();
        BatchResult r = runner.whatIf(base, overrides);
        double s = (System.nanoTime() - t0) / 1e9;
        WhatIf out = new WhatIf(totals(r), s, runner.rulesEvaluated(r), r.rules().size());
        drop(r);
        return out;
    }

    public record WhatIf(RuleTotals totals, double seconds, int rulesEvaluated, int rules) {
    }

    /**
     * The floor of an evaluation: DuckDB reading every column of the wide table (the columns the rules read, and
     * the profile fields) into one aggregate, with no rule logic; seconds.
     */
    public double scanFloor() throws SQLException {
        List<String> cols = new ArrayList<>();
        try (Statement s = runner.connection().createStatement();
             ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM wide")) {
            while (rs.next()) {
                cols.add("max(\"" + rs.getString(1) + "\")");
            }
        }
        long t0 = System.nanoTime();
        try (Statement s = runner.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), " + String.join(", ", cols) + " FROM wide")) {
            rs.next();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Size of the cached wide table file, bytes. */
    public long cacheBytes() throws IOException {
        try (Stream<Path> s = Files.list(options.cacheDir())) {
            return s.filter(p -> p.toString().endsWith(".duckdb")).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static RuleTotals totals(BatchResult r) {
        RuleTotals t = new RuleTotals();
        for (RuleSummary s : r.rules()) {
            t.put(s.ruleId(), new RuleTotals.Total(s.eligible(), s.ineligible(), s.undeterminable(), s.total()));
        }
        return t;
    }

    /** Drops a result's table, or a what-if's view and its table of the rules evaluated again. */
    private void drop(BatchResult r) throws SQLException {
        try (Statement s = runner.connection().createStatement()) {
            boolean view;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = '"
                    + r.table() + "' AND table_type = 'VIEW'")) {
                rs.next();
                view = rs.getLong(1) > 0;
            }
            if (view) {
                s.execute("DROP VIEW " + r.table());
                s.execute("DROP TABLE " + r.table() + "_delta");
            } else {
                s.execute("DROP TABLE " + r.table());
            }
        }
    }

    private static void emptyCache(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return;
        }
        try (Stream<Path> s = Files.list(cache)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
    }

    /** DuckDB's own (native, off-heap) memory in use, in bytes. */
    public long nativeBytes() throws SQLException {
        try (Statement s = runner.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        runner.close();
    }
}
