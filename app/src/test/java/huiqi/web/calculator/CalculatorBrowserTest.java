package huiqi.web.calculator;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import huiqi.app.PlatformTest;
import huiqi.web.browser.ChromiumExtension;
import huiqi.web.browser.HeadlessChromium;
import huiqi.web.browser.HeadlessChromium.Screen;
import huiqi.web.security.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 政策计算器 (issue #19 item 10): a visitor without an account, on a phone, answers the questions the measures
 * need and sees what it may receive and why; a signed-in user opens it on a laptop.
 */
@PlatformTest
@ExtendWith(ChromiumExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalculatorBrowserTest {
    HeadlessChromium browser;

    /** Each answer re-computes on the server; the next one waits until the page shows the new questions. */
    private static void answered(Page page, Runnable answer) {
        page.waitForResponse(r -> r.url().contains("/calculator?"), answer);
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private static void unfold(Page page) {
        if (page.locator("#more-questions").count() > 0) {
            page.locator("#more-questions").evaluate("d => d.open = true");
        }
    }

    @Test
    void aVisitorAnswersTheQuestionsOnAPhoneAndSeesWhatItMayReceive() {
        Page phone = browser.visitor(Screen.PHONE);
        browser.open(phone, "/login");
        phone.click("#calculator-link");
        phone.waitForLoadState(LoadState.LOAD); // htmx binds its triggers once the deferred scripts ran
        assertThat(phone.locator("h2.title")).hasText("政策计算器");
        answered(phone, () -> phone.selectOption("#q-region", "350102"));
        answered(phone, () -> {
            phone.fill("#q-industry", "C3311");
            phone.locator("#q-industry").blur(); // a typed answer counts when the field is left
        });
        answered(phone, () -> phone.selectOption("#q-size", "中型"));
        var power = phone.locator("[name='f:electricity_kwh[2024-02]']");
        assertThat(power).hasCount(1); // asked because a measure needs it (perhaps among the folded questions)
        unfold(phone);
        answered(phone, () -> {
            power.fill("750000");
            power.blur();
        });
        assertThat(power).hasValue("750000"); // the answer came back with the new questions
        var aboveScale = phone.locator("[name='a:above_scale_industrial']");
        unfold(phone);
        answered(phone, () -> aboveScale.selectOption("是"));
        assertThat(power).hasValue("750000");
        assertThat(phone.locator("#calc-eligible-list")).containsText("春节期间企业用电奖励");
        assertThat(phone.locator("#calc-eligible-list")).containsText("15,000.00 元");
        assertThat(phone.locator("#calc-eligible-list")).containsText("2月用电量 = 75万千瓦时");
        assertThat(phone.locator("#calc-cash")).not().hasText("0.00 元");
        assertThat(HeadlessChromium.horizontalOverflow(phone, Screen.PHONE)).isLessThanOrEqualTo(0);
        HeadlessChromium.screenshot(phone, "phone-calculator.png", true);

        // the answers live in the URL only: nothing was stored, and "否" takes the benefit away
        answered(phone, () -> aboveScale.selectOption("否"));
        assertThat(phone.locator("#calc-eligible-list")).not().containsText("春节期间企业用电奖励");
    }

    @Test
    void aSignedInOfficerOpensItOnALaptop() {
        Page page = browser.login("admin", DemoAccounts.PASSWORD, Screen.DESKTOP);
        browser.open(page, "/calculator");
        assertThat(page.locator("#calc-summary")).isVisible();
        assertThat(HeadlessChromium.horizontalOverflow(page, Screen.DESKTOP)).isLessThanOrEqualTo(0);
    }
}
