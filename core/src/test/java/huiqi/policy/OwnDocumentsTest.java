package huiqi.policy;

import static huiqi.policy.SeedDocumentsTest.assertAmount;
import static huiqi.policy.SeedDocumentsTest.assertTarget;
import static huiqi.policy.SeedDocumentsTest.m;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Documents written for these tests in the family of the seeds, but in the other shapes real documents take:
 * 第一章 chapters with （一） measures restarting per chapter, 【】 units and CRLF (xm); no chapters, no 文号,
 * "1．" numbering, [] and half-width (责任部门:…) units, GBK encoding (nd); the whole document on one line with
 * a BOM, inline page numbers and "会同…按职责分工落实" (zz).
 */
class OwnDocumentsTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = OwnDocumentsTest.class.getResourceAsStream("/policies/" + name)) {
            return in.readAllBytes();
        }
    }

    static PolicyDocument parse(String name) throws Exception {
        return new PolicyParser().parse(resource(name), name);
    }

    @Test
    void chaptersAsDiYiZhangWithParenMeasuresRestartingPerChapter() throws Exception {
        byte[] bytes = resource("xm-siming-chapters.txt");
        assertThat(new String(bytes, "UTF-8")).contains("\r\n");
        PolicyDocument doc = parse("xm-siming-chapters.txt");

        assertThat(doc.docNumber()).isEqualTo("厦思政办规〔2024〕5号");
        assertThat(doc.issuer()).isEqualTo("厦门市思明区人民政府办公室");
        assertThat(doc.title()).isEqualTo("厦门市思明区人民政府办公室关于印发思明区支持数字经济高质量发展若干措施的通知");
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(doc.effectiveFrom()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(doc.effectiveUntil()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(doc.region()).isEqualTo(new Region("350203", "思明区", "350200", "厦门市"));
        assertThat(doc.level()).isEqualTo(Level.COUNTY);

        assertThat(doc.chapters()).containsExactly(new Chapter(1, "培育市场主体"), new Chapter(2, "强化要素保障"),
                new Chapter(3, "附则"));
        assertThat(doc.measures()).extracting(Measure::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(doc.measures()).extracting(Measure::label).containsExactly("（一）", "（二）", "（一）", "（二）", "（三）");
        assertThat(doc.measures()).extracting(Measure::chapter).containsExactly(1, 1, 2, 2, 2);
        assertThat(doc.measures()).extracting(Measure::title)
                .containsExactly("支持企业升规", "鼓励企业做大", "加强人才支撑", "保障用地空间", "优化金融服务");

        assertThat(m(doc, 1).leadUnits()).containsExactly("区工信局");
        assertThat(m(doc, 1).responsibleUnits()).containsExactly("区财政局", "区统计局");
        assertThat(m(doc, 1).inheritedUnits()).isEmpty();
        assertThat(m(doc, 2).responsibleUnits()).containsExactly("区工信局", "区财政局");
        assertThat(m(doc, 3).responsibleUnits()).containsExactly("区人社局", "区委人才办");
        assertThat(m(doc, 4).leadUnits()).containsExactly("区资源规划局");
        assertThat(m(doc, 5).leadUnits()).containsExactly("区金融办");
        assertThat(m(doc, 5).responsibleUnits()).containsExactly("区财政局");
        doc.measures().stream().skip(1).forEach(x -> assertThat(x.inheritedUnits()).containsExactly("各街道办事处"));
        // the broken line "给予\r\n奖励20万元" is joined
        assertThat(m(doc, 2).text()).contains("给予奖励20万元");
        assertThat(m(doc, 5).text()).doesNotContain("附则", "本措施");

        assertAmount(m(doc, 1), "100000", "元");
        assertTarget(m(doc, 2), "30", "家", ">=", LocalDate.of(2024, 12, 31));
        assertAmount(m(doc, 2), "200000", "元");
        assertTarget(m(doc, 3), "100", "名", ">=", LocalDate.of(2024, 12, 31));
        assertAmount(m(doc, 3), "5000", "元/人");
        assertTarget(m(doc, 4), "50000", "平方米", "=", LocalDate.of(2024, 6, 30));
        assertThat(m(doc, 2).amounts()).noneMatch(a -> a.unit().equals("元") && a.value().signum() > 0
                && a.value().compareTo(new java.math.BigDecimal("100000000")) == 0);
        assertThat(doc.warnings()).isEmpty();
    }

    @Test
    void noChaptersNoDocNumberFullWidthStopsGbk() throws Exception {
        PolicyDocument doc = parse("nd-no-chapters.gbk.txt");

        assertThat(doc.docNumber()).isNull();
        assertThat(doc.warnings()).contains("未找到文号");
        assertThat(doc.title()).isEqualTo("宁德市促进工业企业稳产增效十条措施");
        assertThat(doc.issuer()).isEqualTo("宁德市工业和信息化局");
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2024, 5, 20));
        assertThat(doc.effectiveFrom()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(doc.effectiveUntil()).isEqualTo(LocalDate.of(2025, 5, 31));
        assertThat(doc.region()).isEqualTo(new Region("350900", "宁德市", "350000", "福建省"));
        assertThat(doc.level()).isEqualTo(Level.CITY);

        assertThat(doc.chapters()).isEmpty();
        assertThat(doc.measures()).extracting(Measure::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(doc.measures()).allSatisfy(x -> assertThat(x.chapter()).isNull());
        assertThat(m(doc, 1).title()).isEqualTo("支持企业满负荷生产");
        assertThat(m(doc, 1).responsibleUnits()).containsExactly("市工信局", "市财政局");
        assertThat(m(doc, 2).responsibleUnits()).containsExactly("市发改委", "国网宁德供电公司", "各县（市、区）人民政府");
        assertThat(m(doc, 3).leadUnits()).containsExactly("市工信局");
        assertThat(m(doc, 3).responsibleUnits()).containsExactly("市发改委", "市金融办");
        assertThat(m(doc, 4).responsibleUnits()).containsExactly("市人社局");
        assertThat(m(doc, 5).responsibleUnits()).containsExactly("市工信局", "市直有关部门");
        assertThat(m(doc, 5).text()).doesNotContain("本措施", "宁德市工业和信息化局");

        assertAmount(m(doc, 1), "1", "%");
        assertAmount(m(doc, 1), "500000", "元");
        assertThat(m(doc, 1).amounts()).hasSize(2);
        assertAmount(m(doc, 2), "0.03", "元/千瓦时");
        assertThat(m(doc, 2).amounts()).hasSize(1);
        assertTarget(m(doc, 3), "150", "项", ">=", LocalDate.of(2024, 12, 31));
        assertTarget(m(doc, 3), "8000000000", "元", "=", LocalDate.of(2024, 12, 31));
        assertTarget(m(doc, 4), "5000", "个", ">=", LocalDate.of(2024, 6, 30));
    }

    @Test
    void wholeDocumentOnOneLine() throws Exception {
        byte[] bytes = resource("zz-one-line.txt");
        assertThat(new String(bytes, "UTF-8")).doesNotContain("\n");
        PolicyDocument doc = parse("zz-one-line.txt");

        assertThat(doc.docNumber()).isEqualTo("漳政办〔2024〕12号");
        assertThat(doc.issuer()).isEqualTo("漳州市人民政府办公室");
        assertThat(doc.title()).isEqualTo("漳州市人民政府办公室关于印发漳州市促进消费扩容提质若干措施的通知");
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2024, 4, 8));
        assertThat(doc.effectiveUntil()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(doc.region().code()).isEqualTo("350600");

        assertThat(doc.chapters()).containsExactly(new Chapter(1, "提振大宗消费"), new Chapter(2, "培育消费新场景"));
        assertThat(doc.measures()).extracting(Measure::number).containsExactly(1, 2, 3, 4);
        assertThat(doc.measures()).extracting(Measure::chapter).containsExactly(1, 1, 2, 2);
        assertThat(doc.measures()).extracting(Measure::title)
                .containsExactly("支持汽车消费", "促进家电更新", "打造夜间经济", "发展文旅消费");
        assertThat(m(doc, 1).responsibleUnits()).containsExactly("市商务局", "市财政局");
        assertThat(m(doc, 2).responsibleUnits()).containsExactly("市商务局", "各县（区）人民政府");
        assertThat(m(doc, 3).leadUnits()).containsExactly("市商务局");
        assertThat(m(doc, 3).responsibleUnits()).containsExactly("市文旅局");
        assertThat(m(doc, 3).inheritedUnits()).containsExactly("各县（区）人民政府");
        assertThat(m(doc, 3).text()).doesNotContain("— 3 —");
        assertThat(m(doc, 4).leadUnits()).containsExactly("市文旅局");
        assertThat(m(doc, 4).text()).isEqualTo("发展文旅消费。举办文旅促消费活动不少于50场。（市文旅局牵头）");

        assertAmount(m(doc, 1), "3000", "元/辆");
        assertTarget(m(doc, 2), "10", "%", ">=", LocalDate.of(2024, 6, 30));
        assertTarget(m(doc, 3), "5", "个", "=", LocalDate.of(2024, 12, 31));
        assertTarget(m(doc, 4), "50", "场", ">=", LocalDate.of(2024, 12, 31));
    }
}
