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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * /v3/api-docs describes the API as a product (issue #19 item 11): a real title and the build's version, HTTP Basic
 * and session security declared and applied, problem+json 4xx answers on every operation. Writes the spec to
 * target/openapi.json, which scripts/run-tests lints with Redocly's recommended rules.
 */
@PlatformTest
class OpenApiSpecTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    @LocalServerPort
    int port;
    @Autowired
    BuildProperties build;

    @Test
    void theSpecHasTitleVersionSecurityAndProblemAnswers() throws Exception {
        WebSession s = WebSession.anonymous(port);
        HttpResponse<String> r = s.send(HttpRequest.newBuilder(URI.create(s.base() + "/v3/api-docs"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("admin:" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build());
        assertThat(r.statusCode()).isEqualTo(200);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), r.body(), StandardCharsets.UTF_8);
        JsonNode spec = JSON.readTree(r.body());

        assertThat(spec.at("/info/title").asString()).isEqualTo("惠企平台 REST API");
        assertThat(spec.at("/info/version").asString()).isEqualTo(build.getVersion()).isNotEqualTo("v0");
        assertThat(spec.at("/components/securitySchemes/basicAuth/scheme").asString()).isEqualTo("basic");
        assertThat(spec.at("/components/securitySchemes/session/in").asString()).isEqualTo("cookie");
        assertThat(spec.at("/security").toString()).contains("basicAuth").contains("session");
        assertThat(spec.at("/components/responses/NotFound/content").has("application/problem+json")).isTrue();
        assertThat(spec.at("/servers/0/url").asString()).isEqualTo("/");
        assertThat(spec.at("/paths/~1api~1v1~1supervision~1tasks~1{id}~1reports/post/responses").has("201")).isTrue();

        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                operations++;
                String name = method.toUpperCase() + " " + path.getKey();
                JsonNode responses = op.get("responses");
                for (String status : List.of("401", "403")) {
                    if (!responses.has(status)) {
                        missing.add(name + " " + status);
                    }
                }
                if (path.getKey().contains("{") && !responses.has("404")) {
                    missing.add(name + " 404");
                }
                if ((op.has("parameters") || op.has("requestBody")) && !responses.has("400")) {
                    missing.add(name + " 400");
                }
            }
        }
        assertThat(operations).isGreaterThan(40);
        assertThat(missing).isEmpty();
        assertThat(spec.get("paths").has("/api/v1/supervision/tasks")).isTrue();
        assertThat(spec.get("paths").has("/api/v1/supervision/tasks/{id}/reports")).isTrue();
    }
}
