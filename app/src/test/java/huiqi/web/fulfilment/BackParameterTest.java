package huiqi.web.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.web.security.DemoAccounts;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The page's `back=` target cannot split the redirect header or leave the module (finding: CRLF gave 500). */
@PlatformTest
class BackParameterTest {
    @LocalServerPort
    int port;

    private HttpResponse<String> act(String back) {
        WebSession s = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD).csrfFrom("/fulfilment/queue");
        return s.postForm("/fulfilment/cases/999999999/act", Map.of("action", "推送", "back", back));
    }

    @Test
    void crlfInBackFallsBackToTheCasePage() {
        HttpResponse<String> r = act("/fulfilment/cases\r\nX-Injected: 1");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/fulfilment/cases/999999999");
        assertThat(r.headers().firstValue("X-Injected")).isEmpty();
    }

    @Test
    void otherHostsAndOtherModulesAreRefusedButAListWithFiltersIsKept() {
        assertThat(act("//evil.example/fulfilment/").headers().firstValue("Location").orElse(""))
                .endsWith("/fulfilment/cases/999999999");
        assertThat(act("/admin/users").headers().firstValue("Location").orElse(""))
                .endsWith("/fulfilment/cases/999999999");
        assertThat(act("/fulfilment/cases?state=%E5%B7%B2%E6%8E%A8%E9%80%81&page=2").headers().firstValue("Location")
                .orElse("")).endsWith("/fulfilment/cases?state=%E5%B7%B2%E6%8E%A8%E9%80%81&page=2");
    }
}
