package huiqi.web.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.web.security.DemoAccounts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 督查 over REST: the task list with filters and paging, one task, its reports, a progress report (issue #19 item 11). */
@PlatformTest
class SupervisionApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UNIT = "市工信局"; // gongxin's unit

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> call(String user, String method, String path, String json) {
        WebSession s = WebSession.anonymous(port);
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(s.base() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return s.send(r.build());
    }

    private static JsonNode json(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private long taskOf(String unit) {
        return jdbc.sql("select min(id) from supervision_task where unit = ?").param(unit).query(Long.class).single();
    }

    @Test
    void theListPagesAndFiltersAndAnOfficerSeesOnlyItsUnit() {
        JsonNode all = json(call("ducha", "GET", "/api/v1/supervision/tasks?size=10", null), 200);
        long total = all.get("total").asLong();
        assertThat(total).isGreaterThan(10);
        assertThat(all.get("tasks")).hasSize(10);
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (int page = 1; page <= (total + 199) / 200; page++) {
            json(call("ducha", "GET", "/api/v1/supervision/tasks?size=200&page=" + page, null), 200).get("tasks")
                    .forEach(t -> ids.add(t.get("id").asLong()));
        }
        assertThat(ids).as("the pages together list every task once").hasSize((int) total);

        String unit = URLEncoder.encode(UNIT, StandardCharsets.UTF_8);
        JsonNode ofUnit = json(call("ducha", "GET", "/api/v1/supervision/tasks?size=200&unit=" + unit, null), 200);
        assertThat(ofUnit.get("total").asLong()).isPositive().isLessThan(total);
        ofUnit.get("tasks").forEach(t -> assertThat(t.get("unit").asString()).isEqualTo(UNIT));

        JsonNode officer = json(call("gongxin", "GET", "/api/v1/supervision/tasks?size=200", null), 200);
        assertThat(officer.get("total").asLong()).isPositive().isLessThan(total);
        officer.get("tasks").forEach(t -> assertThat(t.get("unit").asString()).isEqualTo(UNIT));

        JsonNode overdue = json(call("ducha", "GET", "/api/v1/supervision/tasks?size=200&status="
                + URLEncoder.encode("逾期", StandardCharsets.UTF_8), null), 200);
        overdue.get("tasks").forEach(t -> assertThat(t.get("status").asString()).isEqualTo("逾期"));

        assertThat(json(call("ducha", "GET", "/api/v1/supervision/tasks?size=100000", null), 400).get("detail").asString())
                .contains("size");
        assertThat(call("ducha", "GET", "/api/v1/supervision/tasks?status=x", null).statusCode()).isEqualTo(400);
        assertThat(call("caizheng", "GET", "/api/v1/supervision/tasks", null).statusCode()).isEqualTo(200);
        assertThat(call("guoku", "GET", "/api/v1/supervision/tasks", null).statusCode()).isEqualTo(403);
    }

    @Test
    void oneTaskAndItsReportsFollowTheRowRules() {
        long mine = taskOf(UNIT);
        JsonNode t = json(call("gongxin", "GET", "/api/v1/supervision/tasks/" + mine, null), 200);
        assertThat(t.get("summary").get("unit").asString()).isEqualTo(UNIT);
        assertThat(t.get("targets").isArray()).isTrue();
        assertThat(json(call("gongxin", "GET", "/api/v1/supervision/tasks/" + mine + "/reports", null), 200).isArray()).isTrue();

        long other = jdbc.sql("select min(id) from supervision_task where unit <> ?").param(UNIT).query(Long.class).single();
        assertThat(call("gongxin", "GET", "/api/v1/supervision/tasks/" + other, null).statusCode()).isEqualTo(403);
        assertThat(call("gongxin", "GET", "/api/v1/supervision/tasks/" + other + "/reports", null).statusCode()).isEqualTo(403);
        assertThat(call("ducha", "GET", "/api/v1/supervision/tasks/" + other, null).statusCode()).isEqualTo(200);
        HttpResponse<String> missing = call("admin", "GET", "/api/v1/supervision/tasks/987654321", null);
        assertThat(json(missing, 404).get("detail").asString()).isEqualTo("督查任务不存在");
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void theUnitsOfficerReportsProgressValidatedAsOnThePage() {
        long mine = taskOf(UNIT);
        String good = "{\"reportedOn\":\"" + SupervisionViews.today() + "\",\"percent\":\"40\",\"narrative\":\"接口报送的进展\"}";
        assertThat(call("ducha", "POST", "/api/v1/supervision/tasks/" + mine + "/reports", good).statusCode()).isEqualTo(403);
        long other = jdbc.sql("select min(id) from supervision_task where unit <> ?").param(UNIT).query(Long.class).single();
        assertThat(call("gongxin", "POST", "/api/v1/supervision/tasks/" + other + "/reports", good).statusCode()).isEqualTo(403);

        JsonNode stored = json(call("gongxin", "POST", "/api/v1/supervision/tasks/" + mine + "/reports", good), 201);
        assertThat(stored.get("narrative").asString()).isEqualTo("接口报送的进展");
        assertThat(stored.get("percent").decimalValue()).isEqualByComparingTo("40");
        assertThat(stored.get("reportedBy").asString()).isEqualTo("gongxin");
        JsonNode reports = json(call("ducha", "GET", "/api/v1/supervision/tasks/" + mine + "/reports", null), 200);
        assertThat(reports.findValuesAsString("narrative")).contains("接口报送的进展");

        JsonNode refused = json(call("gongxin", "POST", "/api/v1/supervision/tasks/" + mine + "/reports",
                "{\"reportedOn\":\"0001-01-01\",\"percent\":1e1000}"), 422);
        assertThat(refused.get("problems").toString()).contains("2000 年").contains("完成进度").contains("请填写工作进展情况");
        long before = jdbc.sql("select count(*) from supervision_report where task_id = ?").param(mine).query(Long.class).single();
        assertThat(before).isEqualTo(reports.size());
    }
}
