package huiqi.web.batch;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.LoadState;
import huiqi.app.PlatformTest;
import huiqi.web.browser.ChromiumExtension;
import huiqi.web.browser.HeadlessChromium;
import huiqi.web.security.DemoAccounts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In real headless Chromium (Debian's /usr/bin/chromium, Playwright offline): an officer starts a batch run
 * with a what-if and a budget, watches the progress bar reach 100%, and sees the charts drawn and the results.
 */
@PlatformTest
@ExtendWith(ChromiumExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchBrowserTest {

    HeadlessChromium browser;

    @Test
    void anOfficerStartsARunWatchesItReach100AndSeesTheCharts() throws Exception {
        Page page = browser.login("caizheng", DemoAccounts.PASSWORD);
        page.click("nav.side >> text=批量免申即享");
        assertThat(page.locator("h2.title")).hasText("批量免申即享");
        page.waitForLoadState(LoadState.LOAD);

        page.selectOption("select[name=docId]", "fz-2024-2");
        page.fill("textarea[name=overrides]", "fz-2024-2/7.rate=0.03元/千瓦时");
        page.fill("input[name=budgetAmount]", "100万元");
        page.selectOption("select[name=budgetPayer]", "市级·市财政局");
        page.click("#batch-form button[type=submit]");

        // the detail page polls every second until the run is done
        assertThat(page.locator("h2.title")).containsText("批量运行");
        LocatorAssertions.HasTextOptions long_ = new LocatorAssertions.HasTextOptions().setTimeout(120_000);
        assertThat(page.locator("#run-status")).hasText("已完成", long_);
        assertThat(page.locator("#progress-text")).hasText("100%");
        assertThat(page.locator("h2.title")).hasCount(1); // polling swapped the progress panel only
        assertThat(page.locator("#run-body")).not().hasAttribute("hx-trigger", java.util.regex.Pattern.compile(".*"));
        assertThat(page.locator(".progress[role=progressbar]")).hasAttribute("aria-valuenow", "100");
        assertThat(page.locator("#progress-bar")).hasAttribute("style", "width:100%");

        // ECharts drew both charts: a sized canvas with painted pixels and series data behind it
        for (String chart : List.of("#chart-payers", "#chart-rules")) {
            assertThat(page.locator(chart + " canvas")).isVisible();
            Object painted = page.evaluate("sel => { const c = document.querySelector(sel + ' canvas');"
                    + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + " let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }", chart);
            assertThat(((Number) painted).intValue()).as(chart + " painted pixels").isGreaterThan(1000);
            Object points = page.evaluate("sel => echarts.getInstanceByDom(document.querySelector(sel))"
                    + ".getOption().series.reduce((n, s) => n + s.data.length, 0)", chart);
            assertThat(((Number) points).intValue()).as(chart + " data points").isPositive();
        }
        assertThat(page.locator("#whatif")).containsText("试算对比");
        assertThat(page.locator("#budget")).containsText("1,000,000.00");

        // results: filter to eligible rows of the electricity rule
        String all = page.locator("#result-total").textContent();
        page.selectOption("#result-filters select[name=status]", "eligible");
        page.selectOption("#result-filters select[name=rule]", "fz-2024-2/7");
        assertThat(page.locator("#result-total")).not().hasText(all);
        assertThat(page.locator("#results tbody tr").first()).containsText("符合");

        // the run list (which refreshes itself while runs are unfinished) shows it done
        page.click("nav.side >> text=批量免申即享");
        assertThat(page.locator("#runs tbody tr").first()).containsText("已完成");
        assertThat(page.locator("#runs")).not().hasAttribute("hx-trigger", java.util.regex.Pattern.compile(".*"));
        page.goBack();
        page.waitForLoadState(LoadState.LOAD);
        assertThat(page.locator("#chart-rules canvas")).isVisible();
        page.setViewportSize(1360, 1600);
        HeadlessChromium.screenshot(page, "batch-run.png");
    }
}
