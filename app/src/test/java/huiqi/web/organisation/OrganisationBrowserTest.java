package huiqi.web.organisation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import huiqi.app.PlatformTest;
import huiqi.web.browser.ChromiumExtension;
import huiqi.web.browser.HeadlessChromium;
import huiqi.web.policy.DocumentDraft;
import huiqi.web.policy.PolicyStore;
import huiqi.web.security.DemoAccounts;
import huiqi.web.security.Role;
import huiqi.web.security.UserAccounts;
import huiqi.web.supervision.SupervisionViews;
import huiqi.web.supervision.TaskStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * In headless Chromium (#18): two districts' 区人社局 each see and report only their own task (units are ids, not
 * names); a 区政府督查室 returns a completing report with a comment and accepts the corrected one; a budget for a
 * payer typed freely ("市财政局") is refused.
 */
@PlatformTest
@ExtendWith(ChromiumExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationBrowserTest {
    static final String GULOU_DOC = "org-gulou";
    static final String CANGSHAN_DOC = "org-cangshan";
    static final List<String> USERS = List.of("gl-renshe", "cs-renshe", "gl-ducha");

    @Autowired
    PolicyStore policies;
    @Autowired
    TaskStore tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;

    HeadlessChromium browser;
    long gulouTask;
    long cangshanTask;

    @BeforeAll
    void setUp() {
        insert(GULOU_DOC, "鼓政测〔2026〕1号", "福州市鼓楼区人民政府办公室", "350102", "鼓楼区");
        insert(CANGSHAN_DOC, "仓政测〔2026〕1号", "福州市仓山区人民政府办公室", "350104", "仓山区");
        tasks.syncAll();
        gulouTask = taskOf(GULOU_DOC);
        cangshanTask = taskOf(CANGSHAN_DOC);
        String hash = encoder.encode(DemoAccounts.PASSWORD);
        // bound by the directory's full names: "区人社局" alone names two units and would bind neither
        accounts.create("gl-renshe", hash, Role.OFFICER, "鼓楼区人社局经办", "福州市鼓楼区人力资源和社会保障局", null);
        accounts.create("cs-renshe", hash, Role.OFFICER, "仓山区人社局经办", "福州市仓山区人力资源和社会保障局", null);
        accounts.create("gl-ducha", hash, Role.SUPERVISOR, "鼓楼区政府督查室", "福州市鼓楼区人民政府", null);
    }

    @AfterAll
    void tearDown() {
        jdbc.sql("delete from policy_document where id in (?, ?)").params(GULOU_DOC, CANGSHAN_DOC).update();
        USERS.forEach(u -> jdbc.sql("delete from app_user where username = ?").param(u).update());
        jdbc.sql("delete from payer_budget_request where payer = '市财政局'").update();
    }

    void insert(String id, String number, String issuer, String code, String district) {
        var m = new DocumentDraft.Measure(1, "1", "落实稳岗返还",
                "落实稳岗返还。及时兑现稳岗返还资金。（责任单位：区人社局）",
                List.of(), List.of("区人社局"), List.of(), List.of(), List.of());
        policies.insert(new DocumentDraft(id, number, issuer, district + "稳岗测试方案",
                SupervisionViews.today().minusDays(50), SupervisionViews.today().minusDays(50),
                SupervisionViews.today().plusDays(50), new DocumentDraft.Region(code, district), "县区",
                List.of(), List.of(m), List.of(), district + "稳岗测试方案 原文"), "upload", "source.txt", null, "admin");
    }

    long taskOf(String doc) {
        return jdbc.sql("select id from supervision_task where document_id = ? and unit = '区人社局'").param(doc)
                .query(Long.class).single();
    }

    Page login(String user) {
        return browser.login(user, DemoAccounts.PASSWORD);
    }

    @Test
    void eachDistrictsOfficerSeesAndReportsOnlyItsOwnTask() {
        for (String[] who : new String[][] {{"gl-renshe", GULOU_DOC, CANGSHAN_DOC}, {"cs-renshe", CANGSHAN_DOC, GULOU_DOC}}) {
            Page officer = login(who[0]);
            long own = taskOf(who[1]);
            long other = taskOf(who[2]);
            browser.open(officer, "/supervision/tasks");
            assertThat(officer.locator("#task-table a[href^='/supervision/tasks/" + own + "?']")).hasCount(1);
            assertThat(officer.locator("#task-table a[href^='/supervision/tasks/" + other + "?']")).hasCount(0);

            browser.open(officer, "/supervision/tasks/" + own);
            assertThat(officer.locator("#report-form")).isVisible();
            String csrf = officer.locator("#report-form input[name=_csrf]").inputValue();
            assertThat(browser.open(officer, "/supervision/tasks/" + other).status()).isEqualTo(403);
            // a report posted straight to the other district's task, with a valid CSRF token, is refused
            var response = officer.request().post(browser.url("/supervision/tasks/" + other + "/reports"),
                    RequestOptions.create().setForm(FormData.create().set("_csrf", csrf)
                            .set("reportedOn", SupervisionViews.today().toString()).set("percent", "10")
                            .set("narrative", "越权报送")).setMaxRedirects(0));
            assertThat(response.status()).isEqualTo(403);
        }
        assertThat(jdbc.sql("select count(*) from supervision_report where narrative = '越权报送'").query(Long.class).single())
                .isZero();
    }

    @Test
    void theDistrictSupervisionOfficeReturnsAReportThenAcceptsTheCorrectedOne() throws Exception {
        Page officer = login("gl-renshe");
        browser.open(officer, "/supervision/tasks/" + gulouTask);
        officer.fill("input[name=percent]", "100");
        officer.fill("textarea[name=narrative]", "稳岗返还资金已全部兑现。");
        officer.click("#report-form button[type=submit]");
        assertThat(officer.locator(".alert.error")).containsText("报送完成须附佐证材料");

        Path evidence = Files.createTempFile("稳岗返还名单", ".txt");
        Files.writeString(evidence, "稳岗返还企业名单", StandardCharsets.UTF_8);
        officer.fill("input[name=percent]", "100");
        officer.fill("textarea[name=narrative]", "稳岗返还资金已全部兑现。");
        officer.setInputFiles("input[name=files]", evidence);
        officer.click("#report-form button[type=submit]");
        assertThat(officer.locator(".alert.ok")).hasText("进展已报送，目标已全部完成，待督查室核验");
        assertThat(officer.locator(".stat .tag.status")).not().hasText("已完成");

        // 鼓楼区's 督查室 sees its district's task, not 仓山区's
        Page office = login("gl-ducha");
        assertThat(browser.open(office, "/supervision/tasks/" + cangshanTask).status()).isEqualTo(403);
        browser.open(office, "/supervision/tasks/" + gulouTask);
        office.locator("#reports tbody tr >> nth=0 >> button[value=return]").click();
        assertThat(office.locator(".alert.error")).hasText("退回须填写意见，说明需补充或更正的内容");
        office.fill("#reports tbody tr >> nth=0 >> input[name=comment]", "请补充兑现台账编号");
        office.locator("#reports tbody tr >> nth=0 >> button[value=return]").click();
        assertThat(office.locator(".alert.ok")).hasText("已退回，单位需重新报送");
        assertThat(office.locator("#reports tbody tr").first().locator(".verification")).containsText("退回");

        browser.open(officer, "/supervision/tasks/" + gulouTask);
        assertThat(officer.locator("body")).containsText("核验退回：请补充兑现台账编号");
        officer.fill("input[name=percent]", "100");
        officer.fill("textarea[name=narrative]", "稳岗返还资金已全部兑现，台账见附件编号。");
        officer.fill("input[name=evidenceReference]", "鼓人社兑〔2026〕12号台账");
        officer.click("#report-form button[type=submit]");
        assertThat(officer.locator("#awaiting-verification")).hasText("待核验");

        browser.open(office, "/supervision/tasks/" + gulouTask);
        office.locator("#reports tbody tr >> nth=0 >> button[value=accept]").click();
        assertThat(office.locator(".alert.ok")).hasText("核验通过，任务已完成");
        assertThat(office.locator(".stat .tag.status")).hasText("已完成");
        browser.open(officer, "/supervision/tasks/" + gulouTask);
        assertThat(officer.locator(".stat .tag.status")).hasText("已完成");
    }

    @Test
    void aBudgetForAPayerNoPublishedRuleHasIsRefused() {
        Page admin = login("admin");
        browser.open(admin, "/fulfilment/ledger");
        admin.fill("input[name=payer]", "市财政局");
        admin.fill("input[name=budget]", "5000000");
        admin.click("form[action='/fulfilment/budgets'] button[type=submit]");
        assertThat(admin.locator("#flash-error")).containsText("不是任何已发布规则的付款方");
        assertThat(jdbc.sql("select count(*) from payer_budget where payer = '市财政局'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from payer_budget_request where payer = '市财政局'").query(Long.class).single())
                .isZero();
    }
}
