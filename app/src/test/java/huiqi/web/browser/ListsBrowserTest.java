package huiqi.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import huiqi.app.PlatformTest;
import huiqi.web.browser.HeadlessChromium.Screen;
import huiqi.web.security.DemoAccounts;
import huiqi.web.security.Role;
import huiqi.web.security.UserAccounts;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Officers' long lists at 1366×768 and on a phone (issue #19 items 2, 5, 6, 9): server-side pages whose links
 * keep the filters, totals that match the filter, search as you type, a readable 审计日志, grouped numbers and
 * charts whose labels fit.
 */
@PlatformTest
@ExtendWith(ChromiumExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListsBrowserTest {
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})*");

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired PasswordEncoder encoder;

    HeadlessChromium browser;

    @BeforeAll
    void start() {
        String hash = encoder.encode(DemoAccounts.PASSWORD);
        for (int i = 1; i <= 61; i++) {
            accounts.create(String.format("pager-probe-%02d", i), hash, Role.OFFICER, "分页探针" + i, "区分页局", null);
        }
        for (int i = 1; i <= 120; i++) {
            jdbc.sql("""
                    insert into audit_log (actor, role, action, entity, entity_id, before, after, detail)
                    values ('pager-probe-01', 'OFFICER', '推送', 'case', ?, cast(? as jsonb), cast(? as jsonb), null)""")
                    .params(String.valueOf(900_000 + i), "{\"state\":\"待推送\",\"amount\":\"1000.00\"}",
                            "{\"state\":\"已推送\",\"amount\":\"1000.00\"}")
                    .update();
        }
    }

    private static String query(Page page) {
        return URLDecoder.decode(page.url(), StandardCharsets.UTF_8);
    }

    @Test
    void theAuditLogPagesKeepsItsFiltersAndReadsInChinese() {
        Page admin = browser.login("admin", DemoAccounts.PASSWORD, Screen.DESKTOP);
        browser.open(admin, "/fulfilment/audit?actor=pager-probe-01&entity=case");
        assertThat(admin.locator(".pager .total")).hasText("120");
        assertThat(admin.locator("#audit tbody tr")).hasCount(50);
        var first = admin.locator("#audit tbody tr").first();
        assertThat(first).containsText("分页探针1（pager-probe-01）");
        assertThat(first).containsText("部门经办");
        assertThat(first).containsText("兑现事项 900120");
        assertThat(first).containsText("状态：待推送 → 已推送");
        assertThat(first).not().containsText("{");
        assertThat(first).not().containsText("OFFICER");
        assertThat(admin.locator("select[name=entity] option[value=case]")).hasText("兑现事项");
        HeadlessChromium.screenshot(admin, "audit-log.png");

        admin.click(".pager a[data-page='3']");
        assertThat(admin.locator("#audit tbody tr")).hasCount(20);
        assertThat(query(admin)).contains("actor=pager-probe-01").contains("entity=case").contains("page=3");
        assertThat(admin.locator("input[name=actor]")).hasValue("pager-probe-01");
        admin.click(".pager a.prev");
        assertThat(admin.locator("#audit tbody tr")).hasCount(50);
        assertThat(query(admin)).contains("page=2").contains("actor=pager-probe-01");

        // a date range that ends before today finds none of them; today's finds them all
        browser.open(admin, "/fulfilment/audit?actor=pager-probe-01&to=2020-01-01");
        assertThat(admin.locator(".pager .total")).hasText("0");
        admin.fill("input[name=to]", "");
        admin.fill("input[name=from]", LocalDate.now().toString());
        admin.click("form.filters button[type=submit]");
        assertThat(admin.locator(".pager .total")).hasText("120");
        assertThat(query(admin)).contains("from=" + LocalDate.now());
    }

    @Test
    void theUserListIsSearchedAsYouTypeAndPaged() {
        Page admin = browser.login("admin", DemoAccounts.PASSWORD, Screen.DESKTOP);
        browser.open(admin, "/admin/users");
        admin.locator("input[name=q]").pressSequentially("分页探针", new Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(admin.locator("#user-results .pager .total")).hasText("61"); // no Enter pressed
        assertThat(admin.locator("#users tbody tr")).hasCount(50);
        admin.click("#user-results .pager a.next");
        assertThat(admin.locator("#users tbody tr")).hasCount(11);
        assertThat(query(admin)).contains("q=分页探针").contains("page=2");
        admin.waitForLoadState(LoadState.LOAD); // a page link is a full load: htmx binds its triggers after it
        // 督查室's account is reachable by its name
        admin.fill("input[name=q]", "督查");
        assertThat(admin.locator("#users")).containsText("督查室");
        HeadlessChromium.screenshot(admin, "users-search.png");
    }

    @Test
    void theWorkQueuePagesSortsAndCountsWhatTheFilterShows() {
        Page admin = browser.login("admin", DemoAccounts.PASSWORD, Screen.DESKTOP);
        browser.open(admin, "/fulfilment/queue");
        admin.click("text=按最新数据重新匹配");
        browser.open(admin, "/fulfilment/queue?state=待推送&size=10");
        String total = admin.locator("#case-count").textContent();
        assertThat(total).matches(GROUPED);
        long n = Long.parseLong(total.replace(",", ""));
        assertThat(n).isGreaterThan(10);
        assertThat(admin.locator("#queue tbody tr")).hasCount(10);
        assertThat(admin.locator("select[name=state] option[value=待推送]")).hasText("待推送（" + total + "）");
        admin.click(".pager a.next");
        assertThat(query(admin)).contains("state=待推送").contains("size=10").contains("page=2");
        assertThat(admin.locator("select[name=state]")).hasValue("待推送");

        admin.click("#queue th a.sort:text('金额')");
        assertThat(query(admin)).contains("sort=amount").contains("state=待推送").doesNotContain("page=");
        List<Double> amounts = admin.locator("#queue tbody td.money").allTextContents().stream()
                .map(t -> Double.parseDouble(t.replace(",", "").replace("元", "").strip())).toList();
        assertThat(amounts).isSorted();
        assertThat(admin.locator("#queue th[aria-sort=ascending]")).containsText("金额 ▲");
        HeadlessChromium.screenshot(admin, "queue-paged.png");

        // search as you type by a fragment of the 文号 (the title does not contain it)
        browser.open(admin, "/fulfilment/queue");
        admin.locator("input[name=q]").pressSequentially("榕政办规", new Locator.PressSequentiallyOptions().setDelay(30));
        admin.waitForURL(Pattern.compile(".*q=.*"));
        assertThat(admin.locator("#queue tbody tr").first()).containsText("春节期间企业用电奖励");
        assertThat(admin.locator("#queue tbody")).not().containsText("没有待办事项");

        // on a phone the table scrolls inside its card; the page itself does not
        Page phone = browser.login("admin", DemoAccounts.PASSWORD, Screen.PHONE);
        browser.open(phone, "/fulfilment/queue?state=待推送");
        assertThat(HeadlessChromium.horizontalOverflow(phone, Screen.PHONE)).isLessThanOrEqualTo(0);
        Object scrolls = phone.evaluate("() => { const w = document.querySelector('#queue').parentElement;"
                + " return w.scrollWidth > w.clientWidth && getComputedStyle(w).overflowX === 'auto'; }");
        assertThat(scrolls).isEqualTo(true);
        HeadlessChromium.screenshot(phone, "phone-queue.png");
    }

    @Test
    void supervisionTasksPageWithTheirFilters() {
        Page admin = browser.login("admin", DemoAccounts.PASSWORD, Screen.DESKTOP);
        browser.open(admin, "/supervision/tasks?date=2024-06-30&size=10");
        long total = Long.parseLong(admin.locator("#task-count").textContent().replace(",", ""));
        assertThat(total).isGreaterThan(10);
        assertThat(admin.locator("#task-table tbody tr")).hasCount(10);
        admin.click("#results .pager a.next");
        assertThat(query(admin)).contains("date=2024-06-30").contains("page=2").contains("size=10");
        assertThat(admin.locator("input[name=date]")).hasValue("2024-06-30");
        admin.click("#task-table th a.sort:text('截止日期')");
        assertThat(query(admin)).contains("sort=deadline").contains("date=2024-06-30");
        HeadlessChromium.screenshot(admin, "supervision-tasks-paged.png");
    }

    @Test
    void numbersAreGroupedAndChartsKeepTheirLabelsInside() {
        Page officer = browser.login("gongxin", DemoAccounts.PASSWORD, Screen.DESKTOP);
        List<String> stats = officer.locator(".stat .n").allTextContents();
        assertThat(stats).allSatisfy(s -> assertThat(s.strip()).matches(GROUPED));
        assertThat(stats).anySatisfy(s -> assertThat(s).contains(","));
        officer.waitForSelector("#chart-measures canvas");
        Object grid = officer.evaluate("() => { const o = echarts.getInstanceByDom(document.querySelector('#chart-measures')).getOption();"
                + " return o.grid[0].containLabel; }");
        assertThat(grid).isEqualTo(true);
        HeadlessChromium.screenshot(officer, "dashboard.png");

        browser.open(officer, "/fulfilment/dashboard");
        officer.waitForSelector("#chart-funnel canvas");
        Object distinct = officer.evaluate("() => { const o = echarts.getInstanceByDom(document.querySelector('#chart-funnel')).getOption();"
                + " const names = o.series.map(s => s.name); const c = o.color;"
                + " return c[names.indexOf('已匹配')] !== c[names.indexOf('已兑现')] && new Set(c.slice(0, names.length)).size === names.length; }");
        assertThat(distinct).isEqualTo(true);
        HeadlessChromium.screenshot(officer, "fulfilment-dashboard-charts.png");

        Page phone = browser.login("gongxin", DemoAccounts.PASSWORD, Screen.PHONE);
        phone.waitForSelector("#chart-measures canvas");
        assertThat(HeadlessChromium.horizontalOverflow(phone, Screen.PHONE)).isLessThanOrEqualTo(0);
        HeadlessChromium.screenshot(phone, "phone-dashboard.png", true);
    }

    @Test
    void policiesAreFoundAsYouTypeAndSayHowTheirValidityWasDecided() {
        Page officer = browser.login("gongxin", DemoAccounts.PASSWORD, Screen.DESKTOP);
        browser.open(officer, "/policies");
        officer.locator("input[name=docNumber]").pressSequentially("管办发", new Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(officer.locator("#results tbody tr")).hasCount(1);
        var row = officer.locator("#results tbody tr").first();
        assertThat(row).containsText("泉台管办发明电〔2024〕3号");
        assertThat(row).containsText("文件未规定截止日期");
        assertThat(row).containsText("按规则执行期（至 2024-03-31）判定");
        assertThat(row).containsText("已失效");
        HeadlessChromium.screenshot(officer, "policies-validity.png");
        browser.open(officer, "/policies?validity=valid");
        assertThat(officer.locator("#results")).not().containsText("泉台管办发明电〔2024〕3号");
    }

    @Test
    void theImportTemplatesDownloadFromThePageAndImportAsTheyAre(@TempDir Path dir)
            throws Exception {
        Page officer = browser.login("gongxin", DemoAccounts.PASSWORD, Screen.DESKTOP);
        browser.open(officer, "/imports");
        assertThat(officer.locator("main")).not().containsText("docs/formats.md");
        var profiles = officer.waitForDownload(() -> officer.click("#template-profiles"));
        var facts = officer.waitForDownload(() -> officer.click("#template-facts"));
        Path p = dir.resolve("企业档案模板.xlsx");
        Path f = dir.resolve("指标数据模板.xlsx");
        profiles.saveAs(p);
        facts.saveAs(f);
        try (var wb = new XSSFWorkbook(Files.newInputStream(f))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("统一社会信用代码");
            List<String> indicators = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                indicators.add(sheet.getRow(r).getCell(1).getStringCellValue());
            }
            assertThat(indicators).contains("用电量").doesNotHaveDuplicates();
            var notes = wb.getSheet("填写说明");
            assertThat(notes.getRow(1).getCell(1).getStringCellValue()).isNotBlank(); // the unit
            assertThat(notes.getLastRowNum()).isEqualTo(indicators.size());
        }
        officer.setInputFiles("input[type=file]", new Path[] {p, f});
        officer.click("main form button[type=submit]");
        assertThat(officer.locator("#import-ok")).containsText("导入成功");
        HeadlessChromium.screenshot(officer, "import-templates.png");
    }
}
