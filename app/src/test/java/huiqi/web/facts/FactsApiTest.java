package huiqi.web.facts;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.enterprise.Uscc;
import huiqi.web.security.DemoAccounts;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POST /api/v1/facts on the embedded PostgreSQL: all or nothing, idempotent by batch id, officers only. */
@PlatformTest
class FactsApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static int seed = 7000;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    String a;
    String b;

    /** Two fresh enterprises per test, so no test sees another's facts (nor the demo population's). */
    @BeforeEach
    void enterprises() {
        a = fresh();
        b = fresh();
    }

    private String fresh() {
        String code = Uscc.generate(new Random(seed++), "350102");
        jdbc.sql("insert into enterprise (uscc, name, region_code) values (?, ?, '350102') on conflict do nothing")
                .params(code, "上报测试企业" + code.substring(10)).update();
        return code;
    }

    private HttpResponse<String> post(String user, String body) {
        WebSession s = WebSession.anonymous(port);
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(s.base() + "/api/v1/facts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            r.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return s.send(r.build());
    }

    private static String batch(String id, String source, String... items) {
        return "{\"batchId\": \"" + id + "\"" + (source == null ? "" : ", \"source\": \"" + source + "\"")
                + ", \"facts\": [" + String.join(",", items) + "]}";
    }

    private static String item(String uscc, String indicator, String period, String valueJson) {
        return "{\"uscc\": \"" + uscc + "\", \"indicator\": \"" + indicator + "\", \"period\": \"" + period
                + "\", \"value\": " + valueJson + "}";
    }

    private long facts(String uscc) {
        return jdbc.sql("select count(*) from enterprise_fact where uscc = ?").param(uscc).query(Long.class).single();
    }

    private BigDecimal value(String uscc, String indicator, String period) {
        return jdbc.sql("select value from enterprise_fact where uscc = ? and indicator = ? and period = ?")
                .params(uscc, indicator, period).query(BigDecimal.class).single();
    }

    private long batches(String id) {
        return jdbc.sql("select count(*) from fact_batch where batch_id = ?").param(id).query(Long.class).single();
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    @Test
    void aGoodBatchIsStoredWithProvenance() {
        String id = "工信-" + a + "-0001";
        var r = post("gongxin", batch(id, null,
                item(a, "electricity_kwh", "2024-02", "\"52万千瓦时\""),
                item(a, "用电量", "2024-01", "480000"),
                item(b, "tax_paid", "2024-Q1", "\"18.6万元\"")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = json(r);
        assertThat(body.get("facts").asInt()).isEqualTo(3);
        assertThat(body.get("enterprises").asInt()).isEqualTo(2);
        assertThat(body.get("source").asString()).isEqualTo("市工信局");
        assertThat(body.get("alreadyApplied").asBoolean()).isFalse();
        assertThat(value(a, "electricity_kwh", "2024-02")).isEqualByComparingTo("520000");
        assertThat(value(a, "electricity_kwh", "2024-01")).isEqualByComparingTo("480000");
        assertThat(value(b, "tax_paid", "2024-Q1")).isEqualByComparingTo("186000");
        Map<String, Object> prov = jdbc.sql("""
                        select f.source, f.file, f.row_no, f.batch_id, b.submitted_by, b.applied_at
                        from enterprise_fact f join fact_batch b using (batch_id)
                        where f.uscc = ? and f.indicator = 'electricity_kwh' and f.period = '2024-01'""")
                .param(a).query().singleRow();
        assertThat(prov).containsEntry("source", "市工信局").containsEntry("file", id).containsEntry("row_no", 2)
                .containsEntry("batch_id", id).containsEntry("submitted_by", "gongxin");
        assertThat(prov.get("applied_at")).isNotNull();
    }

    @Test
    void everyBadItemIsReportedAndNothingIsStored() {
        String unknown = Uscc.generate(new Random(99_001), "350102");
        String badCheck = a.substring(0, 17) + (a.charAt(17) == '0' ? '1' : '0');
        String id = "工信-bad-" + a;
        var r = post("gongxin", batch(id, null,
                item(a, "electricity_kwh", "2024-02", "\"52万千瓦时\""),      // 0 good
                item(badCheck, "electricity_kwh", "2024-02", "1"),            // 1 check character
                item(unknown, "electricity_kwh", "2024-02", "1"),             // 2 not in the register
                item(a, "no_such_indicator", "2024-02", "1"),                 // 3 indicator
                item(a, "electricity_kwh", "2024-02-01", "1"),                // 4 a day of a monthly indicator
                item(a, "gas_m3", "2024-13", "1"),                            // 5 unparseable period
                item(a, "insured_headcount", "2024-02", "\"52万千瓦时\""),    // 6 wrong unit
                item(a, "exports", "2024-02", "\"很多\""),                    // 7 not a number
                item(a, "fixed_asset_investment", "2024-02", "null"),        // 8 missing value
                item(a, "electricity_kwh", "2024-02", "\"1千瓦时\"")));       // 9 duplicate of 0
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        List<String> problems = new ArrayList<>();
        json(r).get("problems").forEach(p -> problems.add(p.get("index").asInt() + " " + p.get("field").asString()
                + " " + p.get("reason").asString()));
        assertThat(problems).hasSize(9);
        assertThat(problems.get(0)).startsWith("1 uscc 校验码错误");
        assertThat(problems.get(1)).startsWith("2 uscc ").contains("不在企业档案中");
        assertThat(problems.get(2)).startsWith("3 indicator 未知指标 'no_such_indicator'");
        assertThat(problems.get(3)).startsWith("4 period ").contains("按月统计");
        assertThat(problems.get(4)).startsWith("5 period ");
        assertThat(problems.get(5)).startsWith("6 value ").contains("单位应为 人");
        assertThat(problems.get(6)).startsWith("7 value ").contains("应为数字");
        assertThat(problems.get(7)).startsWith("8 value 数值为空");
        assertThat(problems.get(8)).startsWith("9  重复");
        assertThat(facts(a)).isZero();
        assertThat(batches(id)).isZero();
    }

    @Test
    void malformedBodiesAre400() {
        var notJson = post("gongxin", "{\"batchId\": ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("problems").get(0).get("reason").asString()).contains("不是有效的 JSON");
        var noId = post("gongxin", "{\"facts\": [], \"extra\": 1}");
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(noId.body()).contains("\"field\":\"batchId\"", "\"field\":\"facts\"", "\"field\":\"extra\"");
        var wrongTypes = post("gongxin", batch("工信-types-" + a, null, "{\"uscc\": 1, \"indicator\": \"gas_m3\", \"period\": \"2024-02\", \"value\": true}"));
        assertThat(wrongTypes.statusCode()).isEqualTo(400);
        assertThat(wrongTypes.body()).contains("\"index\":0,\"field\":\"uscc\"", "\"index\":0,\"field\":\"value\"");
    }

    @Test
    void anOfficerReportsOnlyForItsOwnDepartmentAndAnAdminNamesOne() {
        var other = post("gongxin", batch("税务-" + a, "市税务局", item(a, "tax_paid", "2024-Q1", "186000")));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("只能以本部门（市工信局）名义上报");
        assertThat(post("admin", batch("税务-admin-" + a, null, item(a, "tax_paid", "2024-Q1", "186000"))).statusCode())
                .isEqualTo(400);
        var admin = post("admin", batch("税务-admin-" + a, "市税务局", item(a, "tax_paid", "2024-Q1", "186000")));
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(201);
        assertThat(jdbc.sql("select source from enterprise_fact where uscc = ? and indicator = 'tax_paid'").param(a)
                .query(String.class).single()).isEqualTo("市税务局");
    }

    @Test
    void aReplayReturnsTheOriginalResultAndChangesNothing() {
        String id = "工信-replay-" + a;
        String body = batch(id, null, item(a, "electricity_kwh", "2024-02", "\"52万千瓦时\""));
        var first = post("gongxin", body);
        assertThat(first.statusCode()).isEqualTo(201);
        // a later batch corrects the value; replaying the first must not put the old value back
        assertThat(post("gongxin", batch(id + "-fix", null, item(a, "electricity_kwh", "2024-02", "\"53万千瓦时\"")))
                .statusCode()).isEqualTo(201);
        var again = post("gongxin", body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("alreadyApplied").asBoolean()).isTrue();
        assertThat(json(again).get("message").asString()).contains("已于", "未做任何更改");
        assertThat(json(again).get("appliedAt").asString()).isEqualTo(json(first).get("appliedAt").asString());
        assertThat(value(a, "electricity_kwh", "2024-02")).isEqualByComparingTo("530000");
        // the same items written with the source spelled out are the same batch
        assertThat(post("gongxin", batch(id, "市工信局", item(a, "electricity_kwh", "2024-02", "\"52万千瓦时\"")))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void theSameBatchIdWithOtherContentIsAConflict() {
        String id = "工信-conflict-" + a;
        assertThat(post("gongxin", batch(id, null, item(a, "electricity_kwh", "2024-02", "520000"))).statusCode())
                .isEqualTo(201);
        var r = post("gongxin", batch(id, null, item(a, "electricity_kwh", "2024-02", "530000"),
                item(b, "electricity_kwh", "2024-02", "1")));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).get("detail").asString()).contains("以不同的内容入库");
        assertThat(json(r).get("original").get("facts").asInt()).isEqualTo(1);
        assertThat(value(a, "electricity_kwh", "2024-02")).isEqualByComparingTo("520000");
        assertThat(facts(b)).isZero();
        // even an invalid body under an applied batch id is the conflict, not a validation report
        assertThat(post("gongxin", batch(id, null, item(a, "nope", "2024-02", "1"))).statusCode()).isEqualTo(409);
    }

    @Test
    void concurrentPostsOfOneBatchApplyItOnce() throws Exception {
        String id = "工信-concurrent-" + a;
        List<String> items = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            items.add(item(a, "electricity_kwh", "2023-" + (m < 10 ? "0" + m : m), Integer.toString(1000 * m)));
            items.add(item(b, "electricity_kwh", "2023-" + (m < 10 ? "0" + m : m), Integer.toString(2000 * m)));
        }
        String body = batch(id, null, items.toArray(String[]::new));
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(pool.submit(() -> {
                go.await();
                return post("gongxin", body);
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        List<String> appliedAt = new ArrayList<>();
        for (var c : calls) {
            HttpResponse<String> r = c.get();
            codes.add(r.statusCode());
            appliedAt.add(json(r).get("appliedAt").asString());
        }
        pool.shutdown();
        assertThat(codes).containsOnly(201, 200);
        assertThat(codes.stream().filter(c -> c == 201).count()).as("applied once").isEqualTo(1);
        assertThat(appliedAt).containsOnly(appliedAt.get(0));
        assertThat(batches(id)).isEqualTo(1);
        assertThat(jdbc.sql("select replaced from fact_batch where batch_id = ?").param(id).query(Integer.class).single())
                .isZero();
        assertThat(facts(a)).isEqualTo(12);
        assertThat(facts(b)).isEqualTo(12);
    }

    @Test
    void enterprisesAndAnonymousCallersAreRefused() {
        String enterprise = jdbc.sql("select username from app_user where role = 'ENTERPRISE' order by username limit 1")
                .query(String.class).single();
        String body = batch("企业-" + a, null, item(a, "electricity_kwh", "2024-02", "1"));
        assertThat(post(enterprise, body).statusCode()).isEqualTo(403);
        assertThat(post("ducha", body).statusCode()).as("督查室").isEqualTo(403);
        // without credentials the CSRF check (no Authorization header, no token) refuses first
        assertThat(post(null, body).statusCode()).isIn(401, 403);
        assertThat(facts(a)).isZero();
    }

    @Test
    void aBrowserSessionNeedsTheCsrfToken() {
        WebSession s = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
        String body = batch("工信-session-" + a, null, item(a, "electricity_kwh", "2024-02", "1"));
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(s.base() + "/api/v1/facts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        assertThat(s.send(r.build()).statusCode()).isEqualTo(403);
        assertThat(facts(a)).isZero();
        var withToken = s.send(r.header("X-CSRF-TOKEN", s.csrf()).build());
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
        assertThat(facts(a)).isEqualTo(1);
    }
}
