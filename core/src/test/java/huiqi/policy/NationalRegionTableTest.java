package huiqi.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NationalRegionTableTest {
    final RegionTable table = RegionTable.national();

    @ParameterizedTest
    @CsvSource({
            "南京市鼓楼区人民政府, 320106, 鼓楼区, 县区",
            "江苏省人民政府, 320000, 江苏省, 省",
            "海南省人民政府办公厅, 460000, 海南省, 省",
            "吉林市人民政府, 220200, 吉林市, 市",
            "吉林省人民政府办公厅, 220000, 吉林省, 省",
            "南昌县人民政府, 360121, 南昌县, 县区",
            "广西壮族自治区人民政府办公厅, 450000, 广西壮族自治区, 省",
            "延边州人民政府, 222400, 延边朝鲜族自治州, 市",
            "北京市朝阳区人民政府, 110105, 朝阳区, 县区",
            "长春市朝阳区人民政府, 220104, 朝阳区, 县区",
            "上海市浦东新区人民政府, 310115, 浦东新区, 县区",
            "赣江新区管委会, 360000, 江西赣江新区, 园区",
            "兰州新区管委会, 620100, 兰州新区, 园区",
            "苏州工业园区管理委员会, 320500, 苏州工业园区, 园区",
            "石家庄高新技术产业开发区管理委员会, 130100, 石家庄高新技术产业开发区, 园区",
            "晋城市城区人民政府, 140502, 城区, 县区",
            "济源市人民政府, 419001, 济源市, 县区",
            "东莞市人民政府办公室, 441900, 东莞市, 市",
            "重庆市人民政府办公厅, 500000, 重庆市, 省",
    })
    void findsDivisionsAllOverChina(String issuer, String code, String name, String level) {
        RegionTable.Entry e = table.find(issuer).orElseThrow();
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.name()).isEqualTo(name);
        assertThat(e.level().label()).isEqualTo(level);
    }

    @Test
    void namesakesAreToldApartByTheDocumentOrNotAtAll() {
        assertThat(table.find("鼓楼区人民政府")).isEmpty();
        assertThat(table.find("鼓楼区人民政府", "…福州市…").orElseThrow().code()).isEqualTo("350102");
        assertThat(table.find("鼓楼区人民政府", "…南京…").orElseThrow().code()).isEqualTo("320106");
    }

    @Test
    void genericCountyNamesNeedTheirCity() {
        assertThat(table.find("市城区管理局")).isEmpty();
        assertThat(table.find("国务院办公厅")).isEmpty();
    }

    @Test
    void theTableCoversEveryProvinceAndItsCounties() {
        long provinces = table.entries().stream().filter(e -> e.level() == Level.PROVINCE).count();
        long counties = table.entries().stream().filter(e -> e.level() == Level.COUNTY).count();
        assertThat(provinces).isEqualTo(31);
        assertThat(counties).isGreaterThan(2800);
        for (RegionTable.Entry e : table.entries()) {
            assertThat(e.code()).matches("\\d{6}");
            if (e.level() != Level.PROVINCE) {
                assertThat(table.byCode(e.parentCode())).as("parent of %s", e.name()).isPresent();
            }
        }
    }

    @Test
    void parserResolvesRegionsOutsideFujian() {
        PolicyDocument doc = new PolicyParser().parse("南京市鼓楼区人民政府关于印发若干措施的通知\n1. 支持企业。（责任单位：区工信局）");
        assertThat(doc.region()).isEqualTo(new Region("320106", "鼓楼区", "320100", "南京市"));
        assertThat(doc.level()).isEqualTo(Level.COUNTY);
    }
}
