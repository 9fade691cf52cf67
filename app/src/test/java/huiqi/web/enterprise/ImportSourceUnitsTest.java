package huiqi.web.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.enterprise.Uscc;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

/** A .csv/.xlsx import records the 组织目录 unit of each fact's 来源, as 事实数据上报 does (FactSourceUnits). */
@PlatformTest
class ImportSourceUnitsTest {
    @Autowired
    EnterpriseImportService imports;
    @Autowired
    JdbcClient jdbc;

    private String enterprise(int seed) {
        String code = Uscc.generate(new Random(seed), "350102");
        jdbc.sql("insert into enterprise (uscc, name, region_code) values (?, ?, '350102') on conflict do nothing")
                .params(code, "来源单位测试企业" + code.substring(10)).update();
        return code;
    }

    private long importAs(String user, String csv) {
        var outcome = imports.importUploads(List.of(new MockMultipartFile("files", "来源.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))), user);
        assertThat(outcome.problems()).isEmpty();
        return outcome.importId();
    }

    private String unit(String uscc, String period) {
        return jdbc.sql("select source_unit_id from enterprise_fact where uscc = ? and indicator = 'electricity_kwh' and period = ?")
                .params(uscc, period).query().singleValue() instanceof String id ? id : null;
    }

    @Test
    void eachFactIsMarkedWithTheUnitItsNamedSourceBindsTo() {
        String a = enterprise(8301);
        importAs("admin", "统一社会信用代码,指标,期间,数值,来源\n" + a + ",electricity_kwh,2024-02,52万千瓦时,福州市工业和信息化局\n");
        assertThat(unit(a, "2024-02")).isEqualTo("350100/工信局");

        importAs("admin", "统一社会信用代码,指标,期间,数值,来源\n"
                + a + ",electricity_kwh,2024-03,1万千瓦时,福州市人力资源和社会保障局\n"
                + a + ",electricity_kwh,2024-02,2万千瓦时,某某电力公司\n");
        assertThat(unit(a, "2024-03")).isEqualTo("350100/人社局");
        // a source no unit binds to leaves none, though the fact it replaced had one
        assertThat(unit(a, "2024-02")).isNull();
    }
}
