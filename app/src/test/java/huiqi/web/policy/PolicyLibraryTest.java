package huiqi.web.policy;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.web.security.DemoAccounts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The seeded policy library in PostgreSQL, its search, and the 文件详情 page. */
@PlatformTest
class PolicyLibraryTest {
    @Autowired
    PolicyStore store;
    @Autowired
    PolicySeeder seeder;
    @LocalServerPort
    int port;

    private static PolicyFilter filter(String q, String docNumber, String unit, String region, String level,
                                       String validity) {
        return new PolicyFilter(q, docNumber, unit, region, level, validity);
    }

    @Test
    void theThreeSeedDocumentsAreStoredWithTheirMeasures() {
        assertThat(store.find("fz-2024-2").orElseThrow().document().measures()).hasSize(27);
        assertThat(store.find("qt-2024-3").orElseThrow().document().measures()).hasSize(35);
        assertThat(store.find("gl-2023-1").orElseThrow().document().measures()).hasSize(37);
        DocumentDraft fz = store.find("fz-2024-2").orElseThrow().document();
        assertThat(fz.docNumber()).isEqualTo("榕政办规〔2024〕2号");
        assertThat(fz.chapters()).hasSize(8);
        DocumentDraft.Measure m7 = fz.measures().get(6);
        assertThat(m7.number()).isEqualTo(7);
        List<String> own = new java.util.ArrayList<>(m7.leadUnits());
        own.addAll(m7.responsibleUnits());
        assertThat(own).containsExactly("市工信局", "市财政局", "福州供电公司");
    }

    @Test
    void documentsAddedAfterTheSeedsAreStoredTooThoseWithoutATitleLineUnderTheirRuleFileName() {
        assertThat(store.find("yl-2022-1").orElseThrow().document().measures()).hasSize(5);
        // the source pages of 莆田 and 泉州 printed only the measures: the title comes from rules.yaml's document:
        assertThat(store.find("pt-2023-1").orElseThrow().document().title()).isEqualTo("莆田市稳岗稳工“八条措施”");
        assertThat(store.find("qz-2023-1").orElseThrow().document().title()).isEqualTo("泉州市留泉返泉措施");
        assertThat(store.find("qz-2023-1").orElseThrow().document().measures()).hasSize(1);
        assertThat(store.find("cx-2023-1").orElseThrow().document().measures()).hasSize(8);
        assertThat(store.find("xs-2023-13").orElseThrow().document().measures()).hasSize(9);
    }

    @Test
    void aSecondStartImportsNothingTwice() {
        List<String> notes = seeder.run(true);
        assertThat(notes).singleElement().asString().contains("本次导入 0 件", "已存在 9 件"); // 3 seeds, yl-2022-1, pt-2023-1, qz-2023-1, cx-2023-1, hs-2023-5, xs-2023-13
        assertThat(store.search(filter("", "", "", "", "", ""))).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void searchFiltersByDocNumberUnitRegionLevelAndValidity() {
        assertThat(store.search(filter("", "鼓政办规〔2023〕1 号", "", "", "", "")))
                .extracting(PolicyStore.DocumentSummary::id).containsExactly("gl-2023-1");
        assertThat(store.search(filter("", "", "福州供电公司", "", "", "")))
                .extracting(PolicyStore.DocumentSummary::id).contains("fz-2024-2");
        assertThat(store.search(filter("", "", "区财政局", "", "", "")))
                .extracting(PolicyStore.DocumentSummary::id).contains("gl-2023-1").doesNotContain("fz-2024-2");
        assertThat(store.search(filter("", "", "", "鼓楼", "", "")))
                .extracting(PolicyStore.DocumentSummary::id).containsExactly("gl-2023-1");
        assertThat(store.search(filter("能繁母猪", "", "", "", "", "")))
                .extracting(PolicyStore.DocumentSummary::id).contains("fz-2024-2");
        // all three seed documents expired before today (2023-12-31, 2024-03-31 …)
        assertThat(store.search(filter("", "", "", "", "", "valid")))
                .extracting(PolicyStore.DocumentSummary::id).doesNotContain("fz-2024-2", "gl-2023-1");
        assertThat(store.search(filter("", "", "", "", "", "expired")))
                .extracting(PolicyStore.DocumentSummary::id).contains("fz-2024-2", "gl-2023-1");
        String level = store.find("gl-2023-1").orElseThrow().document().level();
        assertThat(store.search(filter("", "", "", "", level, "")))
                .extracting(PolicyStore.DocumentSummary::id).contains("gl-2023-1").doesNotContain("fz-2024-2");
    }

    @Test
    void detailPageShowsMeasureSevenWithUnitsAndItsRuleWithTheQuoteMarked() {
        WebSession s = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
        String html = s.get("/policies/fz-2024-2").body();
        assertThat(html).contains("榕政办规〔2024〕2号", "福州供电公司", "fz-2024-2/7");
        assertThat(html).contains("<mark class=\"quote\">");
        // the outline numbers chapters as the document does
        assertThat(html).contains("一、增强经营主体内生动力", "三、做好冬春农业生产", "第二部分");
        // the officer's own unit is highlighted
        assertThat(html).contains("tag mine");
    }

    @Test
    void documentTextIsEscaped() {
        String evil = "关于<script>alert('x')</script>的通知\n一、总则\n1.支持企业<b>发展</b>。（责任单位：市工信局）";
        DocumentDraft d = new DocumentDraft("xss-test", null, null, "关于<script>的通知", null, null, null, null,
                null, List.of(), List.of(), List.of(), evil);
        store.insert(d, "upload", "x.txt", null, "gongxin");
        String html = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD).get("/policies/xss-test").body();
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
    }
}
