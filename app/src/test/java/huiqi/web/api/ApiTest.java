package huiqi.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.web.security.DemoAccounts;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** /api/v1 with HTTP Basic: the same role rules as the pages. */
@PlatformTest
class ApiTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> call(String user, String method, String path, String body) {
        WebSession s = WebSession.anonymous(port);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.base() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return s.send(b.build());
    }

    private String twoEnterprises(int i) {
        return jdbc.sql("select uscc from app_user where role = 'ENTERPRISE' and username = uscc order by uscc limit 1 offset ?").param(i).query(String.class).single();
    }

    @Test
    void officersReadDocumentsAndMeasures() {
        var r = call("gongxin", "GET", "/api/v1/documents?docNumber=榕政办规".replace("榕政办规", "%E6%A6%95%E6%94%BF%E5%8A%9E%E8%A7%84"), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"id\":\"fz-2024-2\"").doesNotContain("gl-2023-1");
        var doc = call("gongxin", "GET", "/api/v1/documents/fz-2024-2/measures", null);
        assertThat(doc.body()).contains("福州供电公司");
        var unit = call("caizheng", "GET", "/api/v1/measures?unit=%E5%B8%82%E8%B4%A2%E6%94%BF%E5%B1%80", null);
        assertThat(unit.statusCode()).isEqualTo(200);
        assertThat(unit.body()).contains("fz-2024-2");
        assertThat(call("gongxin", "GET", "/api/v1/documents/nope", null).statusCode()).isEqualTo(404);
    }

    @Test
    void anonymousCallsGet401() {
        assertThat(call(null, "GET", "/api/v1/documents", null).statusCode()).isEqualTo(401);
        assertThat(call(null, "POST", "/api/v1/evaluate", "{}").statusCode()).isIn(401, 403);
    }

    @Test
    void evaluateAnEnterpriseDocument() throws Exception {
        String json = Files.readString(Path.of("..", "docs", "examples", "enterprise-fz.json"));
        var r = call("gongxin", "POST", "/api/v1/evaluate", json);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"ruleId\" : \"fz-2024-2/7\"", "\"status\" : \"eligible\"", "12000.00");
        var bad = call("gongxin", "POST", "/api/v1/evaluate", "{\"profile\": 1}");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void rulesListTheirParametersWithSources() {
        var r = call("gongxin", "GET", "/api/v1/rules", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("fz-2024-2/7", "0.02元/千瓦时");
        assertThat(call("gongxin", "GET", "/api/v1/rules/fz-2024-2/7", null).statusCode()).isEqualTo(200);
    }

    @Test
    void anEnterpriseSeesOnlyItself() {
        String mine = twoEnterprises(0);
        String other = twoEnterprises(1);
        assertThat(call(mine, "GET", "/api/v1/enterprises/" + mine, null).statusCode()).isEqualTo(200);
        assertThat(call(mine, "GET", "/api/v1/enterprises/" + mine + "/evaluation", null).statusCode()).isEqualTo(200);
        assertThat(call(mine, "GET", "/api/v1/enterprises/" + other, null).statusCode()).isEqualTo(403);
        assertThat(call(mine, "GET", "/api/v1/enterprises/" + other + "/evaluation", null).statusCode()).isEqualTo(403);
        assertThat(call(mine, "GET", "/api/v1/documents", null).statusCode()).isEqualTo(403);
        assertThat(call(mine, "GET", "/api/v1/enterprises", null).statusCode()).isEqualTo(403);
        assertThat(call(mine, "POST", "/api/v1/evaluate", "{}").statusCode()).isEqualTo(403);
        assertThat(call(mine, "GET", "/v3/api-docs", null).statusCode()).isEqualTo(403);
    }

    @Test
    void openApiDescribesTheApi() {
        var r = call("gongxin", "GET", "/v3/api-docs", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"openapi\":\"3.0", "/api/v1/evaluate", "/api/v1/documents/{id}", "/api/v1/facts");
    }
}
