package huiqi.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionTableTest {
    final RegionTable table = RegionTable.fujian();

    @ParameterizedTest
    @CsvSource({
            "福州市人民政府办公厅, 350100, 福州市, 市",
            "福州市鼓楼区人民政府办公室, 350102, 鼓楼区, 县区",
            "鼓楼区人民政府, 350102, 鼓楼区, 县区",
            "泉州台商投资区管理委员会办公室, 350500, 泉州台商投资区, 园区",
            "福建省人民政府办公厅, 350000, 福建省, 省",
            "福建省泉州市晋江市人民政府, 350582, 晋江市, 县区",
            "厦门市思明区人民政府, 350203, 思明区, 县区",
            "三明市沙县区人民政府, 350405, 沙县区, 县区",
            "福州高新区管委会, 350100, 福州高新技术产业开发区, 园区",
            "平潭综合实验区管委会, 350128, 平潭县, 县区",
    })
    void findsTheMostSpecificDivision(String issuer, String code, String name, String level) {
        RegionTable.Entry e = table.find(issuer).orElseThrow();
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.name()).isEqualTo(name);
        assertThat(e.level().label()).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource({"南京市鼓楼区人民政府", "江苏省人民政府", "国务院办公厅", "''"})
    void placesOutsideTheTableAreNotGuessed(String issuer) {
        assertThat(table.find(issuer)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void everyCodeIsSixDigitsUnderAKnownParent() {
        for (RegionTable.Entry e : table.entries()) {
            assertThat(e.code()).matches("35\\d{4}");
            if (e.level() != Level.PROVINCE) {
                assertThat(table.entries()).anyMatch(p -> p.code().equals(e.parentCode()) && p.level() != Level.PARK);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void parserReportsUnknownRegions() {
        PolicyDocument doc = new PolicyParser(RegionTable.fujian()).parse("南京市鼓楼区人民政府关于印发若干措施的通知\n1. 支持企业。（责任单位：区工信局）");
        assertThat(doc.region()).isNull();
        assertThat(doc.level()).isEqualTo(Level.COUNTY);
        assertThat(doc.warnings()).contains("未能从发文机关“南京市鼓楼区人民政府”识别行政区划");
    }
}
