package huiqi.web.rulesets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static huiqi.web.rulesets.RuleSetFixtures.FZ;
import static huiqi.web.rulesets.RuleSetFixtures.OFFICER;
import static huiqi.web.rulesets.RuleSetFixtures.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import huiqi.app.PlatformTest;
import huiqi.web.browser.ChromiumExtension;
import huiqi.web.browser.HeadlessChromium;
import huiqi.web.security.DemoAccounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In real headless Chromium: an officer changes a rule (0.02 → 0.03元/千瓦时) and submits it, the 政策审核 sees the
 * diff and the impact over every enterprise and publishes it, and 一企一策 of an enterprise with February electricity
 * shows the new amount without a restart. A second journey: a version is returned with a comment, corrected,
 * published, and the version it replaces is 已废止.
 */
@PlatformTest
@ExtendWith(ChromiumExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleSetBrowserTest {
    static final LocatorAssertions.IsVisibleOptions SLOW = new LocatorAssertions.IsVisibleOptions().setTimeout(120_000);

    @Autowired
    RuleSetService service;
    @Autowired
    JdbcClient jdbc;

    HeadlessChromium browser;

    /** Every other test expects the shipped 0.02元/千瓦时: publish the shipped text again if a test changed it. */
    @AfterEach
    void restoreShippedRules() {
        RuleSetFixtures.restoreShipped(service);
    }

    @Test
    void anOfficerSubmitsTheReviewerSeesDiffAndImpactPublishesAndOneEnterpriseOnePolicyShowsItAtOnce() {
        String uscc = jdbc.sql("""
                select e.uscc from enterprise e join enterprise_fact f on f.uscc = e.uscc
                where f.indicator = 'electricity_kwh' and f.period = '2024-02' and f.value between 500000 and 9000000
                  and (e.attributes ->> 'above_scale_industrial') = 'true' and e.region_code like '3501%'
                order by f.value limit 1""").query(String.class).single();
        BigDecimal kwh = jdbc.sql("select value from enterprise_fact where uscc = ? and indicator = 'electricity_kwh' and period = '2024-02'")
                .param(uscc).query(BigDecimal.class).single();
        int published = service.publishedNow(FZ).orElseThrow().version();

        Page officer = browser.login("gongxin", DemoAccounts.PASSWORD);
        browser.open(officer, "/enterprises/" + uscc + "/policy");
        assertThat(officer.locator("#eligible")).containsText(money(kwh.multiply(new BigDecimal("0.02"))));

        officer.click("nav.side >> text=规则版本与审核");
        officer.click("#rule-sets tr:has-text('" + FZ + "') >> text=全部版本");
        assertThat(officer.locator("h2.title")).containsText(FZ);
        browser.open(officer, "/rules/" + FZ + "/versions/" + published);
        officer.locator("#yaml").fill(RuleSetFixtures.threeFen());
        officer.click("#text button[type=submit]");
        assertThat(officer.locator("#state")).hasText("草稿");
        assertThat(officer.locator("#checks")).hasCount(0);
        officer.fill("input[name=effectiveFrom]", LocalDate.now().toString());
        officer.click("#submit button[type=submit]");
        assertThat(officer.locator("#notice")).hasText("已提交审核");
        assertThat(officer.locator("#state")).hasText("待审核");
        assertThat(officer.locator("#own-version")).isVisible();
        assertThat(officer.locator("#approve-form")).hasCount(0);
        int n = service.versions(FZ).get(0).version();

        Page reviewer = browser.login("shenhe", DemoAccounts.PASSWORD);
        assertThat(reviewer.locator("h2.title")).hasText("规则版本与审核");
        reviewer.click("#waiting a.review-link");
        assertThat(reviewer.locator("h2.title")).containsText("第 " + n + " 版");
        assertThat(reviewer.locator("#diff")).containsText("参数 奖励标准");
        assertThat(reviewer.locator("#diff")).containsText("0.02 元/千瓦时");
        assertThat(reviewer.locator("#diff")).containsText("0.03 元/千瓦时");
        assertThat(reviewer.locator("#diff")).containsText("测试 60万千瓦时 → 1.2万元");
        assertThat(reviewer.locator("#impact-payers")).isVisible(SLOW);
        assertThat(reviewer.locator("#impact-payers")).containsText("市级·市财政局");
        assertThat(reviewer.locator("#impact-regions")).containsText("350");
        assertThat(reviewer.locator("#lost")).hasText("0");
        HeadlessChromium.screenshot(reviewer, "rules-review.png", true);
        reviewer.click("#approve-form button[type=submit]");
        assertThat(reviewer.locator("#notice")).containsText("已审核通过并发布");
        assertThat(reviewer.locator("#state")).hasText("已发布");
        assertThat(reviewer.locator("#effective-from")).hasText(LocalDate.now().toString());

        browser.open(officer, "/enterprises/" + uscc + "/policy");
        assertThat(officer.locator("#eligible")).containsText(money(kwh.multiply(new BigDecimal("0.03"))));
        browser.open(officer, "/rules/" + FZ + "/versions/" + published);
        assertThat(officer.locator("#state")).hasText("已废止");
    }

    @Test
    void aReturnedVersionIsCorrectedAndPublishedAndTheOneItReplacesIsRetired() {
        int published = service.publishedNow(FZ).orElseThrow().version();
        Page officer = browser.login("gongxin", DemoAccounts.PASSWORD);
        browser.open(officer, "/rules/" + FZ + "/versions/" + published);
        officer.locator("#yaml").fill(RuleSetFixtures.threeFen());
        officer.click("#text button[type=submit]");
        officer.click("#submit button[type=submit]");
        assertThat(officer.locator("#state")).hasText("待审核");
        int first = service.versions(FZ).get(0).version();

        Page reviewer = browser.login("shenhe", DemoAccounts.PASSWORD);
        browser.open(reviewer, "/rules/" + FZ + "/versions/" + first);
        reviewer.fill("#reject-form textarea[name=comment]", "标准调整须附市财政局确认函，请在来源中注明");
        reviewer.click("#reject-form button[type=submit]");
        assertThat(reviewer.locator("#state")).hasText("已退回");

        browser.open(officer, "/rules/" + FZ + "/versions/" + first);
        assertThat(officer.locator("#review-comment")).containsText("标准调整须附市财政局确认函");
        String corrected = RuleSetFixtures.replaceOnce(RuleSetFixtures.threeFen(),
                "source: 第7条“按实际用电量给予0.02元/千瓦时的用电奖励”, label: 奖励标准",
                "source: 第7条“按实际用电量给予0.02元/千瓦时的用电奖励”（市财政局确认函调整为0.03元/千瓦时）, label: 奖励标准");
        officer.locator("#yaml").fill(corrected);
        officer.click("#text button[type=submit]");
        assertThat(officer.locator("#state")).hasText("草稿");
        officer.click("#submit button[type=submit]");
        int second = service.versions(FZ).get(0).version();
        assertThat(second).isGreaterThan(first);

        browser.open(reviewer, "/rules/" + FZ + "/versions/" + second);
        assertThat(reviewer.locator("#diff")).containsText("市财政局确认函");
        reviewer.click("#approve-form button[type=submit]");
        assertThat(reviewer.locator("#state")).hasText("已发布");

        browser.open(reviewer, "/rules/" + FZ + "/versions");
        assertThat(reviewer.locator("#version-list")).containsText("已被第 " + second + " 版取代");
        assertThat(service.find(FZ, published).orElseThrow().state()).isEqualTo(RuleSetState.RETIRED);
        assertThat(service.find(FZ, first).orElseThrow().state()).isEqualTo(RuleSetState.RETURNED);
        HeadlessChromium.screenshot(reviewer, "rules-versions.png", true);
    }

    private static String money(BigDecimal v) {
        return new DecimalFormat("#,##0.00").format(v.setScale(2, RoundingMode.HALF_UP));
    }
}
