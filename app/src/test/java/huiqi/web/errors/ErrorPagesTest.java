package huiqi.web.errors;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.web.security.DemoAccounts;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Another firm's case, or a case, document, enterprise or task that does not exist: a Chinese HTML 403/404 page
 * for pages, problem+json for /api; never a 500 and never a raw JSON body in the browser (issue #19 item 3).
 */
@PlatformTest
class ErrorPagesTest {
    private static final String MISSING_ID = "987654321";
    private static final String MISSING_USCC = "91350100MA00000000";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private long someCase;
    private String owner;
    private String otherEnterprise;

    @BeforeEach
    void aCaseAndAnEnterpriseThatDoesNotOwnIt() {
        if (jdbc.sql("select count(*) from fulfilment_case").query(Long.class).single() == 0) {
            WebSession admin = WebSession.login(port, "admin", DemoAccounts.PASSWORD).csrfFrom("/fulfilment/queue");
            assertThat(admin.postForm("/fulfilment/rematch", Map.of()).statusCode()).isEqualTo(302);
        }
        Map<String, Object> c = jdbc.sql("select id, uscc from fulfilment_case order by id limit 1").query().singleRow();
        someCase = ((Number) c.get("id")).longValue();
        owner = (String) c.get("uscc");
        otherEnterprise = jdbc.sql("select username from app_user where role = 'ENTERPRISE' and enabled and uscc <> ? order by username limit 1")
                .param(owner).query(String.class).single();
    }

    private static HttpResponse<String> page(WebSession s, String path) {
        return s.send(HttpRequest.newBuilder(URI.create(s.base() + path))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build());
    }

    private HttpResponse<String> api(String user, String path) {
        WebSession s = WebSession.anonymous(port);
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(s.base() + path)).header("Accept", "application/json").GET();
        if (user != null) {
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return s.send(r.build());
    }

    private static void htmlPage(HttpResponse<String> r, int status, String heading) {
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).as(r.uri().toString())
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.body()).as(r.uri().toString()).contains(heading).doesNotContain("\"detail\"").doesNotContain("\"status\"");
    }

    private static void problem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).as(r.uri().toString())
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).as(r.uri().toString()).contains("\"status\":" + status).containsPattern("\"title\":\"[^\"]*\\p{IsHan}")
                .containsPattern("\"detail\":\"[^\"]*\\p{IsHan}");
    }

    @Test
    void pagesAnswerMissingThingsWithAChinese404Page() {
        WebSession admin = WebSession.login(port, "admin", DemoAccounts.PASSWORD);
        for (String path : new String[] {"/fulfilment/cases/" + MISSING_ID, "/policies/no-such-document", "/enterprises/" + MISSING_USCC,
                "/enterprises/" + MISSING_USCC + "/policy", "/supervision/tasks/" + MISSING_ID, "/no-such-page"}) {
            htmlPage(page(admin, path), 404, "（404）");
        }
        htmlPage(page(WebSession.login(port, "ducha", DemoAccounts.PASSWORD), "/supervision/tasks/" + MISSING_ID), 404, "（404）");
    }

    @Test
    void pagesAnswerAnotherFirmsThingsWithAChinese403Page() {
        WebSession other = WebSession.login(port, otherEnterprise, DemoAccounts.PASSWORD);
        htmlPage(page(other, "/fulfilment/cases/" + someCase), 403, "无权访问（403）");
        htmlPage(page(other, "/enterprises/" + owner), 403, "无权访问（403）");
        htmlPage(page(other, "/enterprises/" + owner + "/policy"), 403, "无权访问（403）");
        htmlPage(page(other, "/fulfilment/cases/" + MISSING_ID), 404, "（404）");
        htmlPage(page(WebSession.login(port, "ducha", DemoAccounts.PASSWORD), "/policies/gl-2023-1"), 403, "无权访问（403）");
    }

    @Test
    void theApiAnswersWithProblemJson() {
        problem(api("admin", "/api/v1/fulfilment/cases/" + MISSING_ID), 404);
        problem(api("admin", "/api/v1/documents/no-such-document"), 404);
        problem(api("admin", "/api/v1/enterprises/" + MISSING_USCC), 404);
        problem(api("admin", "/api/v1/no-such-endpoint"), 404);
        problem(api(otherEnterprise, "/api/v1/fulfilment/cases/" + someCase), 403);
        problem(api(otherEnterprise, "/api/v1/documents"), 403);
        problem(api(null, "/api/v1/documents"), 401);
    }
}
