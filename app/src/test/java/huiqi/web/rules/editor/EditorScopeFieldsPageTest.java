package huiqi.web.rules.editor;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.web.security.DemoAccounts;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The editor page of hs-2023-5 shows the scope, loop order and bearer fields; a refused edit names its field. */
@PlatformTest
class EditorScopeFieldsPageTest {
    @LocalServerPort int port;

    @Test
    void theEditorShowsTheNewFieldsAndRefusesAWrongVerbAtItsField() throws IOException {
        WebSession admin = WebSession.login(port, "admin", DemoAccounts.PASSWORD).csrfFrom("/rules/hs-2023-5/edit");
        String page = admin.get("/rules/hs-2023-5/edit").body();
        assertThat(page).contains("id=\"scope\"", "适用范围", "2023年承租市出资企业的房屋", "逐项承担方",
                "data-key=\"borne_by.field\" value=\"lessor\"", "data-key=\"borne_by.verb\" value=\"减免\"",
                "class=\"loop-order\"", "data-field=\"borne_by:hs-2023-5/5-1\"");

        String yaml = Files.readString(EditorFixtures.policies().resolve("hs-2023-5").resolve("rules.yaml"));
        HttpResponse<String> refused = admin.postForm("/rules/hs-2023-5/edit/apply",
                Map.of("yaml", yaml, "op", "field", "rule", "hs-2023-5/5-1", "key", "borne_by.verb", "value", "bear"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("一至六个汉字", "\"field\":\"borne_by:hs-2023-5/5-1\"");

        HttpResponse<String> ordered = admin.postForm("/rules/hs-2023-5/edit/apply", Map.of("yaml", yaml, "op", "order",
                "rule", "hs-2023-5/5-1", "field", "amount", "index", "-1", "loop", "0", "key", "l.start", "direction", "desc"));
        assertThat(ordered.statusCode()).isEqualTo(200);
        assertThat(ordered.body()).contains("for l in leases order by l.start desc where");
    }
}
