package huiqi.org;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.policy.Level;
import org.junit.jupiter.api.Test;

class UnitResolverTest {
    static final UnitDirectory DIR = UnitDirectory.seed();
    static final UnitResolver R = new UnitResolver(DIR);
    static final Government FUZHOU = Government.of("350100", "福州市");
    static final Government GULOU = Government.of("350102", "鼓楼区");
    static final Government CANGSHAN = Government.of("350104", "仓山区");
    static final Government TAISHANG = Government.of("350500", "泉州台商投资区");

    static String name(Resolution r) {
        assertThat(r.kind()).as(r.reason()).isEqualTo(Resolution.Kind.UNIT);
        return DIR.byId(r.unitIds().get(0)).orElseThrow().name();
    }

    @Test
    void aDistrictDocumentsShortNamesAreItsOwnDepartments() {
        assertThat(name(R.resolve("区人社局", GULOU))).isEqualTo("福州市鼓楼区人力资源和社会保障局");
        assertThat(name(R.resolve("人社局", GULOU))).isEqualTo("福州市鼓楼区人力资源和社会保障局");
        assertThat(name(R.resolve("区人社局", CANGSHAN))).isEqualTo("福州市仓山区人力资源和社会保障局");
        assertThat(name(R.resolve("财政局", GULOU))).isEqualTo("福州市鼓楼区财政局");
        assertThat(name(R.resolve("市财政局", GULOU))).as("a 市 unit in a district document is the city's")
                .isEqualTo("福州市财政局");
        assertThat(name(R.resolve("鼓楼税务局", GULOU))).isEqualTo("国家税务总局福州市鼓楼区税务局");
    }

    @Test
    void aParkDocumentsUnitsAreThePark() {
        assertThat(Government.of("350500", "泉州台商投资区").level()).isEqualTo(Level.PARK);
        assertThat(name(R.resolve("区财政金融与国资局", TAISHANG))).isEqualTo("泉州台商投资区财政金融与国资局");
        assertThat(name(R.resolve("教育文化旅游局", TAISHANG))).isEqualTo("泉州台商投资区教育文体旅游局");
        assertThat(name(R.resolve("惠安供电公司", TAISHANG))).as("a place-qualified name in the same city")
                .isEqualTo("国网福建惠安县供电有限公司");
    }

    @Test
    void collectiveMentionsExpandToTheIssuersMembers() {
        Resolution streets = R.resolve("各街镇", GULOU);
        assertThat(streets.kind()).isEqualTo(Resolution.Kind.COLLECTIVE);
        assertThat(streets.unitIds()).hasSize(10).contains("350102/鼓东街道", "350102/洪山镇");
        Resolution counties = R.resolve("各县(市)区人民政府", FUZHOU);
        assertThat(counties.unitIds()).hasSize(13).contains("350104/人民政府", "350181/人民政府", "350128/人民政府")
                .doesNotContain("350100/人民政府", "350521/人民政府");
        assertThat(R.resolve("各乡镇人民政府", TAISHANG).unitIds()).hasSize(4);
        assertThat(R.resolve("各街镇", CANGSHAN).resolved()).as("仓山区's streets are not seeded: not guessed").isFalse();
        assertThat(R.resolve("各县（市）区人民政府", GULOU).resolved()).isFalse();
    }

    @Test
    void aProvincesCitiesAndTortoiseShellBracketsExpandToo() {
        Resolution cities = R.resolve("各市政府", Government.of("140000", "山西省"));
        assertThat(cities.kind()).isEqualTo(Resolution.Kind.COLLECTIVE);
        assertThat(cities.unitIds()).hasSize(11).contains("140100/人民政府", "141100/人民政府")
                .doesNotContain("140000/人民政府");
        assertThat(R.resolve("各市政府", FUZHOU).resolved()).as("a city has no cities under it").isFalse();
        assertThat(R.resolve("各县〔市、区〕政府", Government.of("330400", "嘉兴市")).unitIds()).hasSize(7)
                .contains("330402/人民政府", "330483/人民政府");
    }

    @Test
    void theParkCommitteeIsTheIssuingCitysOne() {
        assertThat(name(R.resolve("高新区管委会", FUZHOU))).isEqualTo("福州高新技术产业开发区管理委员会");
    }

    @Test
    void ambiguousOrUnknownMentionsAreNeverGuessed() {
        Resolution r = R.resolve("区财政局", FUZHOU);
        assertThat(r.resolved()).isFalse();
        assertThat(r.reason()).contains("福州市鼓楼区财政局", "福州市仓山区财政局");
        assertThat(R.resolve("区统计局", GULOU).resolved()).isFalse();
        assertThat(R.resolve("市财政局", Government.of("320106", "鼓楼区")).resolved())
                .as("南京's 鼓楼区 is not Fuzhou's").isFalse();
        assertThat(R.resolve("鼓楼税务局", Government.of("320100", "南京市")).resolved()).isFalse();
        assertThat(R.resolve("市财政局", null).resolved()).isFalse();
    }
}
