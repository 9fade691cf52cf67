package huiqi.web.batch;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * batch_run and its summaries in PostgreSQL. Progress, stage and timing updates commit on their own
 * (REQUIRES_NEW), so they are visible at once even when reported from inside the export's snapshot transaction.
 */
@Repository
public class BatchRunStore {
    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    BatchRunStore(JdbcClient jdbc, PlatformTransactionManager txm) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(txm);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private void update(String sql, Object... params) {
        own.executeWithoutResult(s -> jdbc.sql(sql).params(params).update());
    }

    /** Per rule and variant ("base" or "variant"). */
    public record RuleRow(String variant, int ruleNo, String ruleId, String title, String currency, long eligible,
                          long ineligible, long undeterminable, BigDecimal total, Long changed) {
    }

    public record PayerRow(String variant, String payer, BigDecimal total) {
    }

    public record BudgetRow(String budgetId, String payer, String rules, BigDecimal amount, String method, long claims,
                            BigDecimal claimed, BigDecimal allocated, BigDecimal shortfall, long paidInFull) {
        public boolean oversubscribed() {
            return claimed.compareTo(amount) > 0;
        }

        public String methodLabel() {
            return BatchRunSpec.methodLabel(method);
        }
    }

    long create(BatchRunSpec spec, String user) {
        BatchRunSpec.BudgetSpec b = spec.budget();
        return jdbc.sql("""
                insert into batch_run (doc_id, as_of, overrides, budget_payer, budget_amount, budget_method, status,
                                       stage, started_by)
                values (?, ?, ?, ?, ?, ?, 'queued', '排队等待', ?) returning id""")
                .params(spec.docId(), spec.asOf(), String.join("\n", spec.overrides()), b == null ? null : b.payer(),
                        b == null ? null : b.amount(), b == null ? null : b.method(), user)
                .query(Long.class).single();
    }

    /** The rule-set versions the run evaluates ("fz-2024-2 第3版、…"), fixed when it starts. */
    void ruleVersions(long id, String versions) {
        update("update batch_run set rule_versions = ? where id = ?", versions, id);
    }

    public java.util.Optional<String> ruleVersions(long id) {
        return jdbc.sql("select rule_versions from batch_run where id = ?").param(id).query(String.class).optional();
    }

    void started(long id) {
        update("update batch_run set status = 'running', started_at = now(), progress = 1, stage = '开始运行' where id = ?", id);
    }

    void progress(long id, int percent, String stage) {
        update("update batch_run set progress = greatest(progress, ?), stage = left(?, 300) where id = ? and status = 'running'",
                percent, stage, id);
    }

    void stage(long id, String stage) {
        update("update batch_run set stage = left(?, 300) where id = ? and status = 'running'", stage, id);
    }

    void timing(long id, String column, long millis) {
        if (!List.of("export_ms", "load_ms", "evaluate_ms", "whatif_ms", "budget_ms", "store_ms").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        update("update batch_run set " + column + " = ? where id = ?", millis, id);
    }

    void failed(long id, String message) {
        update("""
                update batch_run set status = 'failed', error = ?, stage = '运行失败', finished_at = now()
                where id = ? and status in ('queued', 'running')""", message, id);
    }

    /**
     * Runs created before this process started that are still queued or running can never finish (their
     * worker was in the previous process): record that.
     */
    int interruptBefore(OffsetDateTime processStart) {
        return jdbc.sql("""
                update batch_run set status = 'failed', stage = '已中断', finished_at = now(),
                  error = '运行被中断：平台在运行期间重启（运行记录保留，请重新发起）'
                where status in ('queued', 'running') and created_at < ?""").param(processStart).update();
    }

    public Optional<BatchRun> find(long id) {
        return jdbc.sql("select * from batch_run where id = ?").param(id).query((rs, i) -> run(rs)).optional();
    }

    public List<BatchRun> list(int limit) {
        return jdbc.sql("select * from batch_run order by id desc limit ?").param(limit).query((rs, i) -> run(rs)).list();
    }

    public List<RuleRow> rules(long id) {
        return jdbc.sql("select * from batch_run_rule where run_id = ? order by variant, rule_no").param(id)
                .query((rs, i) -> new RuleRow(rs.getString("variant"), rs.getInt("rule_no"), rs.getString("rule_id"),
                        rs.getString("title"), rs.getString("currency"), rs.getLong("eligible"), rs.getLong("ineligible"),
                        rs.getLong("undeterminable"), rs.getBigDecimal("total"), (Long) rs.getObject("changed", Long.class)))
                .list();
    }

    public List<PayerRow> payers(long id) {
        return jdbc.sql("select * from batch_run_payer where run_id = ? order by variant, total desc, payer").param(id)
                .query((rs, i) -> new PayerRow(rs.getString("variant"), rs.getString("payer"), rs.getBigDecimal("total")))
                .list();
    }

    public List<BudgetRow> budgets(long id) {
        return jdbc.sql("select * from batch_run_budget where run_id = ? order by budget_id").param(id)
                .query((rs, i) -> new BudgetRow(rs.getString("budget_id"), rs.getString("payer"), rs.getString("rules"),
                        rs.getBigDecimal("amount"), rs.getString("method"), rs.getLong("claims"), rs.getBigDecimal("claimed"),
                        rs.getBigDecimal("allocated"), rs.getBigDecimal("shortfall"), rs.getLong("paid_in_full")))
                .list();
    }

    private static BatchRun run(ResultSet rs) throws SQLException {
        Date asOf = rs.getDate("as_of");
        return new BatchRun(rs.getLong("id"), rs.getString("doc_id"), asOf == null ? null : asOf.toLocalDate(),
                rs.getString("overrides"), rs.getString("budget_payer"), rs.getBigDecimal("budget_amount"),
                rs.getString("budget_method"), rs.getString("status"), rs.getInt("progress"), rs.getString("stage"),
                rs.getString("error"), rs.getString("started_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getObject("enterprises", Long.class), rs.getObject("rules", Integer.class),
                new BatchRun.Timings(rs.getObject("export_ms", Long.class), rs.getObject("load_ms", Long.class),
                        rs.getObject("evaluate_ms", Long.class), rs.getObject("whatif_ms", Long.class),
                        rs.getObject("budget_ms", Long.class), rs.getObject("store_ms", Long.class)),
                rs.getObject("details_dropped_at", OffsetDateTime.class));
    }
}
