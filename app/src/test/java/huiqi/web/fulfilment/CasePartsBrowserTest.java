package huiqi.web.fulfilment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import huiqi.app.PlatformTest;
import huiqi.fulfilment.BearerPart;
import huiqi.web.browser.ChromiumExtension;
import huiqi.web.browser.HeadlessChromium;
import huiqi.web.browser.HeadlessChromium.Screen;
import huiqi.web.matching.RuleMatching;
import huiqi.web.security.DemoAccounts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In headless Chromium: a 房租减免 case (hs-2023-5, borne by each lease's 出租方) shows who bears how much in a table, on
 * the officer's 1366×768 laptop and on the enterprise's 390 px phone, where it fits the screen. Saves
 * docs/screenshots/fulfilment-case-parts.png and fulfilment-case-parts-phone.png.
 */
@PlatformTest
@ExtendWith(ChromiumExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasePartsBrowserTest {
    private static final String RELIEF = "hs-2023-5/5-1";

    @Autowired MatchSync sync;
    @Autowired Applications applications;
    @Autowired MatchSource source;
    @Autowired CaseRepository cases;
    @Autowired RuleMatching matching;
    @Autowired JdbcClient jdbc;

    HeadlessChromium browser;

    private int lessors(String uscc) {
        return matching.match(uscc).eligible().stream().filter(b -> b.ruleId().equals(RELIEF)).mapToInt(b -> b.parts().size())
                .findFirst().orElse(0);
    }

    @Test
    void theCasePageListsEachLessorsPartOnTheLaptopAndOnThePhone() {
        // of the first twenty 黄石 enterprises with the relief, the one with the most lessors (the table's rows)
        String uscc = jdbc.sql("select uscc from enterprise where region_code like '4202%' order by uscc").query(String.class).list()
                .stream().filter(u -> lessors(u) > 0).limit(20).max(java.util.Comparator.comparingInt(this::lessors)).orElseThrow();
        CaseRecord c = ReliefCases.of(uscc, source, sync, applications, cases);
        List<BearerPart> parts = cases.parts(c.id());

        Page admin = browser.login("admin", DemoAccounts.PASSWORD, Screen.DESKTOP);
        browser.open(admin, "/fulfilment/cases/" + c.id());
        assertThat(admin.locator("#case-parts tbody tr")).hasCount(parts.size());
        assertThat(admin.locator("#case-parts")).containsText("一次支付");
        assertThat(admin.locator("#case-parts .parts-total")).containsText(Money.yuan(c.amount()));
        assertThat(admin.locator("#case-parts tbody tr").first()).containsText(Money.yuan(parts.get(0).amount()));
        HeadlessChromium.screenshot(admin, "fulfilment-case-parts.png", true);

        Page phone = browser.login(uscc, DemoAccounts.PASSWORD, Screen.PHONE);
        browser.open(phone, "/fulfilment/cases/" + c.id());
        phone.waitForLoadState(LoadState.LOAD);
        assertThat(phone.locator("#case-parts")).containsText(parts.get(0).name());
        assertThat(phone.locator("#case-parts")).not().containsText(RELIEF);
        assertThat(HeadlessChromium.horizontalOverflow(phone, Screen.PHONE)).as("the case page fits a 390 px phone").isLessThanOrEqualTo(0);
        HeadlessChromium.screenshot(phone, "fulfilment-case-parts-phone.png", true);
    }
}
