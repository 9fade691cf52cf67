package huiqi.web.errors;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.Multipart;
import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.web.security.DemoAccounts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Malformed requests get 400/413 with a Chinese message, on the API and on the pages: never a 500, never Spring's
 * or the JDK's English ("Failed to convert", "Failed to read request", "Invalid value for MonthOfYear"), never a
 * server path (issue #15 items 12 and 14).
 */
@PlatformTest
class ChineseErrorsTest {
    private static final String[] ENGLISH = {"Failed to convert", "Failed to read", "Invalid value", "Exception",
            "Bad Request", "/tmp"};

    @LocalServerPort
    int port;

    private HttpResponse<String> api(String method, String path, String json) {
        WebSession s = WebSession.anonymous(port);
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(s.base() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return s.send(r.build());
    }

    private static void chinese(HttpResponse<String> r, int status, String phrase) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains(phrase).doesNotContain(ENGLISH);
    }

    @Test
    void aPathVariableOfTheWrongTypeIs400InChinese() {
        chinese(api("GET", "/api/v1/fulfilment/cases/abc", null), 400, "参数 id 的值 'abc' 格式不正确");
    }

    @Test
    void anUnreadableBodyIs400InChinese() {
        chinese(api("POST", "/api/v1/fulfilment/cases/1/actions", "{oops"), 400, "请求体无法读取");
    }

    @Test
    void anImpossibleMonthIsExplainedInChinese() {
        HttpResponse<String> r = api("POST", "/api/v1/facts", "{\"batchId\": \"month-13\", \"source\": \"市工信局\", "
                + "\"facts\": [{\"uscc\": \"91350102MA2Y5K8T3W\", \"indicator\": \"gas_m3\", \"period\": \"2024-13\", \"value\": 1}]}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("月份应为 1-12").doesNotContain("MonthOfYear");
    }

    @Test
    void numbersTheDatabaseCannotHoldAreNot500() {
        for (String budget : new String[] {"1e309", "12345678901234567890", "100000000000000000000"}) {
            HttpResponse<String> r = api("PUT", "/api/v1/fulfilment/budgets/" + URLEncoder.encode("市财政局", StandardCharsets.UTF_8),
                    "{\"budget\": " + budget + "}");
            assertThat(r.statusCode()).as(budget + " " + r.body()).isEqualTo(400);
            assertThat(r.body()).containsPattern("\\p{IsHan}").doesNotContain(ENGLISH);
        }
        HttpResponse<String> cap = api("PUT", "/api/v1/fulfilment/caps/input-test-cap",
                "{\"cap\": 1e16, \"rules\": [\"measure-7\"]}");
        assertThat(cap.statusCode()).as(cap.body()).isBetween(400, 499);
        assertThat(cap.body()).containsPattern("\\p{IsHan}").doesNotContain(ENGLISH);
    }

    @Test
    void anUnknownResultStatusIs400OnThePage() {
        WebSession s = WebSession.login(port, "admin", DemoAccounts.PASSWORD);
        chinese(s.get("/batch-runs/1/results?status=x"), 400, "状态应为 eligible");
        chinese(s.get("/batch-runs/abc"), 400, "格式不正确");
    }

    @Test
    void creatingAnAccountWithoutARoleIsNot500() {
        WebSession s = WebSession.login(port, "admin", DemoAccounts.PASSWORD).csrfFrom("/admin/users");
        HttpResponse<String> r = s.postForm("/admin/users", Map.of("username", "norole-user", "password",
                "Aa1!aaaaaaaaaa", "displayName", "无角色"));
        assertThat(r.statusCode()).as(r.body()).isIn(200, 400);
        assertThat(r.body()).doesNotContain(ENGLISH);
    }

    @Test
    void theTooLargePageStatesTheLimit() {
        WebSession s = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD).csrfFrom("/imports");
        byte[] big = new byte[21 * 1024 * 1024];
        HttpResponse<String> r = s.send(new Multipart().file("files", "big.csv", "text/csv", big).post(s, "/imports"));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("20MB").contains("文件过大").doesNotContain(ENGLISH);
    }

    @Test
    void anApiUploadOverTheLimitIsProblemJsonInChinese() {
        WebSession s = WebSession.anonymous(port);
        HttpRequest upload = new Multipart().field("rule", "r").field("period", "2024").field("bankAccount", "1")
                .file("files", "big.pdf", "application/pdf", new byte[21 * 1024 * 1024]).post(s, "/api/v1/fulfilment/applications");
        HttpRequest withBasic = HttpRequest.newBuilder(upload, (name, value) -> !name.equalsIgnoreCase("Accept"))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> r = s.send(withBasic);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"status\":413").contains("20MB").contains("文件过大").doesNotContain(ENGLISH).doesNotContain("<html");
    }
}
