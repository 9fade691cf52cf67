package huiqi.web.batch;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps batch results from growing forever: the per-enterprise rows of a finished run (its Parquet file and its
 * rows in batch_result) are kept while the run is
 * among the last {@code keep-runs} finished runs and (when {@code keep-days} > 0) finished within that many days;
 * older runs lose their detail rows but keep their summaries (per rule, per payer, budget) and are marked
 * {@code details_dropped_at}. Applied after every run; 0 turns a limit off.
 */
@Component
public class BatchRetention {
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final BatchResultFiles files;
    private final int keepRuns;
    private final int keepDays;

    BatchRetention(JdbcClient jdbc, TransactionTemplate tx, BatchResultFiles files, @Value("${huiqi.batch.retention.keep-runs:20}") int keepRuns,
                   @Value("${huiqi.batch.retention.keep-days:0}") int keepDays) {
        if (keepRuns < 0 || keepDays < 0) {
            throw new IllegalArgumentException("huiqi.batch.retention.keep-runs / keep-days 不能为负数");
        }
        this.jdbc = jdbc;
        this.tx = tx;
        this.files = files;
        this.keepRuns = keepRuns;
        this.keepDays = keepDays;
    }

    /** The setting in the words of the batch page. */
    public String describe() {
        if (keepRuns == 0 && keepDays == 0) {
            return "逐户结果明细全部保留（未设置保留期限）";
        }
        String runs = keepRuns > 0 ? "最近 " + keepRuns + " 次运行" : null;
        String days = keepDays > 0 ? keepDays + " 天内完成的运行" : null;
        String kept = runs != null && days != null ? runs + "中 " + days : runs != null ? runs : days;
        return "逐户结果明细只保留" + kept + "；更早的运行保留汇总（按规则、付款方、预算），明细删除";
    }

    /** Drops the detail rows of the runs outside the setting; returns the ids of the runs it pruned. */
    public List<Long> apply() {
        if (keepRuns == 0 && keepDays == 0) {
            return List.of();
        }
        OffsetDateTime cutoff = keepDays == 0 ? null : OffsetDateTime.now().minus(Duration.ofDays(keepDays));
        List<Long> expired = jdbc.sql("""
                        select id from (
                          select id, finished_at, details_dropped_at,
                                 row_number() over (order by finished_at desc, id desc) as recency
                          from batch_run where status = 'done'
                        ) r
                        where details_dropped_at is null
                          and ((? > 0 and recency > ?) or (cast(? as timestamptz) is not null and finished_at < ?))
                        order by id""")
                .params(keepRuns, keepRuns, cutoff, cutoff).query(Long.class).list();
        for (long id : expired) {
            tx.executeWithoutResult(s -> {
                // a run's rows are its own partition (V830): dropping it is immediate at any size
                jdbc.sql("drop table if exists " + BatchResultStore.partition(id)).update();
                jdbc.sql("delete from batch_result where run_id = ?").param(id).update();
                jdbc.sql("update batch_run set details_dropped_at = now() where id = ?").param(id).update();
            });
            // after the commit: a file deleted for a transaction that then failed could not come back
            files.delete(id);
        }
        return expired;
    }
}
