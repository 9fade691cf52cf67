package huiqi.web.batch;

import huiqi.batch.budget.BudgetAllocator;
import huiqi.batch.run.BatchResult;
import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.RuleSummary;
import huiqi.batch.sql.CompiledRule;
import huiqi.batch.whatif.WhatIfReport;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Saves a finished run: every enterprise × rule row into the run's Parquet file ({@link BatchResultFiles}, DuckDB
 * COPY: what the results table, API and export read), and in one PostgreSQL transaction the rows that are not
 * 不符合 (DuckDB COPY to CSV, then COPY FROM STDIN into the run's own partition of batch_result: the rows cases and
 * the breakdown start from), the per-rule and per-payer summaries of baseline and variant, the budget allocation and
 * the run's final status. The file is moved in place once the transaction committed; a failure leaves none of it.
 */
@Component
class BatchResultStore {
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final BatchResultFiles files;

    BatchResultStore(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx, BatchResultFiles files) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.files = files;
    }

    /** {@code variant} and {@code diff} are null without a what-if overlay; the rows are then the baseline's. */
    void store(long id, BatchRunner runner, BatchResult base, BatchResult variant, WhatIfReport diff,
               List<BudgetAllocator.Allocation> allocations, Path dir, IntConsumer progress) throws SQLException {
        long t0 = System.nanoTime();
        BatchResult result = variant == null ? base : variant;
        Path rows = dir.resolve("results.csv");
        Path all = files.pending(id);
        try (Statement s = runner.connection().createStatement()) {
            s.execute("COPY (" + rowsQuery(id, runner, base, variant, !allocations.isEmpty()) + ") TO "
                    + literal(all) + " (FORMAT parquet, COMPRESSION zstd)");
            progress.accept(86);
            s.execute("COPY (SELECT * FROM read_parquet(" + literal(all) + ") WHERE status <> 'ineligible') TO "
                    + literal(rows) + " (FORMAT csv, HEADER false)");
        } catch (SQLException | RuntimeException e) {
            files.delete(id);
            throw e;
        }
        progress.accept(88);
        try {
            saveInPostgres(id, base, variant, diff, allocations, result, rows, progress, t0);
        } catch (RuntimeException e) {
            files.delete(id);
            throw e;
        }
        files.publish(id);
    }

    private void saveInPostgres(long id, BatchResult base, BatchResult variant, WhatIfReport diff,
                                List<BudgetAllocator.Allocation> allocations, BatchResult result, Path rows,
                                IntConsumer progress, long t0) {
        tx.executeWithoutResult(st -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            String partition = partition(id);
            try (Reader in = Files.newBufferedReader(rows, StandardCharsets.UTF_8)) {
                // the run's own table, filled with no index or foreign key to maintain row by row (FREEZE: it was
                // created in this transaction), then indexed once and checked as it becomes the run's partition
                // (the CHECK, checked as rows arrive, spares the attach a scan to prove the rows belong to the run)
                jdbc.sql("create table " + partition + " (like batch_result including defaults, check (run_id = " + id + "))")
                        .update();
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + partition + """
                         (run_id, uscc, name, region_code, rule_no, rule_id, status, amount, currency,
                          payer, payer_amount, payer2, payer2_amount, allocated, shortfall, base_status, base_amount)
                        FROM STDIN WITH (FORMAT csv, FREEZE true)""", in);
                progress.accept(94);
                jdbc.sql("alter table batch_result attach partition " + partition + " for values in (" + id + ")").update();
            } catch (SQLException e) {
                throw new IllegalStateException("保存结果失败：" + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
            summaries(id, "base", base, null);
            if (variant != null) {
                summaries(id, "variant", variant, diff);
            }
            for (BudgetAllocator.Allocation a : allocations) {
                jdbc.sql("""
                        insert into batch_run_budget (run_id, budget_id, payer, rules, amount, method, claims, claimed,
                          allocated, shortfall, paid_in_full) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, a.budget().id(), a.budget().payer(), String.join(",", a.budget().rules()),
                                a.budget().amount(), a.budget().policy().code(),
                                a.claims(), a.claimed(), a.allocated(), a.shortfall(), a.paidInFull())
                        .update();
            }
            jdbc.sql("""
                    update batch_run set status = 'done', progress = 100, stage = '完成', finished_at = now(),
                      enterprises = ?, rules = ?, store_ms = ? where id = ?""")
                    .params(result.enterprises(), result.rules().size(), (System.nanoTime() - t0) / 1_000_000, id)
                    .update();
        });
    }

    /** The table of batch_result holding run {@code id}'s rows (V830). */
    static String partition(long id) {
        return "batch_result_r" + id;
    }

    private void summaries(long id, String variant, BatchResult r, WhatIfReport diff) {
        Map<String, WhatIfReport.RuleDiff> changes = diff == null ? Map.of() : diff.byRule();
        for (int i = 0; i < r.rules().size(); i++) {
            RuleSummary s = r.rules().get(i);
            WhatIfReport.RuleDiff d = changes.get(s.ruleId());
            jdbc.sql("""
                    insert into batch_run_rule (run_id, variant, rule_no, rule_id, title, currency, eligible, ineligible,
                      undeterminable, total, changed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, variant, i, s.ruleId(), s.title(), s.currency(), s.eligible(), s.ineligible(),
                            s.undeterminable(), s.total(), d == null ? null : d.changed())
                    .update();
        }
        r.byPayer().forEach((payer, total) -> jdbc.sql(
                        "insert into batch_run_payer (run_id, variant, payer, total) values (?, ?, ?, ?)")
                .params(id, variant, payer, total).update());
    }

    /**
     * The long result joined with names, regions and (with what-if) the baseline's rows, in the order of the
     * results table (uscc, rule_no): readers page the file in its order. Amounts as PostgreSQL keeps them.
     */
    static String rowsQuery(long id, BatchRunner runner, BatchResult base, BatchResult variant, boolean budget) {
        BatchResult result = variant == null ? base : variant;
        List<String> order = new ArrayList<>();
        for (CompiledRule cr : result.compiled().rules()) {
            order.add("WHEN '" + cr.rule().id().replace("'", "''") + "' THEN " + cr.index());
        }
        String v = runner.longQuery(result, budget ? "budget_by_rule" : null);
        return "SELECT CAST(" + id + " AS BIGINT) AS run_id, v.uscc, p.name, p.region_code, CAST(CASE v.rule_id "
                + String.join(" ", order) + " END AS INTEGER) AS rule_no, v.rule_id, v.status, " + money("v.amount")
                + " AS amount, v.currency, v.payer, " + money("v.payer_amount") + " AS payer_amount, v.payer2, "
                + money("v.payer2_amount") + " AS payer2_amount, "
                + (budget ? money("v.allocated") + " AS allocated, " + money("v.shortfall") + " AS shortfall"
                        : money("NULL") + " AS allocated, " + money("NULL") + " AS shortfall") + ", "
                + (variant == null ? "CAST(NULL AS VARCHAR) AS base_status, " + money("NULL")
                        : "b.status AS base_status, " + money("b.amount")) + " AS base_amount"
                + " FROM (" + v + ") AS v JOIN profiles_src p ON p.uscc = v.uscc"
                + (variant == null ? "" : " LEFT JOIN (" + runner.longQuery(base, null)
                + ") AS b ON b.uscc = v.uscc AND b.rule_id = v.rule_id")
                + " ORDER BY v.uscc, rule_no";
    }

    private static String money(String column) {
        return "CAST(" + column + " AS DECIMAL(18, 2))";
    }

    static String literal(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
