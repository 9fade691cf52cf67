package huiqi.web.batch;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import huiqi.app.PlatformTest;
import huiqi.web.browser.ChromiumExtension;
import huiqi.web.browser.HeadlessChromium;
import huiqi.web.browser.HeadlessChromium.Screen;
import huiqi.web.security.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 批量免申即享 at 1366×768 (issue #19 item 8): the what-if is a form listing every parameter with its current
 * value, unit and source (a bare number takes the parameter's unit), and the results are broken down by
 * 行政区划, 行业门类 (GB/T 4754) and 规模.
 */
@PlatformTest
@ExtendWith(ChromiumExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchBreakdownBrowserTest {
    HeadlessChromium browser;

    @Test
    void aWhatIfIsFilledInAsAFormAndTheResultsBreakDown() {
        Page page = browser.login("caizheng", DemoAccounts.PASSWORD, Screen.DESKTOP);
        browser.open(page, "/batch-runs");
        var rate = page.locator("#whatif-params tr", new Page.LocatorOptions().setHasText("fz-2024-2/7.rate"));
        assertThat(rate).containsText("0.02");
        assertThat(rate).containsText("元/千瓦时");
        assertThat(rate).containsText("0.02元/千瓦时"); // its source: the clause that sets it
        // rates and caps have a slider over a range the server enforces; a threshold has only its text field
        var capSlider = page.locator("input[type=range][data-target='set:fz-2024-2/7.cap']");
        assertThat(capSlider).hasAttribute("max", "1500000");
        assertThat(page.locator("input[type=range][data-target='set:fz-2024-2/7.rate']")).hasAttribute("max", "0.1");
        assertThat(page.locator("input[type=range][data-target='set:fz-2024-2/6.match_rate']")).hasAttribute("max", "1");
        assertThat(page.locator("input[type=range][data-target='set:fz-2024-2/7.threshold']")).hasCount(0);
        capSlider.fill("600000");
        assertThat(page.locator("input[name='set:fz-2024-2/7.cap']")).hasValue("600000");
        var capRow = page.locator("#whatif-params tr", new Page.LocatorOptions().setHasText("fz-2024-2/7.cap"));
        assertThat(capRow.locator(".slider-value")).hasText("600,000元");
        page.locator("#whatif-params").scrollIntoViewIfNeeded();
        HeadlessChromium.screenshot(page, "batch-whatif-form.png");
        page.fill("input[name='set:fz-2024-2/7.cap']", "2000000"); // typed past the slider's end: refused by the server
        page.selectOption("select[name=docId]", "fz-2024-2");
        page.click("#batch-form button[type=submit]");
        assertThat(page.locator("#batch-problems")).containsText("fz-2024-2/7.cap（单家企业上限）的试算值应在 0 至 1500000元 之间");

        page.selectOption("select[name=docId]", "fz-2024-2");
        page.fill("textarea[name=overrides]", ""); // the refused form comes back with the values as typed lines
        page.fill("input[name='set:fz-2024-2/7.rate']", "0.03");
        page.fill("input[name=budgetAmount]", "100000万元"); // ample: other tests share this payer
        page.selectOption("select[name=budgetPayer]", "市级·市财政局");
        page.click("#batch-form button[type=submit]");

        assertThat(page.locator("#run-status")).hasText("已完成", new LocatorAssertions.HasTextOptions().setTimeout(120_000));
        assertThat(page.locator("main .panel").first()).containsText("fz-2024-2/7.rate=0.03元/千瓦时");
        assertThat(page.locator("#whatif")).containsText("试算对比");
        // the results are the run's documents only: every rule offered and every row shown is fz-2024-2's
        assertThat(page.locator("#result-filters select[name=rule] option[value^='fz-2024-2/']").first()).isAttached();
        assertThat(page.locator("#result-filters select[name=rule] option:not([value='']):not([value^='fz-2024-2/'])")).hasCount(0);
        assertThat(page.locator("#results tbody tr td:nth-child(4)").first()).containsText("fz-2024-2/");
        assertThat(page.locator("#rule-summary tbody tr td:first-child").allTextContents())
                .isNotEmpty().allSatisfy(rule -> assertThat(rule).startsWith("fz-2024-2/"));
        assertThat(page.locator("#by-industry")).containsText("C 制造业");
        assertThat(page.locator("#by-size tbody tr").first()).not().containsText("无符合条件的企业");
        assertThat(page.locator("#by-region")).containsText("（3501");
        assertThat(page.locator("#chart-industries canvas")).isVisible();
        assertThat(HeadlessChromium.horizontalOverflow(page, Screen.DESKTOP)).isLessThanOrEqualTo(0);
        page.locator("#breakdown").scrollIntoViewIfNeeded();
        HeadlessChromium.screenshot(page, "batch-breakdown.png");

        // the administrator makes the run's budget the 兑现 budget in one step (an increase waits for a second 管理员, #18)
        String run = page.url().replaceAll(".*/batch-runs/", "");
        Page admin = browser.login("admin", DemoAccounts.PASSWORD, Screen.DESKTOP);
        browser.open(admin, "/batch-runs/" + run);
        admin.click("#adopt-budget button");
        assertThat(admin.locator("#flash-ok")).containsText("已提交「市级·市财政局」预算 1,000,000,000.00 元 的申请，须另一名管理员批准后生效");
        assertThat(page.locator("#adopt-budget")).hasCount(0); // an officer cannot set budgets
    }
}
