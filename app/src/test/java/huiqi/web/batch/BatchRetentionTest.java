package huiqi.web.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.web.security.DemoAccounts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention of batch detail rows: runs outside the setting (last N finished, or a time window) lose their
 * per-enterprise rows and keep their summaries; the run list and the run page say so.
 */
@PlatformTest
class BatchRetentionTest {
    @LocalServerPort
    int port;
    @Autowired
    BatchRunService service;
    @Autowired
    BatchRunStore runs;
    @Autowired
    BatchRetention configured;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    BatchResultFiles files;
    @Autowired
    BatchResults results;

    BatchRun runToTheEnd() throws InterruptedException {
        long id = service.start(new BatchRunRequest("fz-2024-2", null, null, null), "admin").id();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            BatchRun r = runs.find(id).orElseThrow();
            if (r.finished()) {
                assertThat(r.status()).as(r.error()).isEqualTo(BatchRun.DONE);
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("运行 " + id + " 未在 2 分钟内结束");
    }

    /** The run's detail rows as the results table reads them, and the rows batch_result keeps of them. */
    long details(long run) {
        long kept = jdbc.sql("select count(*) from batch_result where run_id = ?").param(run).query(Long.class).single();
        long all = results.page(run, new ResultFilter(null, null, null), 1, 1).total();
        assertThat(kept).isLessThanOrEqualTo(all);
        return all;
    }

    long summaries(long run) {
        return jdbc.sql("select count(*) from batch_run_rule where run_id = ?").param(run).query(Long.class).single();
    }

    void finishedDaysAgo(long run, int days) {
        jdbc.sql("update batch_run set finished_at = now() - make_interval(days => ?) where id = ?").params(days, run).update();
    }

    @Test
    void runsBeyondTheLastNLoseTheirDetailRowsButKeepTheirSummaries() throws Exception {
        BatchRun older = runToTheEnd();
        BatchRun newer = runToTheEnd();
        assertThat(details(older.id())).isPositive();
        finishedDaysAgo(older.id(), 400); // the oldest finished run of all
        int done = jdbc.sql("select count(*) from batch_run where status = 'done'").query(Integer.class).single();
        long summariesBefore = summaries(older.id());

        BatchRetention keepAllButOne = new BatchRetention(jdbc, tx, files, done - 1, 0);
        assertThat(keepAllButOne.apply()).containsExactly(older.id());
        assertThat(details(older.id())).isZero();
        assertThat(files.exists(older.id())).as("the run's result file is deleted").isFalse();
        assertThat(files.exists(newer.id())).isTrue();
        assertThat(jdbc.sql("select to_regclass(?) is null").param(BatchResultStore.partition(older.id()))
                .query(Boolean.class).single()).as("the run's partition is dropped").isTrue();
        assertThat(jdbc.sql("select to_regclass(?) is not null").param(BatchResultStore.partition(newer.id()))
                .query(Boolean.class).single()).isTrue();
        assertThat(summaries(older.id())).isEqualTo(summariesBefore).isPositive();
        assertThat(details(newer.id())).isPositive();
        assertThat(runs.find(older.id()).orElseThrow().detailsDropped()).isTrue();
        assertThat(runs.find(newer.id()).orElseThrow().detailsDropped()).isFalse();
        assertThat(keepAllButOne.apply()).as("applied again: nothing left to drop").isEmpty();

        WebSession officer = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
        String page = officer.get("/batch-runs/" + older.id()).body();
        assertThat(page).contains("details-dropped").contains("按保留设置删除").contains("已完成");
        assertThat(officer.get("/batch-runs/" + newer.id()).body()).doesNotContain("details-dropped");
        String list = officer.get("/batch-runs").body();
        assertThat(list).contains(configured.describe()).contains("明细已清理");
    }

    @Test
    void aTimeWindowDropsTheRunsFinishedBeforeIt() throws Exception {
        BatchRun run = runToTheEnd();
        finishedDaysAgo(run.id(), 10);
        assertThat(new BatchRetention(jdbc, tx, files, 0, 30).apply()).doesNotContain(run.id());
        assertThat(details(run.id())).isPositive();
        List<Long> dropped = new BatchRetention(jdbc, tx, files, 0, 7).apply();
        assertThat(dropped).contains(run.id());
        assertThat(details(run.id())).isZero();
        assertThat(summaries(run.id())).isPositive();
    }

    @Test
    void noLimitKeepsEverythingAndTheSettingIsDescribedInChinese() {
        assertThat(new BatchRetention(jdbc, tx, files, 0, 0).apply()).isEmpty();
        assertThat(new BatchRetention(jdbc, tx, files, 0, 0).describe()).contains("全部保留");
        assertThat(new BatchRetention(jdbc, tx, files, 5, 0).describe()).contains("最近 5 次运行").contains("保留汇总");
        assertThat(new BatchRetention(jdbc, tx, files, 5, 30).describe()).contains("最近 5 次运行中 30 天内完成的运行");
        assertThat(configured.describe()).contains("最近 20 次运行");
        assertThatThrownBy(() -> new BatchRetention(jdbc, tx, files, -1, 0)).hasMessageContaining("不能为负数");
    }
}
