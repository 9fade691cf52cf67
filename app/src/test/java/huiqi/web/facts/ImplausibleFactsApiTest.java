package huiqi.web.facts;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.enterprise.Uscc;
import huiqi.web.security.DemoAccounts;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * /api/v1/facts and /api/v1/evaluate refuse what the catalog calls implausible (issue #15 item 13), with the
 * rule the CSV import uses: negative kWh, a fractional or negative headcount, periods 0000-01 and 2099-01, an
 * establishment date in 2099, a NUL inside a value, the same fact twice.
 */
@PlatformTest
class ImplausibleFactsApiTest {
    private static int seed = 93_000;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    String uscc;

    @BeforeEach
    void enterprise() {
        uscc = Uscc.generate(new Random(seed++), "350102");
        jdbc.sql("insert into enterprise (uscc, name, region_code) values (?, '合理性测试企业', '350102') on conflict do nothing")
                .param(uscc).update();
    }

    private HttpResponse<String> post(String path, String body) {
        WebSession s = WebSession.anonymous(port);
        return s.send(HttpRequest.newBuilder(URI.create(s.base() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("gongxin:" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private HttpResponse<String> fact(String indicator, String period, String valueJson) {
        return post("/api/v1/facts", "{\"batchId\": \"plaus-" + uscc + "-" + indicator + period + valueJson.hashCode()
                + "\", \"facts\": [{\"uscc\": \"" + uscc + "\", \"indicator\": \"" + indicator + "\", \"period\": \""
                + period + "\", \"value\": " + valueJson + "}]}");
    }

    private long facts() {
        return jdbc.sql("select count(*) from enterprise_fact where uscc = ?").param(uscc).query(Long.class).single();
    }

    @Test
    void negativeKwhIsRefused() {
        var r = fact("electricity_kwh", "2024-02", "-5");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("不能为负数");
        assertThat(fact("electricity_kwh", "2024-02", "\"-5千瓦时\"").statusCode()).isEqualTo(422);
        assertThat(facts()).isZero();
    }

    @Test
    void aFractionalOrNegativeHeadcountIsRefused() {
        var r = fact("insured_headcount", "2024-02", "12.5");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("应为整数");
        assertThat(fact("insured_headcount", "2024-02", "-3").statusCode()).isEqualTo(422);
        assertThat(facts()).isZero();
    }

    @Test
    void implausiblePeriodsAreRefused() {
        for (String period : new String[] {"0000-01", "2099-01"}) {
            var r = fact("electricity_kwh", period, "5");
            assertThat(r.statusCode()).as(period + " " + r.body()).isEqualTo(422);
            assertThat(r.body()).contains("不合理");
        }
        assertThat(facts()).isZero();
    }

    @Test
    void aValueTheDatabaseCannotHoldIsRefused() {
        var r = fact("electricity_kwh", "2024-02", "\"100000000000000000000\"");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("超出");
    }

    private String enterprise(String profileExtra, String facts) {
        return "{\"profile\": {\"uscc\": \"" + uscc + "\", \"name\": \"合理性测试企业\"" + profileExtra + "}, \"facts\": ["
                + facts + "]}";
    }

    @Test
    void evaluateRefusesDuplicateFactsAFutureEstablishmentAndNul() {
        String f = "{\"indicator\": \"electricity_kwh\", \"period\": \"2024-02\", \"value\": 600000}";
        var ok = post("/api/v1/evaluate", enterprise("", f));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);

        var dup = post("/api/v1/evaluate", enterprise("", f + ", " + f.replace("600000", "1")));
        assertThat(dup.statusCode()).as(dup.body()).isEqualTo(400);
        assertThat(dup.body()).contains("重复");

        var future = post("/api/v1/evaluate", enterprise(", \"established_date\": \"2099-01-01\"", f));
        assertThat(future.statusCode()).as(future.body()).isEqualTo(400);
        assertThat(future.body()).contains("不合理");

        var nul = post("/api/v1/evaluate", enterprise(", \"industry\": \"C33\\u000011\"", f));
        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
        assertThat(nul.body()).contains("控制字符");

        var negative = post("/api/v1/evaluate", enterprise("", f.replace("600000", "-600000")));
        assertThat(negative.statusCode()).as(negative.body()).isEqualTo(400);
        assertThat(negative.body()).contains("不能为负数");
    }
}
