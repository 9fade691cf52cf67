package huiqi.web.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.web.security.DemoAccounts;
import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The 督查任务 list's period and government selectors, its canonical unit dropdown, and the export honouring them. */
@PlatformTest
class TaskListFiltersTest {
    static final Pattern COUNT = Pattern.compile("id=\"task-count\">([\\d,]+)<");

    @LocalServerPort
    int port;

    WebSession ducha() {
        return WebSession.login(port, "ducha", DemoAccounts.PASSWORD);
    }

    static int count(String page) {
        Matcher m = COUNT.matcher(page);
        assertThat(m.find()).as("the task count is shown").isTrue();
        return Integer.parseInt(m.group(1).replace(",", ""));
    }

    @Test
    void theUnitDropdownListsCanonicalUnitsGroupedByGovernment() {
        String page = ducha().get("/supervision/tasks").body();
        assertThat(page).contains("<optgroup label=\"鼓楼区\">", "<optgroup label=\"福州市\">",
                "value=\"350102/人社局\">福州市鼓楼区人力资源和社会保障局</option>",
                "name=\"period\"", "name=\"government\"");
        assertThat(page).as("spellings are not offered as units").doesNotContain("value=\"区人社局\"");
        assertThat(page).as("泉州's units are not 福州市督查室's").doesNotContain("<optgroup label=\"泉州台商投资区\">");
    }

    @Test
    void thePeriodAndGovernmentNarrowTheListAndTheExport() throws Exception {
        WebSession s = ducha();
        int all = count(s.get("/supervision/tasks?date=2024-02-01").body());
        int quarter = count(s.get("/supervision/tasks?date=2024-02-01&period=custom&from=2024-01-01&to=2024-03-31").body());
        int later = count(s.get("/supervision/tasks?date=2024-02-01&period=custom&from=2030-01-01&to=2030-12-31").body());
        int gulou = count(s.get("/supervision/tasks?date=2024-02-01&government=350102%7C%E9%BC%93%E6%A5%BC%E5%8C%BA").body());
        assertThat(all).isPositive();
        assertThat(quarter).isPositive().isLessThan(all);   // 鼓政办规 (2023) ends before 2024 but its measure 16
        assertThat(later).isZero();
        assertThat(gulou).isPositive().isLessThan(all);

        String filtered = s.get("/supervision/tasks?date=2024-02-01&period=custom&from=2024-01-01&to=2024-03-31").body();
        assertThat(filtered).contains("period=custom", "from=2024-01-01", "to=2024-03-31");
        var r = s.sendBytes("/supervision/export.xlsx?date=2024-02-01&period=custom&from=2024-01-01&to=2024-03-31");
        assertThat(r.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            assertThat(wb.getSheet("督查通报").getLastRowNum()).isEqualTo(quarter);
        }
    }
}
