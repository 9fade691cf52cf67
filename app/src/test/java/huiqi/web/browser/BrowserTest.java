package huiqi.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import huiqi.app.PlatformTest;
import huiqi.enterprise.Uscc;
import huiqi.web.enterprise.EnterpriseImportService;
import huiqi.web.enterprise.PgEnterpriseStore;
import huiqi.web.security.DemoAccounts;
import huiqi.web.security.Role;
import huiqi.web.security.UserAccounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The pages in real headless Chromium; saves the screenshots shown in README and docs. */
@PlatformTest
@ExtendWith(ChromiumExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
    @Autowired
    EnterpriseImportService imports;
    @Autowired
    PgEnterpriseStore store;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    HeadlessChromium browser;
    String mine;
    String other;

    @BeforeAll
    void start() {
        mine = Uscc.generate(new Random(101), "350102");
        other = Uscc.generate(new Random(202), "350103");
        var outcome = imports.importUploads(List.of(
                csv("企业档案.csv", "统一社会信用代码,企业名称,行政区划代码,行业代码,企业规模,规模以上工业企业,制造业企业\n"
                        + mine + ",福州鼓楼精密机械有限公司,350102,C3311,中型,是,是\n"
                        + other + ",福州台江电子科技有限公司,350103,C3971,小型,是,是\n"),
                csv("用电量.csv", "统一社会信用代码,指标,期间,数值,来源\n"
                        + mine + ",用电量,2023-12,580000,国网福州供电公司\n"
                        + mine + ",用电量,2024-01,612000,国网福州供电公司\n"
                        + mine + ",用电量,2024-02,500000,国网福州供电公司\n"
                        + mine + ",用电量,2024-03,655000,国网福州供电公司\n")), "admin"); // names other departments as sources: only an administrator may
        assertThat(outcome.problems()).isEmpty();
        accounts.create("qiye-test", encoder.encode(DemoAccounts.PASSWORD), Role.ENTERPRISE,
                "福州鼓楼精密机械有限公司", null, mine);
    }

    private static MockMultipartFile csv(String name, String content) {
        return new MockMultipartFile("files", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void officerLogsInAndSeesTheDashboardWithItsChart() {
        Page page = browser.login("gongxin", DemoAccounts.PASSWORD);
        assertThat(page.locator("h2.title")).hasText("工作台");
        assertThat(page.locator("header .role")).hasText("部门经办");
        assertThat(page.locator("#chart-measures canvas")).isVisible();
        HeadlessChromium.screenshot(page, "dashboard.png");
    }

    @Test
    void adminLogsInAndManagesUsers() {
        Page page = browser.login("admin", DemoAccounts.PASSWORD);
        assertThat(page.locator("header .role")).hasText("管理员");
        page.click("text=用户管理");
        assertThat(page.locator("h2.title")).hasText("用户管理");
        assertThat(page.locator("table.grid").last()).containsText("gongxin");
    }

    @Test
    void policyLibraryListsTheSeedDocumentsAndFilters() {
        Page page = browser.login("gongxin", DemoAccounts.PASSWORD);
        browser.open(page, "/policies");
        assertThat(page.locator("#results")).containsText("榕政办规〔2024〕2号");
        assertThat(page.locator("#results")).containsText("泉台管办发明电〔2024〕3号");
        assertThat(page.locator("#results")).containsText("鼓政办规〔2023〕1");
        HeadlessChromium.screenshot(page, "policies.png");
        page.fill("input[name=q]", "台商");
        page.click("form.filters button[type=submit]");
        assertThat(page.locator("#results tbody tr")).hasCount(1);
    }

    @Test
    void enterpriseLogsInToItsOwnPolicyPageAndIsRefusedElsewhere() {
        Page page = browser.login("qiye-test", DemoAccounts.PASSWORD);
        assertThat(page.locator("h2.title")).containsText("一企一策");
        assertThat(page.locator("header .role")).hasText("企业");
        HeadlessChromium.screenshot(page, "enterprise-policy.png");

        var other403 = browser.open(page, "/enterprises/" + other);
        assertThat(other403.status()).isEqualTo(403);
        assertThat(page.locator("h2.title")).containsText("403");
        assertThat(browser.open(page, "/enterprises/" + other + "/policy").status()).isEqualTo(403);
        assertThat(browser.open(page, "/policies").status()).isEqualTo(403);
        assertThat(browser.open(page, "/enterprises").status()).isEqualTo(403);
        assertThat(browser.open(page, "/imports").status()).isEqualTo(403);
        assertThat(browser.open(page, "/api/v1/enterprises/" + other).status()).isEqualTo(403);
        assertThat(browser.open(page, "/enterprises/" + mine).status()).isEqualTo(200);
    }

    @Test
    void enterpriseProfileShowsFactsAndAChart() {
        Page page = browser.login("gongxin", DemoAccounts.PASSWORD);
        browser.open(page, "/enterprises/" + mine);
        assertThat(page.locator("h2.title")).containsText("一企一档");
        assertThat(page.locator("body")).containsText("612,000"); // grouped by thousands since #19 item 5
        assertThat(page.locator("body")).containsText("国网福州供电公司 用电量.csv:3");
        assertThat(page.locator("#chart-facts canvas")).isVisible();
        HeadlessChromium.screenshot(page, "enterprise-profile.png");
    }

    @Test
    void importWithABadRowShowsTheReportAndImportsNothing(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        long before = store.usccs().size();
        String good = Uscc.generate(new Random(303), "350102");
        String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        Path file = dir.resolve("新企业.csv");
        Files.writeString(file, "统一社会信用代码,企业名称,行政区划代码\n" + good + ",好企业有限公司,350102\n"
                + bad + ",校验码错误有限公司,350102\n", StandardCharsets.UTF_8);
        Page page = browser.login("gongxin", DemoAccounts.PASSWORD);
        browser.open(page, "/imports");
        page.setInputFiles("input[type=file]", file);
        page.click("main form button[type=submit]");
        assertThat(page.locator("#import-report")).containsText("导入被整体拒绝");
        assertThat(page.locator("#import-report tbody tr").first()).containsText("新企业.csv");
        assertThat(page.locator("#import-report tbody")).containsText("校验码");
        HeadlessChromium.screenshot(page, "import-rejected.png");
        assertThat(store.usccs()).hasSize((int) before);
        assertThat(store.contains(good)).isFalse();
    }

    @Test
    void policyDetailShowsMeasureSevenWithItsUnitsAndRule() {
        Page page = browser.login("gongxin", DemoAccounts.PASSWORD);
        browser.open(page, "/policies/fz-2024-2#m7");
        var m7 = page.locator("#m7");
        assertThat(m7.locator(".meta").first()).containsText("市工信局");
        assertThat(m7.locator(".meta").first()).containsText("市财政局");
        assertThat(m7.locator(".meta").first()).containsText("福州供电公司");
        assertThat(m7.locator(".rule")).containsText("fz-2024-2/7");
        assertThat(m7.locator(".rule mark.quote")).containsText("0.02元/千瓦时");
        assertThat(page.locator("#doc-text mark.quote").first()).isVisible();
        m7.scrollIntoViewIfNeeded();
        HeadlessChromium.screenshot(page, "policy-measure-7.png");
    }

    @Test
    void demoEnterpriseSeesAmountsAndExplanations() {
        String uscc = jdbc.sql("""
                select e.uscc from enterprise e join enterprise_fact f on f.uscc = e.uscc
                where f.indicator = 'electricity_kwh' and f.period = '2024-02' and f.value >= 500000
                  and (e.attributes ->> 'above_scale_industrial') = 'true' order by f.value desc limit 1""")
                .query(String.class).single();
        Page page = browser.login(uscc, DemoAccounts.PASSWORD);
        assertThat(page.locator("h2.title")).containsText("一企一策");
        assertThat(page.locator("#eligible")).containsText("榕政办规〔2024〕2号");
        assertThat(page.locator("#eligible")).containsText("免申即享");
        assertThat(page.locator("#eligible .money").first()).not().hasText("—");
        assertThat(page.locator("#total")).not().hasText("0.00 元");
        HeadlessChromium.screenshot(page, "yiqiyice.png");
    }

    @Test
    void officerUploadsADocumentCorrectsItAndSavesIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of("..", "policies", "gl-2023-1", "source.txt"))
                .replace("鼓政办规〔2023〕1", "鼓政办规〔2023〕9");
        Path file = dir.resolve("gulou-2023-9.txt");
        Files.writeString(file, text);
        Page page = browser.login("gongxin", DemoAccounts.PASSWORD);
        browser.open(page, "/policies/upload");
        page.setInputFiles("input[type=file]", file);
        page.click("main form button[type=submit]");
        assertThat(page.locator("h2.title")).hasText("核对解析结果");
        assertThat(page.locator("input[name=docNumber]")).hasValue("鼓政办规〔2023〕9号");
        assertThat(page.locator("main table.grid tbody tr")).hasCount(37);
        HeadlessChromium.screenshot(page, "upload-preview.png");
        page.fill("input[name=id]", "gl-2023-9");
        page.fill("input[name=resp-17]", "区财政局、区发改局");
        page.click("main form button[type=submit]");
        assertThat(page.locator("h2.title")).containsText("鼓楼区");
        assertThat(page.locator("#m17 .meta").first()).containsText("区发改局");
        assertThat(page.locator("body")).containsText("经办上传");
    }

    @Test
    void rulesPageListsParametersAndTriesAnEnterprise() {
        Page page = browser.login("caizheng", DemoAccounts.PASSWORD);
        browser.open(page, "/rules");
        assertThat(page.locator("main")).containsText("fz-2024-2/7");
        assertThat(page.locator("main")).containsText("2024-01-10 起 5,000万元"); // parameters in the officer's units
        page.click("#try button[type=submit]");
        assertThat(page.locator("#try-result")).containsText("fz-2024-2/7");
        assertThat(page.locator("#try-result")).containsText("12,000.00");
        HeadlessChromium.screenshot(page, "rules-try.png");
    }

    @Test
    void loginPageLooksRight() {
        Page page = browser.login("nobody", "wrong-password");
        assertThat(page.locator(".alert.error")).hasText("用户名或密码错误");
        assertThat(page.getByRole(AriaRole.BUTTON)).hasText("登 录");
    }
}
