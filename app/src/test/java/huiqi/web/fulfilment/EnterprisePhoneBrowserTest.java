package huiqi.web.fulfilment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.FilePayload;
import huiqi.app.PlatformTest;
import huiqi.fulfilment.Actor;
import huiqi.fulfilment.CaseAction;
import huiqi.fulfilment.CaseState;
import huiqi.fulfilment.Match;
import huiqi.fulfilment.TransitionRefused;
import huiqi.web.browser.ChromiumExtension;
import huiqi.web.browser.HeadlessChromium;
import huiqi.web.browser.HeadlessChromium.Screen;
import huiqi.web.enterprise.EnterpriseImportService;
import huiqi.web.security.DemoAccounts;
import huiqi.web.security.UserAccounts;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An enterprise on a 390 px phone (issue #19 items 1 and 4): every page it uses fits the screen (nothing
 * sticks out sideways, the menu folds into a button), it raises an 异议 and reads the department's answer in
 * 惠企消息, confirms the case, and its case page shows neither the officers' refused attempts nor English roles.
 * The officer's side runs on a 1366×768 laptop.
 */
@PlatformTest
@ExtendWith(ChromiumExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnterprisePhoneBrowserTest {
    @Autowired EnterpriseImportService imports;
    @Autowired UserAccounts accounts;
    @Autowired PasswordEncoder encoder;
    @Autowired CaseRepository cases;
    @Autowired Limits limits;
    @Autowired CaseWorkflow workflow;
    @Autowired MatchSync sync;
    @Autowired Applications applications;

    HeadlessChromium browser;

    private void fitsThePhone(Page page, String what) {
        page.waitForLoadState(LoadState.LOAD); // measured once the stylesheet applies: a bare page is wider under load
        assertThat(HeadlessChromium.horizontalOverflow(page, Screen.PHONE)).as(() -> what + " sticks out sideways: " + page.evaluate(
                "() => Array.from(document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right > 392)"
                        + ".slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)"
                        + " + ' ' + (e.textContent || '').trim().slice(0, 40)).join(' | ')")).isLessThanOrEqualTo(0);
        var header = page.locator("header.top").boundingBox();
        var logout = page.locator("header .user button").boundingBox();
        assertThat(logout.x + logout.width).as(what + ": the header's 退出 is on screen").isLessThanOrEqualTo(390);
        assertThat(logout.y + logout.height).as(what + ": the header holds its buttons").isLessThanOrEqualTo(header.y + header.height);
    }

    @Test
    void anEnterpriseObjectsReadsTheAnswerAndConfirmsOnItsPhone() {
        var pair = TestEnterprises.importPair(imports, accounts, encoder, 750_000);
        Page officer = browser.login("caizheng", DemoAccounts.PASSWORD, Screen.DESKTOP);
        browser.open(officer, "/fulfilment/queue");
        officer.click("text=按最新数据重新匹配");
        assertThat(officer.locator("#flash-ok")).containsText("重新匹配完成");
        CaseRecord c = cases.find(new CaseRepository.Filter(pair.eligible(), null, List.of(), "fz-2024-2/7", null, 10)).get(0);
        limits.setBudget(c.payer(), new BigDecimal("100000000"), Actor.admin("admin"));
        browser.open(officer, "/fulfilment/queue?q=" + pair.eligible());
        officer.check("input[name=ids][value='" + c.id() + "']");
        officer.click("button[value=推送]");
        assertThat(officer.locator("#flash-ok")).containsText("成功 1 件");
        browser.open(officer, "/fulfilment/queue?state=已推送&q=" + pair.eligible()); // pushing again is refused
        officer.check("input[name=ids][value='" + c.id() + "']");
        officer.click("button[value=推送]");
        assertThat(officer.locator("#flash-ok")).containsText("未通过 1 件");
        assertThatThrownBy(() -> workflow.act(c.id(), Actor.admin("admin"), CaseAction.PUSH, null)) // recorded on the case
                .isInstanceOf(TransitionRefused.class);
        assertThat(HeadlessChromium.horizontalOverflow(officer, Screen.DESKTOP)).isLessThanOrEqualTo(0);

        Page phone = browser.login(pair.eligible(), DemoAccounts.PASSWORD, Screen.PHONE);
        assertThat(phone.locator("meta[name=viewport]")).hasAttribute("content", "width=device-width, initial-scale=1");
        fitsThePhone(phone, "一企一策");
        assertThat(phone.locator("nav.side")).isHidden();
        phone.click("header .menu-toggle");
        assertThat(phone.locator("nav.side")).isVisible();
        HeadlessChromium.screenshot(phone, "phone-menu.png");
        phone.click("nav.side >> text=惠企消息");
        assertThat(phone.locator("h2.title")).hasText("惠企消息");
        fitsThePhone(phone, "惠企消息");
        HeadlessChromium.screenshot(phone, "phone-inbox.png", true);

        // 异议 on the phone; the department answers on its laptop; the answer is in 惠企消息
        phone.fill("#case-" + c.id() + " form.object textarea[name=reason]", "2月用电量与电费单不符");
        phone.click("#case-" + c.id() + " form.object button");
        assertThat(phone.locator("#flash-ok")).containsText("已异议");
        assertThat(phone.locator("#replies")).containsText("待答复");
        browser.open(officer, "/fulfilment/cases/" + c.id());
        officer.fill("#act-重新推送 input[name=reason]", "已与供电公司核对，2月用电量 750,000 千瓦时无误");
        officer.click("#act-重新推送 button");
        assertThat(officer.locator("#flash-ok")).containsText("已重新推送");
        browser.open(phone, "/fulfilment/inbox");
        assertThat(phone.locator("#replies")).containsText("2月用电量与电费单不符");
        assertThat(phone.locator("#replies .reply")).containsText("已与供电公司核对");
        assertThat(phone.locator("#case-" + c.id() + " .alert.info")).containsText("已与供电公司核对");
        fitsThePhone(phone, "惠企消息 with an answer");
        HeadlessChromium.screenshot(phone, "phone-objection-answered.png", true);

        // confirming with a bank account on the phone
        phone.fill("#case-" + c.id() + " input[name=bankAccount]", "6222 0200 1234 5678");
        phone.check("#case-" + c.id() + " input[name=factsConfirmed]");
        phone.click("#case-" + c.id() + " form.confirm button");
        assertThat(phone.locator("#flash-ok")).containsText("已确认");
        assertThat(phone.locator("#progress")).containsText("部门审核");
        assertThat(cases.find(c.id()).orElseThrow().state()).isEqualTo(CaseState.UNIT_REVIEW);
        fitsThePhone(phone, "办理进度");

        // the case page: the enterprise's own steps and the department's, in Chinese, no refused bulk attempt
        browser.open(phone, "/fulfilment/cases/" + c.id());
        fitsThePhone(phone, "兑现事项");
        assertThat(phone.locator("#history")).containsText("本企业");
        assertThat(phone.locator("#history")).containsText("部门经办");
        assertThat(phone.locator("#history")).not().containsText("已拒绝");
        assertThat(phone.locator("main")).not().containsText("OFFICER");
        assertThat(phone.locator("main")).not().containsText("ENTERPRISE");
        HeadlessChromium.screenshot(phone, "phone-case.png", true);
        browser.open(officer, "/fulfilment/cases/" + c.id());
        assertThat(officer.locator("#history")).containsText("已拒绝"); // the officers still see the refused attempt
        assertThat(officer.locator("#history")).containsText("caizheng（部门经办）");

        // 一企一档 and 一企一策 fit too; tax reductions are not added to the money it receives
        browser.open(phone, "/enterprises/" + pair.eligible());
        fitsThePhone(phone, "一企一档");
        assertThat(phone.locator("main")).containsText("750,000");
        HeadlessChromium.screenshot(phone, "phone-profile.png", true);
        browser.open(phone, "/enterprises/" + pair.eligible() + "/policy");
        fitsThePhone(phone, "一企一策");
        assertThat(phone.locator("#total")).containsText("15,000.00 元");
        assertThat(phone.locator("#relief")).isVisible();
        assertThat(phone.locator("#eligible .expired").first()).hasText("已到期");
        assertThat(phone.locator("#eligible")).containsText("政策已于 2024-03-31 到期");
        HeadlessChromium.screenshot(phone, "phone-yiqiyice.png");
        browser.open(phone, "/");
        fitsThePhone(phone, "工作台");
    }

    /**
     * #19 item 4: on a 390 px phone an enterprise applies for an 申请-type benefit with a bank account and an
     * attachment; #19 item 3: the period reads "2024年1月10日至2024年3月31日" on the offer, the progress list and the case.
     */
    @Test
    void anEnterpriseAppliesWithAnAttachmentOnItsPhone() {
        var pair = TestEnterprises.importPair(imports, accounts, encoder, 100_000);
        String rule = FulfilmentFixtures.unique("phone-apply") + "/1";
        sync.sync(List.of(new Match(rule, "手机申请测试政策", pair.eligible(), "测试企业", "市级·市工信局", "市工信局",
                "2024-01-10..2024-03-31", new BigDecimal("50000.00"), "申请", null, "需提交申报材料")), Set.of(rule), Actor.system());

        Page phone = browser.login(pair.eligible(), DemoAccounts.PASSWORD, Screen.PHONE);
        browser.open(phone, "/fulfilment/inbox");
        var offer = phone.locator("#offers tbody tr", new Page.LocatorOptions().setHasText("手机申请测试政策"));
        assertThat(offer).containsText("2024年1月10日至2024年3月31日");
        assertThat(offer).not().containsText("2024-01-10..2024-03-31");
        fitsThePhone(phone, "可申请的政策");
        offer.locator("input[name=bankAccount]").fill("6222 0200 1234 5678");
        offer.locator("input[type=file]").setInputFiles(new FilePayload("申报表.pdf", "application/pdf",
                "%PDF-1.4 手机上传的申报表".getBytes(StandardCharsets.UTF_8)));
        var submit = offer.locator("button[type=submit]").boundingBox();
        assertThat(submit.x + submit.width).as("提交申请 is on screen").isLessThanOrEqualTo(390);
        HeadlessChromium.screenshot(phone, "phone-apply.png", true);
        offer.locator("button[type=submit]").click();
        assertThat(phone.locator("#flash-ok")).containsText("已提交申请「手机申请测试政策」");
        fitsThePhone(phone, "申请之后");
        CaseRecord c = cases.find(new CaseRepository.Filter(pair.eligible(), null, List.of(), rule, null, 10)).get(0);
        assertThat(c.state()).isEqualTo(CaseState.UNIT_REVIEW);
        assertThat(applications.attachments(c.id())).hasSize(1);
        assertThat(phone.locator("#progress")).containsText("2024年1月10日至2024年3月31日");
        assertThat(phone.locator("#offers tbody tr", new Page.LocatorOptions().setHasText("手机申请测试政策")))
                .containsText("已申请，查看进度");

        browser.open(phone, "/fulfilment/cases/" + c.id());
        fitsThePhone(phone, "申请的兑现事项");
        assertThat(phone.locator("main")).containsText("2024年1月10日至2024年3月31日");
        assertThat(phone.locator("main")).not().containsText("2024-01-10..2024-03-31");
        assertThat(phone.locator("main")).containsText("申报表.pdf");
        HeadlessChromium.screenshot(phone, "phone-applied-case.png", true);
    }
}
