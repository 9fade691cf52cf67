package huiqi.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The governments that issued the 2022–2023 documents of 杨凌, 莆田 and 泉州 and the departments those texts point
 * to ("由财政", "经当地工信部门认定", the publishing 商务局) resolve in the context of their issuer, in the spellings
 * their own documents would use.
 */
class NewDocumentIssuersTest {
    static final UnitResolver RESOLVER = new UnitResolver(UnitDirectory.seed());

    @Test
    void yanglingDepartmentsResolve() {
        Government yangling = Government.of("610403", "杨凌示范区");
        assertResolve(yangling, List.of("管委会", "示范区管委会", "杨凌示范区管委会"), "610403.杨凌/管委会");
        assertResolve(yangling, List.of("商务局", "区商务局", "杨凌示范区商务局"), "610403.杨凌/商务局");
    }

    @Test
    void putianDepartmentsResolve() {
        Government putian = Government.of("350300", "莆田市");
        assertResolve(putian, List.of("市人民政府", "莆田市人民政府"), "350300/人民政府");
        assertResolve(putian, List.of("市财政局", "莆田市财政局"), "350300/财政局");
        assertResolve(putian, List.of("市人社局", "莆田市人力资源和社会保障局"), "350300/人社局");
    }

    @Test
    void quanzhouIndustryBureauResolvesAndStaysApartFromTheZones() {
        Government quanzhou = Government.of("350500", "泉州市");
        assertResolve(quanzhou, List.of("市工信局", "泉州市工业和信息化局"), "350500/工信局");
        // in a 福州 document the same spelling stays 福州's bureau
        assertResolve(Government.of("350100", "福州市"), List.of("市工信局"), "350100/工信局");
        // 泉州台商投资区 has no 工信局 of its own in the directory: the city's bureau is not offered there
        assertThat(RESOLVER.resolve("区工信局", Government.of("350500", "泉州台商投资区")).unitIds())
                .doesNotContain("350500/工信局");
    }

    private static void assertResolve(Government g, List<String> mentions, String unitId) {
        for (String m : mentions) {
            Resolution r = RESOLVER.resolve(m, g);
            assertThat(r.unitIds()).as("%s 发文中的“%s”", g.name(), m).containsExactly(unitId);
        }
    }
}
