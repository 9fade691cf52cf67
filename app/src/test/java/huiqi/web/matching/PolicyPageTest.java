package huiqi.web.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.expression.Numbers;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** The 一企一策 page's texts, formatted in Java, read exactly as the template's own formatting printed them. */
class PolicyPageTest {

    @Test
    void amountsReadAsTheTemplatesFormatDecimalPrintedThem() {
        Numbers template = new Numbers(Locale.SIMPLIFIED_CHINESE);
        for (String v : List.of("0", "0.00", "0.005", "0.015", "1.005", "2.675", "-3.5", "999.995", "1000", "12345.6",
                "17942.38", "1234567.891", "300000.00", "100000000.125")) {
            BigDecimal amount = new BigDecimal(v);
            assertThat(PolicyPage.amount(amount)).as(v)
                    .isEqualTo(template.formatDecimal(amount, 1, "COMMA", 2, "POINT"));
        }
    }

    @Test
    void explanationCellIsWhatTheTemplatesLoopOverLinesRendered() {
        List<String> lines = List.of("a < b & \"c\" 'd' <script>", "用电量 2024-01..2024-02 2万千瓦时", "");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        Context context = new Context();
        context.setVariable("lines", lines);
        String loop = engine.process("<td><div th:each=\"x : ${lines}\" th:text=\"${T(huiqi.web.format.Periods).inText(x)}\""
                + " style=\"font-size:13px\"></div></td>", context);
        assertThat("<td>" + PolicyPage.explanationHtml(lines) + "</td>").isEqualTo(loop);
    }

    @Test
    void explanationLinesAreEscapedAsThTextEscapedThem() {
        assertThat(PolicyPage.explanationHtml(List.of("a < b & \"c\" 'd'", "第二行")))
                .isEqualTo("<div style=\"font-size:13px\">a &lt; b &amp; &quot;c&quot; &#39;d&#39;</div>"
                        + "<div style=\"font-size:13px\">第二行</div>");
        assertThat(PolicyPage.explanationHtml(List.of())).isEmpty();
    }

    @Test
    void periodsInTextsAreInChineseAndMeasuresNamedByDocumentAndArticle() {
        MatchReport.Benefit granted = new MatchReport.Benefit("d/9", "d", "泉台管办发明电〔2024〕3号", 9, "奖励", "符合",
                new BigDecimal("6000.2"), "区财政", "申请", List.of("用电量 2024-01..2024-03 105万千瓦时"), List.of(), null,
                "减免", "政策已于 2024-03-31 到期", true, List.of());
        MatchReport.Benefit missing = new MatchReport.Benefit("d/3", "d", "文号", 3, "补贴", "待补充", null, null, null,
                List.of(), List.of("2024-Q1 的用电量"), "差 2024-01..2024-02 的 1 万千瓦时", null, null, false, List.of());
        MatchReport report = new MatchReport("u", List.of(granted), List.of(missing), List.of(missing), List.of(),
                new BigDecimal("6000.20"), List.of("2024-Q2 的数据未导入"), BigDecimal.ZERO.setScale(2),
                new BigDecimal("6000.20"));

        PolicyPage page = PolicyPage.of(report);

        assertThat(page.notes()).containsExactly("2024年第二季度 的数据未导入");
        assertThat(page.cash()).isEqualTo("0.00 元");
        assertThat(page.relief()).isEqualTo("6,000.20 元");
        PolicyPage.Eligible e = page.eligible().get(0);
        assertThat(e.amount()).isEqualTo("6,000.20");
        assertThat(e.relief()).isTrue();
        assertThat(e.validity()).isEqualTo("政策已于 2024-03-31 到期");
        assertThat(e.explanationHtml()).isEqualTo("<div style=\"font-size:13px\">用电量 2024年1月1日至2024年3月31日 105万千瓦时</div>");
        PolicyPage.Other u = page.undeterminable().get(0);
        assertThat(u.measure()).isEqualTo("文号 第3条");
        assertThat(u.missing()).containsExactly("2024年第一季度 的用电量");
        assertThat(page.nearMisses().get(0).nearMiss()).isEqualTo("差 2024年1月1日至2024年2月29日 的 1 万千瓦时");
    }
}
