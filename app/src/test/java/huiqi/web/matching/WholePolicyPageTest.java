package huiqi.web.matching;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.web.security.DemoAccounts;
import huiqi.web.security.Role;
import huiqi.web.security.Viewer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The 一企一策 page kept with the viewer's slots: each viewer gets exactly the page Thymeleaf renders for them
 * (byte for byte, names with markup escaped), never another viewer's name or token, and never a marker.
 */
@PlatformTest
class WholePolicyPageTest {
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @Autowired
    WholePolicyPage whole;
    @Autowired
    PolicyPages pages;
    @Autowired
    PolicyContent content;
    @Autowired
    ThymeleafViewResolver views;
    @Autowired
    WebApplicationContext web;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void eachViewerGetsThePageThymeleafRendersForThemAndNothingOfAnother() throws Exception {
        String uscc = enterpriseWithAnAccount();
        PolicyPages.Shown shown = pages.of(uscc).orElseThrow();
        Viewer first = new Viewer(true, Role.OFFICER, "经办人员", "张<b>三</b> & \"李\" '四'", null);
        Viewer second = new Viewer(true, Role.OFFICER, "经办人员", "王五", null);
        Viewer admin = new Viewer(true, Role.ADMIN, "系统管理员", "管理员", null);
        Viewer self = new Viewer(true, Role.ENTERPRISE, "企业用户", "企业<经办>", uscc);
        for (Viewer v : new Viewer[] {first, second, admin, self, first}) {
            String token = "tok-" + v.displayName().hashCode() + "-" + System.nanoTime();
            String kept = kept(shown, v, token);
            assertThat(kept).as(v.displayName()).isEqualTo(rendered(shown, v, token));
            assertThat(kept).doesNotContain(whole.marker()).contains(token);
        }
        String firstPage = kept(shown, first, "a-token");
        assertThat(firstPage).contains("张&lt;b&gt;三&lt;/b&gt; &amp; &quot;李&quot; &#39;四&#39;").doesNotContain("<b>三");
        assertThat(kept(shown, second, "b-token")).contains("王五", "b-token").doesNotContain("张", "a-token");
        assertThat(kept(shown, self, "c-token")).contains("/enterprises/" + uscc + "/policy").contains("企业&lt;经办&gt;");
        assertThat(shown.pages()).as("one kept page per role").containsOnlyKeys("OFFICER", "ADMIN", "ENTERPRISE");
    }

    /** Over HTTP: two officers of different units one after the other, each with their own name and a token that works. */
    @Test
    void twoOfficersInTurnEachGetTheirOwnNameAndAWorkingToken() {
        String uscc = enterpriseWithAnAccount();
        WebSession gongxin = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
        WebSession caizheng = WebSession.login(port, "caizheng", DemoAccounts.PASSWORD);
        String a = gongxin.get("/enterprises/" + uscc + "/policy").body();
        String b = caizheng.get("/enterprises/" + uscc + "/policy").body();
        assertThat(a).contains("市工信局经办").doesNotContain("市财政局经办").doesNotContain(whole.marker());
        assertThat(b).contains("市财政局经办").doesNotContain("市工信局经办").doesNotContain(whole.marker());
        String tokenA = token(a);
        String tokenB = token(b);
        assertThat(tokenA).isNotEqualTo(tokenB);
        assertThat(token(gongxin.get("/enterprises/" + uscc + "/policy").body()))
                .as("masked afresh per request, like every page's token").isNotEqualTo(tokenA);
        var refused = logout(caizheng, tokenA);
        assertThat(refused.statusCode()).as("another session's token is refused").isEqualTo(403);
        var out = logout(caizheng, tokenB);
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElse("")).contains("/login?logout");
        assertThat(caizheng.get("/enterprises/" + uscc + "/policy").statusCode()).as("signed out").isIn(302, 401);
        assertThat(gongxin.get("/enterprises/" + uscc + "/policy").body()).contains("市工信局经办");
    }

    /** POST /logout with exactly this token (the session's own remembered one is not added). */
    private static java.net.http.HttpResponse<String> logout(WebSession session, String token) {
        return session.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(session.base() + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + token)).build());
    }

    private String kept(PolicyPages.Shown shown, Viewer viewer, String token) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        whole.write(shown, viewer, request(viewer, token), response);
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The page as the Thymeleaf view renders it for this viewer, nothing kept. */
    private String rendered(PolicyPages.Shown shown, Viewer viewer, String token) throws Exception {
        MockHttpServletRequest request = request(viewer, token);
        MockHttpServletResponse response = new MockHttpServletResponse();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("e", shown.profile());
        model.put("policyContent", content.html(shown, viewer, request, response));
        views.resolveViewName("enterprises/policy", Locale.SIMPLIFIED_CHINESE).render(model, request, response);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletRequest request(Viewer viewer, String token) {
        MockHttpServletRequest request = new MockHttpServletRequest(web.getServletContext(), "GET", "/");
        request.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, web);
        CsrfToken csrf = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", token);
        request.setAttribute(CsrfToken.class.getName(), csrf);
        request.setAttribute("_csrf", csrf);
        request.setAttribute("viewer", viewer);
        return request;
    }

    private String enterpriseWithAnAccount() {
        return jdbc.sql("select username from app_user where role = 'ENTERPRISE' order by username limit 1")
                .query(String.class).single();
    }

    private static String token(String html) {
        Matcher m = META_TOKEN.matcher(html);
        assertThat(m.find()).as("the page carries a CSRF token").isTrue();
        return m.group(1);
    }
}
