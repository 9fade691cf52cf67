package huiqi.web.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.enterprise.Uscc;
import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

/** 数据导入 against PostgreSQL: a good pair of files lands whole, a file with one bad row changes nothing. */
@PlatformTest
class ImportTest {
    @Autowired
    EnterpriseImportService imports;
    @Autowired
    PgEnterpriseStore store;
    @Autowired
    JdbcClient jdbc;

    /** An officer of 市工信局 (demo account gongxin) and an administrator, as the controller receives them. */
    static final HuiqiUser OFFICER = new HuiqiUser("gongxin", "x", true, Role.OFFICER, "市工信局经办", "市工信局", null);
    static final HuiqiUser ADMIN = new HuiqiUser("admin", "x", true, Role.ADMIN, "管理员", null, null);

    private static MockMultipartFile csv(String name, String content) {
        return new MockMultipartFile("files", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void goodFilesAreStoredWithProvenance() { // names 国网福州供电公司 as the source: an administrator may
        String uscc = Uscc.generate(new Random(7), "350102");
        var outcome = imports.importUploads(List.of(
                csv("profiles.csv", "uscc,name,region_code,industry_code,size,above_scale_industrial\n"
                        + uscc + ",福州测试精密机械有限公司,350102,C3311,中型,是\n"),
                csv("facts.csv", "统一社会信用代码,指标,期间,数值,来源\n"
                        + uscc + ",用电量,2024-02,600000,国网福州供电公司\n")), ADMIN);
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.result().profiles()).isEqualTo(1);
        var record = store.record(uscc).orElseThrow();
        assertThat(record.profile().name()).isEqualTo("福州测试精密机械有限公司");
        assertThat(record.profile().attributes()).containsEntry("above_scale_industrial", true);
        var fact = record.facts().all("electricity_kwh").iterator().next();
        assertThat(fact.value()).isEqualByComparingTo(new BigDecimal("600000"));
        assertThat(fact.provenance().file()).isEqualTo("facts.csv");
        assertThat(fact.provenance().row()).isEqualTo(2);
        assertThat(store.provenance(uscc, "name").orElseThrow().file()).isEqualTo("profiles.csv");
    }

    @Test
    void oneBadRowRejectsTheWholeImport() {
        String good = Uscc.generate(new Random(11), "350102");
        String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        long enterprisesBefore = jdbc.sql("select count(*) from enterprise").query(Long.class).single();
        long factsBefore = store.factCount();
        var outcome = imports.importUploads(List.of(csv("profiles.csv",
                "uscc,name,region_code\n" + good + ",好企业有限公司,350102\n" + bad + ",坏行有限公司,350102\n")),
                OFFICER);
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.problems()).anySatisfy(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("uscc");
        });
        assertThat(store.contains(good)).as("the good row was not stored either").isFalse();
        assertThat(jdbc.sql("select count(*) from enterprise").query(Long.class).single()).isEqualTo(enterprisesBefore);
        assertThat(store.factCount()).isEqualTo(factsBefore);
    }

    @Test
    void factsOfAnUnknownEnterpriseAreRejected() {
        String stranger = Uscc.generate(new Random(13), "350102");
        var outcome = imports.importUploads(List.of(csv("facts.csv",
                "uscc,indicator,period,value\n" + stranger + ",electricity_kwh,2024-02,1000\n")), OFFICER);
        assertThat(outcome.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("不在企业档案中"));
    }

    @Test
    void onlyCsvAndXlsxAreAccepted() {
        var outcome = imports.importUploads(List.of(csv("evil.sh", "rm -rf /")), OFFICER);
        assertThat(outcome.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains(".csv"));
        assertThat(EnterpriseImportService.safeName("../../etc/passwd")).isEqualTo("passwd");
    }
}
