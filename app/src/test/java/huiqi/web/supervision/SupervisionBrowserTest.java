package huiqi.web.supervision;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import huiqi.app.PlatformTest;
import huiqi.web.browser.ChromiumExtension;
import huiqi.web.browser.HeadlessChromium;
import huiqi.web.policy.PolicyStore;
import huiqi.web.security.DemoAccounts;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In real headless Chromium (Debian's /usr/bin/chromium, Playwright offline): a unit officer reports progress
 * with an attachment, and the 督查室's dashboard and the exported 督查通报 reflect it.
 */
@PlatformTest
@ExtendWith(ChromiumExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionBrowserTest {
    static final String DOC = "sv-browser";

    @Autowired
    PolicyStore policies;
    @Autowired
    TaskStore store;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    HeadlessChromium browser;

    @BeforeAll
    void start() {
        SupervisionFixtures.insert(policies, DOC, "榕督测〔2026〕2号");
        store.syncAll();
    }

    @AfterAll
    void stop() {
        SupervisionFixtures.remove(jdbc, DOC);
    }

    Page login(String user) {
        return browser.login(user, DemoAccounts.PASSWORD);
    }

    @Test
    void anOfficerReportsProgressAndTheDashboardAndTheExportReflectIt() throws Exception {
        // 市工信局's officer finds its task through the menu and the filters
        Page officer = login("gongxin");
        officer.click("nav.side >> text=督查任务");
        assertThat(officer.locator("h2.title")).hasText("督查任务");
        // htmx binds the filter's change trigger on DOMContentLoaded: a change fired before that is lost
        officer.waitForLoadState(LoadState.LOAD);
        officer.selectOption("select[name=document]", DOC);
        assertThat(officer.locator("#task-count")).hasText("2");
        officer.locator("#task-table a", new Page.LocatorOptions().setHasText("推动企业升规纳统")).click();
        assertThat(officer.locator("h2.title")).hasText("推动企业升规纳统");
        assertThat(officer.locator(".stat .tag.status")).hasText("滞后");

        Path evidence = Files.createTempFile("进展材料", ".txt");
        Files.writeString(evidence, "新增规上工业企业名单", StandardCharsets.UTF_8);
        officer.fill("input[name=value0]", "21");
        officer.fill("input[name=value1]", "1000000000");
        officer.fill("textarea[name=narrative]", "已新增规上工业企业21家，新增纳统企业产值10亿元，目标全部完成。");
        officer.setInputFiles("input[name=files]", evidence);
        officer.click("#report-form button[type=submit]");
        // a report that completes the task waits for the 督查室's 核验 (#18)
        assertThat(officer.locator(".alert.ok")).hasText("进展已报送，目标已全部完成，待督查室核验");
        assertThat(officer.locator("#awaiting-verification")).hasText("待核验");
        assertThat(officer.locator("#progress")).hasText("100.0%");
        assertThat(officer.locator("#reports tbody tr").first()).containsText("目标1：21");
        assertThat(officer.locator("#reports tbody tr").first().locator("a")).hasText(evidence.getFileName().toString());

        // the 督查室 verifies it, then the task is complete
        Page board = login(SupervisionStartup.DEMO_USER);
        assertThat(board.locator("header .role")).hasText("督查室");
        browser.open(board, officer.url().substring(officer.url().indexOf("/supervision/")));
        board.click("#reports tbody tr >> nth=0 >> button[value=accept]");
        assertThat(board.locator(".alert.ok")).hasText("核验通过，任务已完成");
        assertThat(board.locator(".stat .tag.status")).hasText("已完成");
        browser.open(board, "/supervision/dashboard");
        assertThat(board.locator("h2.title")).hasText("督查看板");
        board.selectOption("select[name=document]", DOC);
        board.click("form.filters button[type=submit]");
        assertThat(board.locator("#n-total")).hasText("17");   // 各县（市）区人民政府: one task per district/county
        assertThat(board.locator("#n-completed")).hasText("1");
        assertThat(board.locator("#completion-rate")).hasText("5.9%");
        assertThat(board.locator("#by-unit tr[data-unit='市工信局'] td.completed")).hasText("1");
        assertThat(board.locator("#chart-status canvas")).isVisible();
        assertThat(board.locator("#chart-units canvas")).isVisible();

        // and the 督查通报 it exports
        Download download = board.waitForDownload(() -> board.click("#export"));
        assertThat(download.suggestedFilename()).startsWith("督查通报-").endsWith(".xlsx");
        try (InputStream in = download.createReadStream(); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet("督查通报");
            Row row = null;
            for (Row r : sheet) {
                if (r.getRowNum() > 0 && r.getCell(4).getStringCellValue().equals("市工信局")
                        && r.getCell(3).getStringCellValue().equals("推动企业升规纳统")) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.getCell(11).getStringCellValue()).isEqualTo("已完成");
            assertThat(row.getCell(12).getNumericCellValue()).isEqualTo(100.0);
            assertThat(row.getCell(15).getStringCellValue()).contains("目标全部完成");
        }

        // the whole board, for docs/screenshots
        browser.open(board, "/supervision/dashboard");
        assertThat(board.locator("#chart-units canvas")).isVisible();
        board.setViewportSize(1360, 1500);
        HeadlessChromium.screenshot(board, "supervision-dashboard.png");
        browser.open(officer, "/supervision/tasks?document=" + DOC);
        HeadlessChromium.screenshot(officer, "supervision-tasks.png");
    }
}
