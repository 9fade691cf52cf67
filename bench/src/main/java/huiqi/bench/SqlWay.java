package huiqi.bench;

import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.RuleSummary;
import huiqi.rules.eval.Overrides;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The product's SQL path: rules compiled to one DuckDB query over the pivoted wide table (huiqi.batch.duck). */
public final class SqlWay implements AutoCloseable {
    private final BatchRunner runner;

    /** Reads profiles.csv + long facts.csv and pivots the facts the rules read: the load/pivot step. */
    public SqlWay(Workload w, Path populationDir) throws Exception {
        runner = BatchRunner.open(populationDir, w.catalog, w.rules, BatchOptions.defaults());
    }

    public RuleTotals evaluate(Overrides overrides) {
        try {
            BatchResult r = runner.run(overrides);
            RuleTotals t = new RuleTotals();
            for (RuleSummary s : r.rules()) {
                t.put(s.ruleId(), new RuleTotals.Total(s.eligible(), s.ineligible(), s.undeterminable(), s.total()));
            }
            try (Statement s = runner.connection().createStatement()) {
                s.execute("DROP TABLE " + r.table());
            }
            return t;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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
