package huiqi.web.enterprise;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import huiqi.app.PlatformTest;
import huiqi.enterprise.Uscc;
import huiqi.web.browser.ChromiumExtension;
import huiqi.web.browser.HeadlessChromium;
import huiqi.web.browser.HeadlessChromium.Screen;
import huiqi.web.security.DemoAccounts;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Random;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 数据导入 history and undo on an officer's laptop (#19 item 7): a rejected import stays in the history with its
 * report (downloadable), an accepted one is undone as a whole after confirmation, and an undo that would lose a
 * later import's data is refused naming that import.
 */
@PlatformTest
@ExtendWith(ChromiumExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportHistoryBrowserTest {
    @Autowired JdbcClient jdbc;

    HeadlessChromium browser;

    private static FilePayload csv(String name, String content) {
        return new FilePayload(name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    private long upload(Page page, FilePayload... files) {
        browser.open(page, "/imports");
        page.setInputFiles("input[name=files]", files);
        page.click("text=校验并导入");
        return Long.parseLong(page.locator("#import-history tbody tr").first().getAttribute("data-import"));
    }

    private BigDecimal kwh(String uscc, String period) {
        return jdbc.sql("select value from enterprise_fact where uscc = ? and indicator = 'electricity_kwh' and period = ?")
                .params(uscc, period).query(BigDecimal.class).optional().orElse(null);
    }

    @Test
    void rejectedImportsStayInTheHistoryAndAnImportIsUndoneAsAWhole() throws Exception {
        String uscc = Uscc.generate(new Random(7110), "350102");
        String bad = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
        Page page = browser.login("admin", DemoAccounts.PASSWORD, Screen.DESKTOP);

        // a rejected import: kept with its problems, downloadable later
        long rejected = upload(page, csv("有错的档案.csv", "统一社会信用代码,企业名称,行政区划代码\n"
                + bad + ",坏行有限公司,350102\n"));
        assertThat(page.locator("#import-report")).containsText("导入被整体拒绝");
        assertThat(page.locator("#import-history tr[data-import='" + rejected + "']")).containsText("已拒绝");
        page.click("#import-history tr[data-import='" + rejected + "'] >> text=查看问题清单");
        assertThat(page.locator("#entry-status")).hasText("已拒绝");
        assertThat(page.locator("#entry-problems tbody tr").first()).containsText("有错的档案.csv");
        assertThat(page.locator("#undo")).hasCount(0);
        Download download = page.waitForDownload(() -> page.click("#problems-download"));
        try (InputStream in = Files.newInputStream(download.path()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("原因");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("有错的档案.csv");
            assertThat((int) sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(2);
        }
        HeadlessChromium.screenshot(page, "import-rejected-history.png", true);

        // two accepted imports; the second changes a value the first set and adds one that was absent
        long first = upload(page, csv("企业档案.csv", "统一社会信用代码,企业名称,行政区划代码,行业代码,企业规模\n"
                        + uscc + ",福州撤销演示机械有限公司,350102,C3311,中型\n"),
                csv("用电量.csv", "统一社会信用代码,指标,期间,数值,来源\n" + uscc + ",用电量,2024-01,400000,国网福州供电公司\n"));
        assertThat(page.locator("#import-ok")).containsText("导入成功");
        long second = upload(page, csv("用电量更正.csv", "统一社会信用代码,指标,期间,数值,来源\n"
                + uscc + ",用电量,2024-01,480000,国网福州供电公司\n" + uscc + ",用电量,2024-02,520000,国网福州供电公司\n"));
        assertThat(kwh(uscc, "2024-01")).isEqualByComparingTo("480000");

        // undoing the first would lose the second's data: refused, and the second is named
        browser.open(page, "/imports/" + first);
        assertThat(page.locator("#undo-blockers")).containsText("第 " + second + " 号导入（用电量更正.csv");
        assertThat(page.locator("#undo-form")).hasCount(0);
        HeadlessChromium.screenshot(page, "import-undo-refused.png", true);

        // the second: what it restores, confirmation required, then restored exactly and audited
        browser.open(page, "/imports/" + second);
        assertThat(page.locator("#undo-plan")).containsText("1 条指标数据恢复为导入前的值");
        assertThat(page.locator("#undo-plan")).containsText("1 条指标数据导入前没有，将删除");
        HeadlessChromium.screenshot(page, "import-undo-confirm.png", true);
        page.click("#undo-submit");
        assertThat(page.locator("#undo-error")).containsText("请先勾选");
        assertThat(kwh(uscc, "2024-01")).as("nothing undone without the confirmation").isEqualByComparingTo("480000");
        page.check("#undo-confirm");
        page.click("#undo-submit");
        assertThat(page.locator("#undo-done")).containsText("已撤销");
        assertThat(page.locator("#entry-status")).hasText("已撤销");
        assertThat(kwh(uscc, "2024-01")).isEqualByComparingTo("400000");
        assertThat(kwh(uscc, "2024-02")).isNull();
        HeadlessChromium.screenshot(page, "import-undone.png", true);
        browser.open(page, "/enterprises/" + uscc);
        assertThat(page.locator("main")).containsText("400,000");
        assertThat(page.locator("main")).not().containsText("520,000");
        browser.open(page, "/fulfilment/audit?entity=import");
        assertThat(page.locator("main")).containsText("撤销导入");
        assertThat(page.locator("main")).containsText("第 " + second + " 号导入");

        // now the first can go too: the enterprise it created is removed with it
        browser.open(page, "/imports/" + first);
        page.check("#undo-confirm");
        page.click("#undo-submit");
        assertThat(page.locator("#undo-done")).containsText("1 户本次新建的企业已删除");
        assertThat(browser.open(page, "/enterprises/" + uscc).status()).isEqualTo(404);
        assertThat(HeadlessChromium.horizontalOverflow(page, Screen.DESKTOP)).isLessThanOrEqualTo(0);
    }
}
