package huiqi.web.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.Multipart;
import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.enterprise.Uscc;
import huiqi.web.security.DemoAccounts;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 数据导入 over HTTP (issue #15 items 7, 9, 12, 13): an officer imports in its own department's name only and
 * cannot rename enterprises (the rule of /api/v1/facts); odd files and numbers give a Chinese report, not a 500;
 * a huge report shows its first problems with counts by kind and offers the full list as .xlsx to its owner.
 */
@PlatformTest
class ImportInputTest {
    private static int seed = 91_000;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    String uscc;

    @BeforeEach
    void enterprise() {
        uscc = Uscc.generate(new Random(seed++), "350102");
        jdbc.sql("insert into enterprise (uscc, name, region_code) values (?, '原名有限公司', '350102') on conflict do nothing")
                .param(uscc).update();
    }

    private WebSession login(String user) {
        return WebSession.login(port, user, DemoAccounts.PASSWORD).csrfFrom("/imports");
    }

    private static HttpResponse<String> upload(WebSession s, String fileName, String content) {
        return s.send(new Multipart().file("files", fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8))
                .post(s, "/imports"));
    }

    private long facts() {
        return jdbc.sql("select count(*) from enterprise_fact where uscc = ?").param(uscc).query(Long.class).single();
    }

    @Test
    void anOfficerCannotNameAnotherDepartmentAsTheSource() {
        HttpResponse<String> r = upload(login("gongxin"), "facts.csv",
                "uscc,indicator,period,value,source\n" + uscc + ",electricity_kwh,2024-02,600000,市财政局\n");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("部门经办只能以本部门（市工信局）名义上报，实为 &#39;市财政局&#39;");
        assertThat(facts()).isZero();
    }

    @Test
    void anOfficerNamingNoSourceReportsForItsOwnDepartment() {
        HttpResponse<String> r = upload(login("gongxin"), "facts.csv",
                "uscc,indicator,period,value\n" + uscc + ",electricity_kwh,2024-02,600000\n");
        assertThat(r.body()).contains("id=\"import-ok\"");
        assertThat(jdbc.sql("select source from enterprise_fact where uscc = ?").param(uscc).query(String.class).single())
                .isEqualTo("市工信局");
        assertThat(sourceUnit()).as("the 组织目录 unit of the officer who reported it").isEqualTo(unitIdOf("gongxin"));
    }

    @Test
    void anAdministratorNamingADepartmentRecordsThatDepartmentsUnit() {
        upload(login("admin"), "facts.csv",
                "uscc,indicator,period,value,source\n" + uscc + ",electricity_kwh,2024-02,600000,福州市财政局\n");
        assertThat(sourceUnit()).isEqualTo("350100/财政局");
        // "市财政局" names a department of many cities: no unit is guessed, the source stays as written
        upload(login("admin"), "facts.csv",
                "uscc,indicator,period,value,source\n" + uscc + ",electricity_kwh,2024-02,600000,市财政局\n");
        assertThat(jdbc.sql("select source_unit_id from enterprise_fact where uscc = ?").param(uscc).query(String.class).optional())
                .isEmpty();
    }

    private String sourceUnit() {
        return jdbc.sql("select source_unit_id from enterprise_fact where uscc = ?").param(uscc).query(String.class).single();
    }

    private String unitIdOf(String user) {
        return jdbc.sql("select unit_id from app_user where username = ?").param(user).query(String.class).single();
    }

    @Test
    void anAdministratorMayNameAnyDepartment() {
        HttpResponse<String> r = upload(login("admin"), "facts.csv",
                "uscc,indicator,period,value,source\n" + uscc + ",electricity_kwh,2024-02,600000,市财政局\n");
        assertThat(r.body()).contains("id=\"import-ok\"");
        assertThat(facts()).isEqualTo(1);
    }

    @Test
    void anOfficerCannotRenameAnEnterprise() {
        HttpResponse<String> r = upload(login("gongxin"), "profiles.csv", "uscc,name\n" + uscc + ",改名有限公司\n");
        assertThat(r.body()).contains("部门经办不能修改已有企业的名称");
        assertThat(name()).isEqualTo("原名有限公司");
        upload(login("admin"), "profiles.csv", "uscc,name\n" + uscc + ",改名有限公司\n");
        assertThat(name()).isEqualTo("改名有限公司");
    }

    private String name() {
        return jdbc.sql("select name from enterprise where uscc = ?").param(uscc).query(String.class).single();
    }

    @Test
    void aFileNamedSlashIsRefusedWithAChineseMessage() {
        HttpResponse<String> r = upload(login("gongxin"), "/", "uscc,name\n");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("只接受 .csv 和 .xlsx 文件");
    }

    @Test
    void aLongFileNameIsShortenedNotA500() {
        HttpResponse<String> r = upload(login("gongxin"), "a".repeat(300) + ".csv",
                "uscc,indicator,period,value\n" + uscc + ",electricity_kwh,2024-02,600000\n");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"import-ok\"");
    }

    @Test
    void aValueTheDatabaseCannotHoldIsReported() {
        HttpResponse<String> r = upload(login("gongxin"), "facts.csv",
                "uscc,indicator,period,value\n" + uscc + ",electricity_kwh,2024-02,100000000000000000000\n");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("超出");
        assertThat(facts()).isZero();
    }

    @Test
    void implausibleFactsAreReported() {
        HttpResponse<String> r = upload(login("gongxin"), "facts.csv", "uscc,indicator,period,value\n"
                + uscc + ",electricity_kwh,2024-02,-5\n"
                + uscc + ",insured_headcount,2024-02,12.5\n"
                + uscc + ",electricity_kwh,0000-01,5\n"
                + uscc + ",electricity_kwh,2099-01,5\n");
        assertThat(r.body()).contains("不能为负数").contains("应为整数").contains("期间 &#39;0000-01&#39; 不合理")
                .contains("期间 &#39;2099-01&#39; 不合理");
        assertThat(facts()).isZero();
    }

    @Test
    void aHugeReportShowsTheFirstProblemsWithCountsAndOffersTheRestAsXlsx() throws Exception {
        StringBuilder csv = new StringBuilder("uscc,indicator,period,value\n");
        for (int i = 0; i < 900; i++) {
            csv.append(uscc).append(",no_such_indicator_").append(i).append(",2024-02,1\n");
        }
        for (int i = 0; i < 300; i++) { // one period each: not duplicates
            csv.append(uscc).append(",electricity_kwh,").append(java.time.YearMonth.of(2001, 1).plusMonths(i))
                    .append(",abc").append(i).append('\n');
        }
        WebSession s = login("gongxin");
        HttpResponse<String> r = upload(s, "many.csv", csv.toString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"import-total\">1200<");
        assertThat(count(r.body(), "<td class=\"num\">")).as("rows shown (and at most 10 recent imports)").isBetween(200, 210);
        assertThat(r.body()).contains("id=\"import-kinds\"").contains("未知指标").contains(">900</b> 处").contains(">300</b> 处");
        Matcher link = Pattern.compile("href=\"(/imports/reports/[0-9a-f-]+\\.xlsx)\"").matcher(r.body());
        assertThat(link.find()).as("download link").isTrue();

        HttpResponse<byte[]> xlsx = s.sendBytes(link.group(1));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(1200);
        }
        assertThat(login("caizheng").sendBytes(link.group(1)).statusCode()).as("another user's report").isEqualTo(404);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
