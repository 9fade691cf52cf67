package huiqi.web.fulfilment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import huiqi.app.PlatformTest;
import huiqi.fulfilment.Actor;
import huiqi.fulfilment.CaseState;
import huiqi.web.browser.ChromiumExtension;
import huiqi.web.browser.HeadlessChromium;
import huiqi.web.enterprise.EnterpriseImportService;
import huiqi.web.security.DemoAccounts;
import huiqi.web.security.UserAccounts;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * In real headless Chromium: one benefit from the rules engine's match to 已兑现, across the officer of the
 * paying unit (市财政局) and the enterprise. Saves screenshots of the fulfilment pages to docs/screenshots.
 */
@PlatformTest
@ExtendWith(ChromiumExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FulfilmentBrowserTest {
    @Autowired EnterpriseImportService imports;
    @Autowired UserAccounts accounts;
    @Autowired PasswordEncoder encoder;
    @Autowired CaseRepository cases;
    @Autowired Limits limits;

    HeadlessChromium browser;

    Page login(String username) {
        return browser.login(username, DemoAccounts.PASSWORD);
    }

    void go(Page page, String path) {
        browser.open(page, path);
    }

    static void screenshot(Page page, String name) {
        HeadlessChromium.screenshot(page, name, true);
    }

    @Test
    void oneBenefitWalksFromMatchToPaidAcrossTheOfficerAndTheEnterprise() throws Exception {
        var pair = TestEnterprises.importPair(imports, accounts, encoder, 750_000);
        Page officer = login("caizheng");

        // the officer re-runs matching: the enterprise's 用电奖励 appears as 待推送
        go(officer, "/fulfilment/queue");
        officer.click("text=按最新数据重新匹配");
        assertThat(officer.locator("#flash-ok")).containsText("重新匹配完成");
        CaseRecord c = cases.find(new CaseRepository.Filter(pair.eligible(), null, List.of(), "fz-2024-2/7", null, 10)).get(0);
        assertThat(c.amount()).isEqualByComparingTo("15000.00");
        limits.setBudget(c.payer(), new BigDecimal("100000000"), Actor.admin("admin"));
        go(officer, "/fulfilment/queue?q=" + pair.eligible());
        officer.check("input[name=ids][value='" + c.id() + "']");
        officer.click("button[value=推送]");
        assertThat(officer.locator("#flash-ok")).containsText("批量推送：成功 1 件");

        // the enterprise sees the pushed benefit in its inbox and confirms it with its bank account
        Page enterprise = login(pair.eligible());
        go(enterprise, "/fulfilment/inbox");
        assertThat(enterprise.locator("#case-" + c.id())).containsText("15,000.00 元");
        screenshot(enterprise, "fulfilment-inbox.png");
        enterprise.fill("#case-" + c.id() + " input[name=bankAccount]", "6222 0200 1234 5678");
        enterprise.check("#case-" + c.id() + " input[name=factsConfirmed]");
        enterprise.click("#case-" + c.id() + " form.confirm button");
        assertThat(enterprise.locator("#flash-ok")).containsText("已确认");
        assertThat(enterprise.locator("#progress")).containsText("部门审核");

        // the officer approves in bulk; the payer's 财政经办 (another person, another role) pays in bulk
        go(officer, "/fulfilment/queue?q=" + pair.eligible());
        screenshot(officer, "fulfilment-queue.png");
        officer.check("input[name=ids][value='" + c.id() + "']");
        officer.click("button[value=审核通过]");
        assertThat(officer.locator("#flash-ok")).containsText("批量审核通过：成功 1 件");
        assertThat(officer.locator("button[value=拨付]")).hasCount(0);
        Page treasury = login("guoku");
        go(treasury, "/fulfilment/queue?q=" + pair.eligible());
        treasury.check("input[name=ids][value='" + c.id() + "']");
        treasury.click("button[value=拨付]");
        assertThat(treasury.locator("#flash-ok")).containsText("批量拨付：成功 1 件");
        assertThat(cases.find(c.id()).orElseThrow().state()).isEqualTo(CaseState.PAID);

        // the enterprise sees it paid; the ledger and the dashboard show it
        go(enterprise, "/fulfilment/inbox");
        assertThat(enterprise.locator("#progress")).containsText("已兑现");
        go(officer, "/fulfilment/ledger?uscc=" + pair.eligible());
        assertThat(officer.locator("#ledger")).containsText("15,000.00 元");
        screenshot(officer, "fulfilment-ledger.png");
        go(officer, "/fulfilment/cases/" + c.id());
        assertThat(officer.locator("main")).containsText("已推送 → 部门审核");
        go(officer, "/fulfilment/dashboard");
        officer.waitForSelector("#chart-funnel canvas");
        assertThat(officer.locator("#chart-states canvas")).hasCount(1);
        screenshot(officer, "fulfilment-dashboard.png");
        go(officer, "/fulfilment/warnings");
        screenshot(officer, "fulfilment-warnings.png");
    }
}
