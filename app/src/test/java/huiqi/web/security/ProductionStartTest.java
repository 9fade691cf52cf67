package huiqi.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.HuiqiApplication;
import huiqi.app.WebSession;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data directory first used in demo mode, then started for production: no demo login survives, the configured
 * administrator password is the one that works. (Finding: every demo123 login survived, the setting was ignored.)
 */
class ProductionStartTest {
    @TempDir
    Path dir;

    private ConfigurableApplicationContext start(boolean demo, String adminPassword) {
        // command-line arguments: they take precedence over application.properties, as in a real deployment
        return new SpringApplicationBuilder(HuiqiApplication.class).run(
                "--huiqi.demo=" + demo,
                "--huiqi.db.dir=" + dir.resolve("pg"),
                "--huiqi.db.durable=false",
                "--huiqi.policies-dir=../policies",
                "--huiqi.demo.enterprises=30",
                "--huiqi.admin.password=" + adminPassword,
                "--server.port=0");
    }

    private static int port(ConfigurableApplicationContext ctx) {
        return ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    private static String formLogin(int port, String username, String password) {
        WebSession s = WebSession.anonymous(port);
        String token = s.get("/login").body().replaceAll("(?s).*name=\"_csrf\"\\s+value=\"([^\"]+)\".*", "$1");
        return s.postForm("/login", Map.of("username", username, "password", password, "_csrf", token))
                .headers().firstValue("Location").orElse("");
    }

    @Test
    void demoLoginsDoNotSurviveAProductionStart() {
        String enterprise;
        try (ConfigurableApplicationContext demo = start(true, "")) {
            JdbcClient jdbc = demo.getBean(JdbcClient.class);
            enterprise = jdbc.sql("select username from app_user where role = 'ENTERPRISE' order by username limit 1")
                    .query(String.class).single();
            assertThat(formLogin(port(demo), "gongxin", DemoAccounts.PASSWORD)).doesNotContain("error");

            // an enterprise an officer imported gets no demo login when demo mode runs again
            jdbc.sql("insert into enterprise (uscc, name) values ('91350100IMPORTED01', '导入的企业')").update();
            demo.getBean(DemoAccounts.class).run(true);
            assertThat(jdbc.sql("select count(*) from app_user where uscc = '91350100IMPORTED01'")
                    .query(Long.class).single()).isZero();
        }
        try (ConfigurableApplicationContext production = start(false, "Configured-Admin-1")) {
            int port = port(production);
            assertThat(formLogin(port, "gongxin", DemoAccounts.PASSWORD)).endsWith("/login?disabled");
            assertThat(formLogin(port, "ducha", DemoAccounts.PASSWORD)).endsWith("/login?disabled");
            assertThat(formLogin(port, enterprise, DemoAccounts.PASSWORD)).endsWith("/login?disabled");
            assertThat(formLogin(port, "admin", DemoAccounts.PASSWORD)).endsWith("/login?error");
            assertThat(formLogin(port, "admin", "Configured-Admin-1")).doesNotContain("error").doesNotContain("disabled");
            JdbcClient jdbc = production.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from audit_log where entity = 'account' and action = '停用演示账号'")
                    .query(Long.class).single()).isGreaterThan(30);
            assertThat(jdbc.sql("select count(*) from app_user where enabled and role <> 'ADMIN'")
                    .query(Long.class).single()).isZero();
        }
    }
}
