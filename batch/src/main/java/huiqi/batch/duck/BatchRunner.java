package huiqi.batch.duck;

import huiqi.batch.run.BatchOptions;
import huiqi.batch.pipeline.BatchPipeline;
import huiqi.batch.run.BatchResult;
import huiqi.batch.sql.FactColumns;
import huiqi.batch.sql.SqlDialect;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 批量免申即享 on an in-process DuckDB: the {@link BatchPipeline} with DuckDB tables (no rows pass through JDBC
 * except the one-row summaries). Not thread-safe; close it to free DuckDB's memory.
 *
 * <pre>
 *   try (BatchRunner b = BatchRunner.open(dataDir, catalog, ruleFiles, BatchOptions.defaults())) {
 *       BatchResult base = b.run(Overrides.NONE);
 *       b.write(base, Path.of("out.parquet"), null);
 *   }
 * </pre>
 */
public final class BatchRunner extends BatchPipeline<SQLException> {
    private static final String BASE_ALIAS = "wide_cache_base";
    private final Connection conn;
    private WideCache cache;

    private BatchRunner(Connection conn, IndicatorCatalog catalog, List<RuleFile> files, BatchOptions options) {
        super(SqlDialect.DUCKDB, catalog, files, options);
        this.conn = conn;
    }

    public static BatchRunner open(Path dataDir, IndicatorCatalog catalog, List<RuleFile> files, BatchOptions options)
            throws IOException, SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        BatchRunner b = new BatchRunner(c, catalog, files, options);
        try {
            b.configure();
            b.load(dataDir.toString());
        } catch (IOException | SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return b;
    }

    private void configure() throws SQLException, IOException {
        BatchOptions options = options();
        if (options.memoryLimit() != null) {
            execute("SET memory_limit = '" + options.memoryLimit().replace("'", "") + "'");
        }
        if (options.spillDir() != null) {
            Files.createDirectories(options.spillDir());
            execute("SET temp_directory = '" + options.spillDir().toAbsolutePath().toString().replace("'", "''") + "'");
        }
        if (options.threads() != null) {
            execute("SET threads = " + options.threads());
        }
        execute("SET preserve_insertion_order = false");
    }

    @Override
    protected Set<String> readSources(String dir) throws SQLException, IOException {
        return DuckSources.create(conn, Path.of(dir));
    }

    @Override
    protected void readItems(String dir) throws SQLException, IOException {
        DuckSources.items(conn, Path.of(dir));
    }

    @Override
    protected Map<String, FactColumns.Type> restoreWide(String dir, String layout) throws SQLException, IOException {
        if (options().cacheDir() == null) {
            return null;
        }
        cache = new WideCache(options().cacheDir(), Path.of(dir), layout, engine());
        return cache.restore(conn);
    }

    /** The wide table cached for the directory {@code dir} was written on ({@link DataDelta}), if any. */
    @Override
    protected DeltaBase restoreBase(String dir, String layout) throws SQLException, IOException {
        DataDelta delta = options().cacheDir() == null ? null : DataDelta.of(Path.of(dir));
        if (delta == null || !java.nio.file.Files.isDirectory(delta.base())) {
            return null;
        }
        WideCache base = new WideCache(options().cacheDir(), delta.base(), layout, engine());
        Map<String, FactColumns.Type> types = base.restore(conn, BASE_ALIAS, "wide_base", "profiles_base");
        if (types == null) {
            return null;
        }
        execute("CREATE OR REPLACE TEMP TABLE changed_uscc AS SELECT DISTINCT uscc FROM " + DuckSources.reader(delta.changed()));
        return new DeltaBase(delta.dir().toString(), types);
    }

    @Override
    protected void releaseBase() throws SQLException {
        for (String table : List.of("wide_delta", "wide_merged", "profiles_merged", "changed_uscc")) {
            execute("DROP TABLE IF EXISTS " + table);
        }
        execute("DROP VIEW IF EXISTS wide_base");
        execute("DROP VIEW IF EXISTS profiles_base");
        execute("DETACH " + BASE_ALIAS);
    }

    private String engine() throws SQLException {
        return "duckdb " + conn.getMetaData().getDatabaseProductVersion();
    }

    @Override
    protected void storeWide(String dir, String layout, Map<String, FactColumns.Type> types) throws SQLException, IOException {
        if (cache != null) {
            long t0 = System.nanoTime();
            cache.store(conn, types);
            options().say(String.format("宽表已写入缓存 %s（%.1f 秒）", cache.file(), (System.nanoTime() - t0) / 1e9));
        }
    }

    @Override
    protected void pivot(FactColumns facts, IndicatorCatalog catalog) throws SQLException {
        DuckPivot.create(conn, facts, catalog);
    }

    @Override
    protected void dropTable(String name) throws SQLException {
        execute("DROP TABLE " + name);
    }

    @Override
    protected void createTable(String name, String query) throws SQLException {
        execute("CREATE OR REPLACE TABLE " + name + " AS " + query);
    }

    @Override
    protected void createView(String name, String query) throws SQLException {
        execute("CREATE OR REPLACE VIEW " + name + " AS " + query);
    }

    @Override
    protected Object[] firstRow(String query) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(query)) {
            if (!rs.next()) {
                throw new SQLException("查询没有返回结果行：" + query.substring(0, Math.min(query.length(), 80)));
            }
            Object[] row = new Object[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getObject(i + 1);
            }
            return row;
        }
    }

    @Override
    protected void writeRows(String query, String out) throws SQLException, IOException {
        ResultWriter.write(conn, query, Path.of(out));
    }

    /** Writes the long result to .csv, .parquet (DuckDB COPY) or .xlsx (POI streaming); {@code budgetTable} nullable. */
    public void write(BatchResult r, Path out, String budgetTable) throws SQLException, IOException {
        write(r, out.toString(), budgetTable);
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute(sql);
        }
    }

    public Connection connection() {
        return conn;
    }

    @Override
    public void close() throws SQLException {
        conn.close();
    }
}
