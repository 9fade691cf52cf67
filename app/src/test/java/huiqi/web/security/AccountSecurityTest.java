package huiqi.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Sign-in throttling, forced password changes and account management, over HTTP as a user meets them. */
@PlatformTest
class AccountSecurityTest {
    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void releaseAddresses() {
        throttle.release("127.0.0.1");
        throttle.release("0:0:0:0:0:0:0:1");
    }

    private void account(String username, String password) {
        accounts.create(username, encoder.encode(password), Role.OFFICER, "测试经办 " + username, "市工信局", null);
    }

    private String formLogin(String username, String password) {
        WebSession s = WebSession.anonymous(port);
        String token = s.get("/login").body().replaceAll("(?s).*name=\"_csrf\"\\s+value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> r = s.postForm("/login", Map.of("username", username, "password", password, "_csrf", token));
        return r.headers().firstValue("Location").orElse("");
    }

    private int basic(String username, String password) {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/documents"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilAnAdministratorUnlocksIt() {
        account("lock.form", "Correct-horse-1");
        for (int i = 1; i <= 4; i++) {
            assertThat(formLogin("lock.form", "wrong-" + i)).endsWith("/login?error");
        }
        assertThat(formLogin("lock.form", "wrong-5")).as("the fifth wrong password locks").endsWith("/login?error");
        assertThat(formLogin("lock.form", "Correct-horse-1")).as("right password while locked").endsWith("/login?locked");
        assertThat(jdbc.sql("select count(*) from audit_log where entity = 'account' and entity_id = 'lock.form' and action = '登录锁定'")
                .query(Long.class).single()).isEqualTo(1);

        WebSession admin = WebSession.login(port, "admin", DemoAccounts.PASSWORD);
        admin.csrfFrom("/admin/users?q=lock.form");
        assertThat(admin.get("/admin/users?q=lock.form").body()).contains("已锁定");
        assertThat(admin.postForm("/admin/users/lock.form/unlock", Map.of()).statusCode()).isEqualTo(302);
        assertThat(formLogin("lock.form", "Correct-horse-1")).doesNotContain("error").doesNotContain("locked");
    }

    @Test
    void fourWrongPasswordsThenTheRightOneSucceedAndResetTheCount() {
        account("lock.reset", "Correct-horse-2");
        for (int i = 1; i <= 4; i++) {
            formLogin("lock.reset", "wrong-" + i);
        }
        assertThat(formLogin("lock.reset", "Correct-horse-2")).doesNotContain("error");
        assertThat(formLogin("lock.reset", "wrong-again")).endsWith("/login?error");
        assertThat(formLogin("lock.reset", "Correct-horse-2")).as("count restarted after success").doesNotContain("locked");
    }

    @Test
    void httpBasicCountsTheSameWay() {
        account("lock.basic", "Correct-horse-3");
        assertThat(basic("lock.basic", "Correct-horse-3")).isEqualTo(200);
        for (int i = 1; i <= 5; i++) {
            assertThat(basic("lock.basic", "wrong-" + i)).isEqualTo(401);
        }
        assertThat(basic("lock.basic", "Correct-horse-3")).as("locked for Basic too").isEqualTo(401);
        assertThat(formLogin("lock.basic", "Correct-horse-3")).as("and for the form").endsWith("/login?locked");
    }

    @Test
    void manyFailuresFromOneAddressBlockThatAddress() {
        account("addr.victim", "Correct-horse-4");
        for (int i = 0; i < 30; i++) {
            formLogin("nobody-" + i, "guess-" + i);
        }
        assertThat(formLogin("addr.victim", "Correct-horse-4")).endsWith("/login?blocked");
        assertThat(basic("addr.victim", "Correct-horse-4")).isEqualTo(429);
        releaseAddresses();
        assertThat(basic("addr.victim", "Correct-horse-4")).isEqualTo(200);
    }

    @Test
    void anAccountCreatedByTheAdministratorMustChangeItsPasswordFirst() {
        WebSession admin = WebSession.login(port, "admin", DemoAccounts.PASSWORD).csrfFrom("/admin/users");
        HttpResponse<String> created = admin.postForm("/admin/users", Map.of("username", "first.login",
                "password", "Initial-pass-1", "role", "OFFICER", "displayName", "新经办", "unit", "350100/财政局", "uscc", ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);

        WebSession user = WebSession.login(port, "first.login", "Initial-pass-1");
        HttpResponse<String> home = user.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/account/password");
        assertThat(user.get("/api/v1/documents").statusCode()).isEqualTo(403);

        user.csrfFrom("/account/password");
        assertThat(user.postForm("/account/password", Map.of("current", "Initial-pass-1", "password", "short",
                "confirm", "short")).body()).contains("密码至少 8 位");
        assertThat(user.postForm("/account/password", Map.of("current", "Initial-pass-1", "password", "demo123demo",
                "confirm", "demo123dem0")).body()).contains("两次输入的新密码不一致");
        assertThat(user.postForm("/account/password", Map.of("current", "wrong", "password", "Chosen-pass-9",
                "confirm", "Chosen-pass-9")).body()).contains("当前密码不正确");
        HttpResponse<String> changed = user.postForm("/account/password", Map.of("current", "Initial-pass-1",
                "password", "Chosen-pass-9", "confirm", "Chosen-pass-9"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(user.get("/").statusCode()).as("same session, no new login").isEqualTo(200);
        assertThat(WebSession.login(port, "first.login", "Chosen-pass-9").get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void aResetPasswordIsShownOnceAndMustBeChanged() {
        account("reset.me", "Forgotten-pass-1");
        WebSession admin = WebSession.login(port, "admin", DemoAccounts.PASSWORD).csrfFrom("/admin/users");
        HttpResponse<String> reset = admin.postForm("/admin/users/reset.me/reset", Map.of());
        assertThat(reset.statusCode()).isEqualTo(302);
        String page = admin.get(reset.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body();
        Matcher m = Pattern.compile("已重置 reset\\.me 的密码为 (\\S+)（").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        assertThat(formLogin("reset.me", "Forgotten-pass-1")).endsWith("/login?error");
        WebSession user = WebSession.login(port, "reset.me", m.group(1));
        assertThat(user.get("/").headers().firstValue("Location").orElse("")).endsWith("/account/password");
    }

    @Test
    void aDisabledAccountCannotSignInAndAnAdministratorCannotDisableHimself() {
        account("disable.me", "Correct-horse-5");
        WebSession admin = WebSession.login(port, "admin", DemoAccounts.PASSWORD).csrfFrom("/admin/users");
        admin.postForm("/admin/users/disable.me/enabled", Map.of("enabled", "false"));
        assertThat(formLogin("disable.me", "Correct-horse-5")).endsWith("/login?disabled");
        admin.postForm("/admin/users/admin/enabled", Map.of("enabled", "false"));
        assertThat(accounts.find("admin").orElseThrow().isEnabled()).isTrue();
        admin.postForm("/admin/users/disable.me/enabled", Map.of("enabled", "true"));
        assertThat(formLogin("disable.me", "Correct-horse-5")).doesNotContain("disabled").doesNotContain("error");
    }

    @Test
    void theUserListFindsAccountsBeyondTheFirstPage() {
        WebSession admin = WebSession.login(port, "admin", DemoAccounts.PASSWORD);
        String page = admin.get("/admin/users?q=ducha").body();
        assertThat(page).contains("市政府督查室").contains("共 1 个");
    }

    @Test
    void anonymousApiPostIsUnauthorizedNotForbidden() {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/facts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        try {
            assertThat(HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isEqualTo(401);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSessionCookieIsSameSiteAndHttpOnly() {
        HttpResponse<String> login = WebSession.anonymous(port).get("/login");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly");
    }
}
