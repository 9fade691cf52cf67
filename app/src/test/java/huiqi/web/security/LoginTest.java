package huiqi.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@PlatformTest
class LoginTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountBootstrap bootstrap;

    @Test
    void officerSeesTheDashboardAndThePolicyLibrary() {
        WebSession s = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
        HttpResponse<String> home = s.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("工作台", "部门经办", "市工信局经办");
        assertThat(s.get("/policies").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordIsRefused() {
        WebSession s = WebSession.anonymous(port);
        String page = s.get("/login").body();
        String token = page.replaceAll("(?s).*name=\"_csrf\"\\s+value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> r = s.postForm("/login",
                Map.of("username", "gongxin", "password", "wrong", "_csrf", token));
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login?error");
    }

    @Test
    void passwordsAreStoredAsBcrypt() {
        String hash = jdbc.sql("select password_hash from app_user where username = 'admin'").query(String.class).single();
        assertThat(hash).startsWith("$2a$").doesNotContain(DemoAccounts.PASSWORD);
    }

    @Test
    void adminIsNotCreatedTwiceAndGeneratedPasswordsDiffer() {
        assertThat(bootstrap.ensureAdministrator(true)).as("an administrator exists already").isNull();
        assertThat(PasswordPolicy.generate(16)).hasSize(16).isNotEqualTo(PasswordPolicy.generate(16));
    }

    @Test
    void postWithoutCsrfTokenIsRefused() {
        WebSession s = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
        HttpResponse<String> r = s.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(s.base() + "/logout"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(r.statusCode()).isEqualTo(403);
    }
}
