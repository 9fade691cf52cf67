package huiqi.web.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.web.policy.PolicyStore;
import huiqi.web.security.DemoAccounts;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Progress values and target edits are bounded numbers; a stored value out of range never breaks a 督查 page. */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionNumbersTest {
    static final String DOC = "sv-numbers";

    @LocalServerPort
    int port;
    @Autowired
    PolicyStore policies;
    @Autowired
    TaskStore store;
    @Autowired
    JdbcClient jdbc;

    long task;

    @BeforeAll
    void setUp() {
        task = SupervisionFixtures.insertWithTask(policies, store, jdbc, DOC);
    }

    @AfterAll
    void tearDown() {
        SupervisionFixtures.remove(jdbc, DOC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e1000", "1e1000000", "12345678901234567890", "-3"})
    void anOutOfRangeProgressValueIsRefusedInChineseAndNothingIsStored(String value) {
        WebSession s = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
        int before = store.reports(task).size();
        long start = System.nanoTime();
        HttpResponse<String> r = s.postForm("/supervision/tasks/" + task + "/reports", Map.of(
                "reportedOn", SupervisionViews.today().toString(), "value0", value, "narrative", "进展"));
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(3000);
        assertThat(r.statusCode()).isEqualTo(302);
        String page = s.get("/supervision/tasks/" + task).body();
        assertThat(page).contains("目标1的累计完成值").containsAnyOf("超出范围", "不能为负");
        assertThat(store.reports(task)).hasSize(before);
    }

    @Test
    void anOutOfRangePercentOrTargetEditIsRefused() {
        WebSession s = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
        int before = store.reports(task).size();
        s.postForm("/supervision/tasks/" + task + "/reports", Map.of(
                "reportedOn", SupervisionViews.today().toString(), "percent", "1e1000000", "narrative", "进展"));
        assertThat(s.get("/supervision/tasks/" + task).body()).contains("完成进度须为 0 到 100 之间的数字");
        assertThat(store.reports(task)).hasSize(before);
        WebSession admin = WebSession.login(port, "admin", DemoAccounts.PASSWORD);
        String targetsBefore = jdbc.sql("select targets::text from supervision_task where id = ?").param(task).query(String.class).single();
        admin.postForm("/supervision/tasks/" + task + "/edit", Map.of("quantity0", "1e1000000", "reason", "核对",
                "deadline", SupervisionFixtures.end().toString()));
        assertThat(admin.get("/supervision/tasks/" + task).body()).contains("目标1的数值").contains("超出范围");
        assertThat(jdbc.sql("select targets::text from supervision_task where id = ?").param(task).query(String.class).single())
                .isEqualTo(targetsBefore);
    }

    @Test
    void aStoredValueOutOfRangeStillRenders() {
        // written before values were bounded: 1e1000 in full (1,001 digits), and a percent within its column
        jdbc.sql("insert into supervision_report (task_id, reported_on, achieved, percent, narrative, reported_by) "
                        + "values (?, ?, ('{\"0\": 1' || repeat('0', 1000) || ', \"1\": 12345678901234567890123}')::jsonb, 50, '旧数据', 'gongxin')")
                .params(task, SupervisionViews.today()).update();
        try {
            WebSession gongxin = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
            HttpResponse<String> page = gongxin.get("/supervision/tasks/" + task);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("旧数据").contains("超出范围").doesNotContain("1" + "0".repeat(100));
            assertThat(gongxin.get("/supervision/tasks?document=" + DOC).statusCode()).isEqualTo(200);
            WebSession admin = WebSession.login(port, "admin", DemoAccounts.PASSWORD);
            assertThat(admin.get("/supervision/tasks/" + task).statusCode()).isEqualTo(200);
            assertThat(admin.get("/supervision/tasks").statusCode()).isEqualTo(200);
            assertThat(admin.get("/supervision/dashboard").statusCode()).isEqualTo(200);
            assertThat(admin.sendBytes("/supervision/export.xlsx").statusCode()).isEqualTo(200);
        } finally {
            jdbc.sql("delete from supervision_report where task_id = ? and narrative = '旧数据'").param(task).update();
        }
    }
}
