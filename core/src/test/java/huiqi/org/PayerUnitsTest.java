package huiqi.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayerUnitsTest {
    static final UnitResolver R = new UnitResolver(UnitDirectory.seed());
    static final Government GULOU = Government.of("350102", "鼓楼区");
    static final Government TAISHANG = Government.of("350500", "泉州台商投资区");

    @Test
    void aPayerDepartmentResolvesInItsDocumentsContext() {
        assertThat(PayerUnits.resolve("就业补助资金（区人社局）", GULOU, R).unitIds()).containsExactly("350102/人社局");
        assertThat(PayerUnits.resolve("就业补助资金（区人社局）", Government.of("350104", "仓山区"), R).unitIds())
                .containsExactly("350104/人社局");
        assertThat(PayerUnits.resolve("市财政局", GULOU, R).unitIds()).containsExactly("350100/财政局");
        assertThat(PayerUnits.resolve("区科技经济发展局、区财政金融与国资局", TAISHANG, R).unitIds())
                .containsExactly("350500.台商/科技经济发展局", "350500.台商/财政金融与国资局");
    }

    @Test
    void anUnknownAmbiguousOrCollectivePayerIsRefusedWithTheReason() {
        PayerUnits.Result unknown = PayerUnits.resolve("杨凌示范区（条文未写明出资部门）", GULOU, R);
        assertThat(unknown.resolved()).isFalse();
        assertThat(unknown.problem()).startsWith("部门“杨凌示范区（条文未写明出资部门）”不能唯一对应组织目录中的单位");
        assertThat(PayerUnits.resolve("区财政局", Government.of("350100", "福州市"), R).problem())
                .contains("福州市鼓楼区财政局", "福州市仓山区财政局");
        assertThat(PayerUnits.resolve("各街镇", GULOU, R).resolved()).isFalse();
        assertThat(PayerUnits.resolve("市财政局、区统计局", GULOU, R).problem()).contains("区统计局");
    }
}
