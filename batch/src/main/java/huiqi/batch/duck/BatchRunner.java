package huiqi.batch.duck;

import huiqi.batch.sql.CompiledRules;
import huiqi.batch.sql.FactColumn;
import huiqi.batch.sql.FactColumns;
import huiqi.batch.sql.Params;
import huiqi.batch.sql.RuleSetCompiler;
import huiqi.batch.sql.SqlDialect;
import huiqi.batch.sql.WideTable;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.Parameter;
import huiqi.rules.file.RuleFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 批量免申即享 on DuckDB. {@link #open} reads a data directory (profiles + long-form facts), pivots exactly
 * the (indicator, period) pairs the rules read into table {@code wide} once; {@link #run} compiles the rules
 * with a parameter overlay to SQL and evaluates every enterprise inside DuckDB (no rows pass through JDBC).
 * Baseline and what-if variants share the pivot. Not thread-safe; close it to free DuckDB's memory.
 *
 * <pre>
 *   try (BatchRunner b = BatchRunner.open(dataDir, catalog, ruleFiles, BatchOptions.defaults())) {
 *       BatchResult base = b.run(Overrides.NONE);
 *       b.write(base, Path.of("out.parquet"), null);
 *   }
 * </pre>
 */
public final class BatchRunner implements AutoCloseable {
    private final Connection conn;
    private final IndicatorCatalog catalog;
    private final List<RuleFile> files;
    private final BatchOptions options;
    private final Map<String, Parameter> declared;
    private final FactColumns facts = new FactColumns();
    private final SqlDialect dialect = SqlDialect.DUCKDB;
    private long pivotMillis;
    private long enterprises;
    private int variants;

    private BatchRunner(Connection conn, IndicatorCatalog catalog, List<RuleFile> files, BatchOptions options) {
        this.conn = conn;
        this.catalog = catalog;
        this.files = List.copyOf(files);
        this.options = options;
        this.declared = Evaluator.parameters(files);
    }

    public static BatchRunner open(Path dataDir, IndicatorCatalog catalog, List<RuleFile> files, BatchOptions options)
            throws IOException, SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        BatchRunner b = new BatchRunner(c, catalog, files, options);
        try {
            b.load(dataDir);
        } catch (IOException | SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return b;
    }

    private void load(Path dir) throws IOException, SQLException {
        long t0 = System.nanoTime();
        try (Statement s = conn.createStatement()) {
            if (options.memoryLimit() != null) {
                s.execute("SET memory_limit = '" + options.memoryLimit().replace("'", "") + "'");
            }
            if (options.threads() != null) {
                s.execute("SET threads = " + options.threads());
            }
            s.execute("SET preserve_insertion_order = false");
        }
        Set<String> profileColumns = DuckSources.create(conn, dir);
        // a first compilation only to learn which (indicator, period) columns the rules read
        new RuleSetCompiler(dialect, catalog).compile(files, options.asOf(), params(Overrides.NONE), facts);
        options.say("数据目录 " + dir + "：转置 " + facts.needed().size() + " 个（指标, 期间）列…");
        DuckPivot.create(conn, facts, catalog);
        try (Statement s = conn.createStatement()) {
            try (ResultSet rs = s.executeQuery(WideTable.scales(facts))) {
                rs.next();
                int i = 1;
                for (FactColumn col : new ArrayList<>(facts.needed())) {
                    facts.setScale(col, rs.getInt(i++));
                }
            }
            s.execute("CREATE TABLE wide AS " + WideTable.wide(catalog, facts, profileColumns, dialect));
            s.execute("DROP TABLE fact_pivot");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM wide")) {
                rs.next();
                enterprises = rs.getLong(1);
            }
        }
        pivotMillis = (System.nanoTime() - t0) / 1_000_000;
        options.say(String.format("已读入并转置 %,d 家企业（%.1f 秒）", enterprises, pivotMillis / 1000.0));
    }

    private Params params(Overrides overrides) {
        return Params.of(declared, overrides);
    }

    /** The SQL the rules compile to with this overlay (for docs, Spark and inspection). */
    public CompiledRules compile(Overrides overrides) {
        return new RuleSetCompiler(dialect, catalog).compile(files, options.asOf(), params(overrides), facts);
    }

    /** Evaluates every enterprise with this parameter overlay ({@link Overrides#NONE} = baseline). */
    public BatchResult run(Overrides overrides) throws SQLException {
        CompiledRules compiled = compile(overrides);
        String table = "result_" + (variants++);
        long t0 = System.nanoTime();
        options.say(Summaries.evaluating(compiled, overrides));
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE " + table + " AS " + Summaries.resultSelect(compiled));
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        options.say(String.format("评估完成（%.2f 秒）", millis / 1000.0));
        return summarize(table, compiled, millis);
    }

    private BatchResult summarize(String table, CompiledRules compiled, long millis) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(Summaries.query(compiled, table))) {
            rs.next();
            return Summaries.result(table, compiled, enterprises, millis, i -> {
                try {
                    return rs.getObject(i + 1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** The long result query (see {@link Summaries#longQuery}); {@code budgetTable} nullable. */
    public String longQuery(BatchResult r, String budgetTable) {
        return Summaries.longQuery(r, budgetTable, dialect);
    }

    /** Writes the long result to .csv, .parquet (DuckDB COPY) or .xlsx (POI streaming). */
    public void write(BatchResult r, Path out, String budgetTable) throws SQLException, IOException {
        long t0 = System.nanoTime();
        ResultWriter.write(conn, longQuery(r, budgetTable), out);
        options.say(String.format("已写出 %s（%.1f 秒）", out, (System.nanoTime() - t0) / 1e9));
    }

    public Connection connection() {
        return conn;
    }

    public long enterprises() {
        return enterprises;
    }

    /** Reading the files and pivoting into the wide table, in milliseconds. */
    public long pivotMillis() {
        return pivotMillis;
    }

    public IndicatorCatalog catalog() {
        return catalog;
    }

    @Override
    public void close() throws SQLException {
        conn.close();
    }
}
