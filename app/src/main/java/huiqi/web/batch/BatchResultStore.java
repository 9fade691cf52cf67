package huiqi.web.batch;

import huiqi.batch.budget.BudgetAllocator;
import huiqi.batch.run.BatchResult;
import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.RuleSummary;
import huiqi.batch.run.Summaries;
import huiqi.batch.sql.SqlDialect;
import huiqi.batch.sql.CompiledRule;
import huiqi.batch.sql.Status;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger log = LoggerFactory.getLogger(BatchResultStore.class);
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
        long parquetMs;
        long csvMs;
        try (Statement s = runner.connection().createStatement()) {
            writeFile(s, base, variant, allocations, all);
            parquetMs = millisSince(t0);
            progress.accept(86);
            long t = System.nanoTime();
            s.execute(pgRowsCopy(id, all, ResultFileLayout.of(result), rows));
            csvMs = millisSince(t);
        } catch (SQLException | RuntimeException e) {
            files.delete(id);
            throw e;
        }
        log.info("批量运行 {} 保存：Parquet 文件 {} ms，PostgreSQL 行的 CSV {} ms", id, parquetMs, csvMs);
        progress.accept(88);
        try {
            saveInPostgres(id, base, variant, diff, allocations, result, rows, progress, t0);
        } catch (RuntimeException e) {
            files.delete(id);
            throw e;
        }
        files.publish(id);
    }

    /**
     * Writes every row of {@link #rowsQuery} into the Parquet file {@code file}, in the query's order, with the rules'
     * constant strings as the file's metadata ({@link ResultFileLayout}).
     */
    static void writeFile(Statement duck, BatchResult base, BatchResult variant,
                          List<BudgetAllocator.Allocation> allocations, Path file) throws SQLException {
        // the rows come out of rowsQuery in file order only if DuckDB keeps the order of what it reads
        duck.execute("SET preserve_insertion_order = true");
        try {
            String metadata = ResultFileLayout.metadataOption(ResultFileLayout.of(variant == null ? base : variant));
            duck.execute("COPY (" + rowsQuery(base, variant, allocations) + ") TO " + literal(file)
                    + " (FORMAT parquet, COMPRESSION zstd, " + metadata + ")");
        } finally {
            duck.execute("SET preserve_insertion_order = false");
        }
    }

    /** The DuckDB COPY writing the rows PostgreSQL keeps (not 不符合) from the run's file to a CSV file. */
    static String pgRowsCopy(long id, Path file, List<ResultFileLayout.RuleConstants> rules, Path csv) {
        return "COPY (SELECT CAST(" + id + " AS BIGINT) AS run_id, * FROM (" + ResultFileLayout.rows(file, rules)
                + ") WHERE status <> 'ineligible') TO " + literal(csv) + " (FORMAT csv, HEADER false)";
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
                long copyStart = System.nanoTime();
                jdbc.sql("create table " + partition + " (like batch_result including defaults, check (run_id = " + id + "))")
                        .update();
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + partition + """
                         (run_id, uscc, name, region_code, rule_no, rule_id, status, amount, currency,
                          payer, payer_amount, payer2, payer2_amount, allocated, shortfall, base_status, base_amount)
                        FROM STDIN WITH (FORMAT csv, FREEZE true)""", in);
                long copied = System.nanoTime();
                progress.accept(94);
                jdbc.sql("alter table batch_result attach partition " + partition + " for values in (" + id + ")").update();
                log.info("批量运行 {} 保存：PostgreSQL COPY {} ms，挂接分区 {} ms", id, (copied - copyStart) / 1_000_000,
                        millisSince(copied));
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
     * The long result's varying columns (the rules' constant strings are the file's metadata, statuses as their codes:
     * {@link ResultFileLayout}) with names, regions, (with a budget) each row's allocation and (with what-if) the baseline's
     * status and amount, in the order of the results table (uscc, rule_no): readers page the file in its order.
     * Amounts as PostgreSQL keeps them. Only the enterprises are sorted (one row each, the rule columns the rows
     * read); each one's rule rows are then expanded in place (UNNEST of a list of per-rule structs), so the file
     * comes out in order with {@code preserve_insertion_order} on and no sort of enterprises × rules.
     */
    static String rowsQuery(BatchResult base, BatchResult variant, List<BudgetAllocator.Allocation> allocations) {
        BatchResult result = variant == null ? base : variant;
        Map<String, CompiledRule> baseRules = new HashMap<>();
        base.compiled().rules().forEach(cr -> baseRules.put(cr.rule().id(), cr));
        Map<String, Integer> budgeted = new LinkedHashMap<>();
        allocations.forEach(a -> a.budget().rules().forEach(r -> budgeted.putIfAbsent(r, budgeted.size())));

        Set<String> cols = new LinkedHashSet<>(List.of("v.uscc", "p.name", "p.region_code"));
        Set<String> money = moneyColumns(result);
        List<String> structs = new ArrayList<>();
        for (CompiledRule cr : result.compiled().rules()) {
            Summaries.ruleRowColumns(cr).forEach(c -> cols.add(sortColumn("v.", c, "", money)));
            List<String> fields = new ArrayList<>();
            Summaries.ruleRow(cr, c -> "e." + c, SqlDialect.DUCKDB).forEach((name, expr) -> {
                if (name.equals("status")) {
                    fields.add("'status': e." + cr.statusColumn());
                } else if (!CONSTANT.contains(name)) {
                    fields.add("'" + name + "': " + (name.equals("rule_no") ? "CAST(" + expr + " AS INTEGER)"
                            : name.endsWith("amount") ? money(expr) : expr));
                }
            });
            Integer b = budgeted.get(cr.rule().id());
            fields.add("'allocated': " + (b == null ? money("NULL") : "e.allocated_" + b));
            fields.add("'shortfall': " + (b == null ? money("NULL") : "e.shortfall_" + b));
            CompiledRule br = variant == null ? null : baseRules.get(cr.rule().id());
            if (br == null) {
                fields.add("'base_status': CAST(NULL AS " + Status.TYPE + ")");
                fields.add("'base_amount': " + money("NULL"));
            } else {
                Summaries.ruleRowColumns(br).forEach(c -> cols.add(sortColumn("b.", c, "b_", moneyColumns(base))));
                Map<String, String> row = Summaries.ruleRow(br, c -> "e.b_" + c, SqlDialect.DUCKDB);
                fields.add("'base_status': e.b_" + br.statusColumn());
                fields.add("'base_amount': " + money(row.get("amount")));
            }
            structs.add("{" + String.join(", ", fields) + "}");
        }
        budgeted.values().forEach(b -> cols.addAll(List.of("bud.allocated_" + b, "bud.shortfall_" + b)));

        String enterprises = "SELECT " + String.join(", ", cols) + " FROM " + result.table() + " v JOIN profiles_src p ON p.uscc = v.uscc"
                + (variant == null ? "" : " LEFT JOIN " + base.table() + " b ON b.uscc = v.uscc")
                + (budgeted.isEmpty() ? "" : " LEFT JOIN (" + budgetByEnterprise(budgeted) + ") bud ON bud.uscc = v.uscc")
                + " ORDER BY v.uscc";
        return "SELECT uscc, name, region_code, x.rule_no, x.status, x.amount, x.payer_amount, x.payer2_amount, x.allocated,"
                + " x.shortfall, x.base_status, x.base_amount FROM (SELECT e.uscc, e.name, e.region_code,"
                + " UNNEST([" + String.join(",\n", structs) + "]) AS x FROM (" + enterprises + ") AS e) AS expanded";
    }

    /** The columns of {@link Summaries#ruleRow} the same on every row of a rule: kept once in the file's metadata. */
    private static final Set<String> CONSTANT = Set.of("rule_id", "currency", "payer", "payer2");

    /** The money columns of a result table: kept to the fen (as stored) while the enterprises are sorted. */
    private static Set<String> moneyColumns(BatchResult r) {
        Set<String> money = new HashSet<>();
        for (CompiledRule cr : r.compiled().rules()) {
            Summaries.ruleRowColumns(cr).stream().filter(c -> !c.equals(cr.statusColumn())).forEach(money::add);
        }
        return money;
    }

    private static String sortColumn(String table, String column, String prefix, Set<String> money) {
        String ref = table + column;
        return (money.contains(column) ? money(ref) : ref) + " AS " + prefix + column;
    }

    /** budget_by_rule as one row per enterprise: allocated_i, shortfall_i for the i-th budgeted rule. */
    private static String budgetByEnterprise(Map<String, Integer> budgeted) {
        List<String> cols = new ArrayList<>(List.of("uscc"));
        budgeted.forEach((rule, i) -> {
            String only = " FILTER (WHERE rule_id = '" + rule.replace("'", "''") + "')";
            cols.add(money("max(allocated)" + only) + " AS allocated_" + i);
            cols.add(money("max(shortfall)" + only) + " AS shortfall_" + i);
        });
        return "SELECT " + String.join(", ", cols) + " FROM budget_by_rule GROUP BY uscc";
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String money(String column) {
        return "CAST(" + column + " AS DECIMAL(18, 2))";
    }

    static String literal(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
