package huiqi.web.errors;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.web.security.DemoAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every role, from its home page, follows every link it is shown (up to 300 pages): no server error, no raw JSON
 * where a page was asked for, no link that answers 403 or 404 (issue #19 item 3); an enterprise's pages show no
 * English words and no internal ids such as rule ids or stored periods (issue #19 item 5).
 */
@PlatformTest
class RoleCrawlTest {
    private static final int MAX_PAGES = 300;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"admin", "gongxin", "caizheng", "guoku", "ducha", "enterprise"})
    void everyShownLinkOpens(String role) {
        String username = role.equals("enterprise")
                // the enterprise with the most cases, so that its inbox and case pages are crawled too
                ? jdbc.sql("""
                        select u.username from app_user u left join fulfilment_case c on c.uscc = u.uscc
                        where u.role = 'ENTERPRISE' and u.enabled group by u.username order by count(c.id) desc, u.username limit 1""")
                        .query(String.class).single()
                : role;
        WebSession s = WebSession.login(port, username, DemoAccounts.PASSWORD);
        LinkCrawler.Result r = new LinkCrawler(s, MAX_PAGES, role.equals("enterprise")).crawl("/");
        System.out.println("crawl " + role + ": " + r.visited().size() + " pages: "
                + r.visited().stream().map(LinkCrawler.Visit::path).toList());
        assertThat(r.visited()).as("pages reached").hasSizeGreaterThanOrEqualTo(5);
        assertThat(r.problems()).as(role).isEmpty();
    }
}
