package huiqi.web.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.Multipart;
import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.web.policy.PolicyStore;
import huiqi.web.security.DemoAccounts;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A progress report dated 0001-01-01 is refused; an attachment named with 300 characters is kept, shortened (issue #15 items 12, 13). */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionInputTest {
    static final String DOC = "sv-input";

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

    private HttpResponse<String> report(WebSession s, String date, String fileName) {
        return s.send(new Multipart().field("reportedOn", date).field("value0", "3").field("narrative", "测试进展")
                .file("files", fileName, "text/plain", "附件内容".getBytes(StandardCharsets.UTF_8))
                .post(s, "/supervision/tasks/" + task + "/reports"));
    }

    private long reports() {
        return jdbc.sql("select count(*) from supervision_report where task_id = ?").param(task).query(Long.class).single();
    }

    @Test
    void aReportDatedInYearOneIsRefused() {
        WebSession s = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD).csrfFrom("/supervision/tasks/" + task);
        long before = reports();
        HttpResponse<String> r = report(s, "0001-01-01", "a.txt");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(s.get("/supervision/tasks/" + task).body()).contains("报送日期 0001-01-01 不合理");
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void anAttachmentNameOver255CharactersIsShortenedNotA500() {
        WebSession s = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD).csrfFrom("/supervision/tasks/" + task);
        HttpResponse<String> r = report(s, SupervisionViews.today().toString(), "n".repeat(300) + ".txt");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String stored = jdbc.sql("""
                        select a.file_name from supervision_attachment a join supervision_report r on r.id = a.report_id
                        where r.task_id = ? order by a.id desc limit 1""").param(task).query(String.class).single();
        assertThat(stored).endsWith(".txt").hasSizeLessThanOrEqualTo(120);
    }
}
