package huiqi.web.fulfilment;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleFile;
import huiqi.web.batch.PgDataExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The batch engine over the enterprises in the database: they and their facts are exported from PostgreSQL
 * (one snapshot) exactly as for a platform batch run, and DuckDB evaluates every enterprise at once; only the
 * eligible CNY amounts come back through JDBC.
 */
@Component
class EligibleAmounts {
    private final PgDataExport export;
    private final IndicatorCatalog catalog;
    private final String memoryLimit;
    private final int threads;

    EligibleAmounts(PgDataExport export, IndicatorCatalog catalog, @Value("${huiqi.batch.memory-limit:2GB}") String memoryLimit,
                    @Value("${huiqi.batch.threads:2}") int threads) {
        this.export = export;
        this.catalog = catalog;
        this.memoryLimit = memoryLimit;
        this.threads = threads;
    }

    /** One payer's positive part of an eligible CNY amount. */
    record Eligible(String uscc, String name, String ruleId, String payer, BigDecimal amount) {
    }

    /** Every payer's positive part of the eligible CNY amounts, over every enterprise in the database now. */
    List<Eligible> of(List<RuleFile> files) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("huiqi-rematch-");
            long[] counts = export.export(dir, () -> { });
            if (counts[0] == 0) {
                return List.of();
            }
            try (BatchRunner runner = BatchRunner.open(dir, catalog, files, new BatchOptions(null, memoryLimit, threads, null))) {
                if (runner.compile(Overrides.NONE).rules().isEmpty()) {
                    return List.of();
                }
                BatchResult result = runner.run(Overrides.NONE);
                return eligible(runner, result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("匹配：写临时数据目录失败：" + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("匹配：批量引擎出错：" + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    /** Every payer's part of the eligible CNY amounts, in no particular order (MatchSource sorts the matches). */
    private static List<Eligible> eligible(BatchRunner runner, BatchResult result) throws SQLException {
        String query = "SELECT l.uscc, p.name, l.rule_id, l.payer, l.payer_amount, l.payer2, l.payer2_amount FROM ("
                + runner.longQuery(result, null) + ") AS l JOIN profiles_src AS p ON p.uscc = l.uscc"
                + " WHERE l.status = 'eligible' AND l.currency = 'CNY' AND l.amount > 0";
        List<Eligible> out = new ArrayList<>();
        try (Statement s = runner.connection().createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                add(out, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5));
                add(out, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(6), rs.getBigDecimal(7));
            }
        }
        return out;
    }

    private static void add(List<Eligible> out, String uscc, String name, String rule, String payer, BigDecimal amount) {
        if (payer != null && !payer.isEmpty() && amount != null && amount.signum() > 0) {
            out.add(new Eligible(uscc, name, rule, payer, amount));
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
