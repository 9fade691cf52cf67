package huiqi.web.batch;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleFile;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch evaluation from scratch, as the reference the platform's runs must equal: a fresh export of PostgreSQL
 * into a temporary directory, DuckDB without any cache, every rule evaluated. Rows are "uscc rule" → "status amount".
 */
final class ColdRun {
    private ColdRun() {
    }

    /** The baseline ({@code overlays[0]} = {@link Overrides#NONE}) and each overlay's rows, in the order given. */
    static List<Map<String, String>> rows(PgDataExport export, IndicatorCatalog catalog, List<RuleFile> files,
                                          Overrides... overlays) throws Exception {
        Path dir = Files.createTempDirectory("huiqi-cold-run-");
        try {
            export.export(dir, () -> { });
            try (BatchRunner runner = BatchRunner.open(dir, catalog, files, new BatchOptions(null, "512MB", 1, null))) {
                List<Map<String, String>> out = new java.util.ArrayList<>();
                for (Overrides o : overlays) {
                    out.add(rows(runner, runner.run(o)));
                }
                return out;
            }
        } finally {
            BatchDataCache.delete(dir);
        }
    }

    static Map<String, String> rows(BatchRunner runner, BatchResult r) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (Statement s = runner.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT uscc, rule_id, status, amount FROM (" + runner.longQuery(r, null) + ")")) {
            while (rs.next()) {
                out.put(rs.getString(1) + " " + rs.getString(2), rs.getString(3) + " " + plain(rs.getBigDecimal(4)));
            }
        }
        return out;
    }

    /** A run's stored rows as the results table reads them, with {@code base} true its baseline columns instead. */
    static Map<String, String> stored(BatchResults results, long runId, boolean base) {
        Map<String, String> out = new HashMap<>();
        results.each(runId, new ResultFilter(null, null, null), r -> out.put(r.uscc() + " " + r.ruleId(),
                base ? r.baseStatus() + " " + plain(r.baseAmount()) : r.status() + " " + plain(r.amount())));
        return out;
    }

    static String plain(BigDecimal d) {
        return d == null ? "null" : d.stripTrailingZeros().toPlainString();
    }
}
