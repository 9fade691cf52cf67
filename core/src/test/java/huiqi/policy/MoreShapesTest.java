package huiqi.policy;

import static huiqi.policy.SeedDocumentsTest.assertAmount;
import static huiqi.policy.SeedDocumentsTest.assertTarget;
import static huiqi.policy.SeedDocumentsTest.m;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** More document shapes: 第一章 + 第一条 articles; （一） chapters with "1、" measures holding （1）（2） sub-items. */
class MoreShapesTest {

    @Test
    void chaptersWithArticles() throws Exception {
        PolicyDocument doc = OwnDocumentsTest.parse("ly-articles.txt");
        assertThat(doc.docNumber()).isEqualTo("龙政办〔2023〕45号");
        assertThat(doc.issuer()).isEqualTo("龙岩市人民政府办公室");
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2023, 12, 1));
        assertThat(doc.effectiveFrom()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(doc.effectiveUntil()).isEqualTo(LocalDate.of(2028, 12, 31));
        assertThat(doc.region().code()).isEqualTo("350800");
        assertThat(doc.chapters()).containsExactly(new Chapter(1, "总则"), new Chapter(2, "支持方式"), new Chapter(3, "附则"));
        assertThat(doc.measures()).extracting(Measure::label)
                .containsExactly("第一条", "第二条", "第三条", "第四条", "第五条", "第六条");
        assertThat(doc.measures()).extracting(Measure::chapter).containsExactly(1, 1, 2, 2, 3, 3);
        assertThat(m(doc, 3).leadUnits()).containsExactly("市工信局");
        assertThat(m(doc, 3).responsibleUnits()).containsExactly("市财政局");
        assertAmount(m(doc, 3), "8", "%");
        assertAmount(m(doc, 3), "2000000", "元");
        assertThat(m(doc, 3).amounts()).hasSize(2);
        assertTarget(m(doc, 4), "100", "个", ">=", LocalDate.of(2028, 12, 31));
        assertThat(doc.warnings()).contains("第1条措施未写明责任单位", "第5条措施未写明责任单位", "第6条措施未写明责任单位");
    }

    @Test
    void parenChaptersWithSubItemsInsideMeasures() throws Exception {
        PolicyDocument doc = OwnDocumentsTest.parse("pt-paren-chapters.txt");
        assertThat(doc.docNumber()).isEqualTo("涵政综〔2024〕8号");
        assertThat(doc.issuer()).isEqualTo("莆田市涵江区人民政府");
        assertThat(doc.title()).isEqualTo("莆田市涵江区人民政府关于促进民营经济发展的若干意见");
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2024, 6, 18));
        assertThat(doc.region()).isEqualTo(new Region("350303", "涵江区", "350300", "莆田市"));
        assertThat(doc.chapters()).containsExactly(new Chapter(1, "强化金融支持"), new Chapter(2, "优化发展环境"));
        assertThat(doc.measures()).extracting(Measure::title)
                .containsExactly("扩大信贷投放", "降低融资成本", "减少审批事项", "加强要素保障");
        assertThat(doc.measures()).extracting(Measure::chapter).containsExactly(1, 1, 2, 2);
        assertThat(m(doc, 1).text()).contains("（1）对首贷企业给予贴息补助；（2）");
        assertThat(m(doc, 1).responsibleUnits()).containsExactly("区金融办", "区财政局");
        assertThat(m(doc, 4).responsibleUnits()).containsExactly("区自然资源局", "区人社局", "区发改局");
        assertTarget(m(doc, 1), "1000000000", "元", "=", LocalDate.of(2024, 12, 31));
        assertAmount(m(doc, 2), "50", "%");
        assertTarget(m(doc, 3), "30", "%", ">=", LocalDate.of(2024, 12, 31));
        assertThat(m(doc, 4).text()).doesNotContain("莆田市涵江区人民政府");
    }

    @org.junit.jupiter.api.Test
    void blanketClauseInThePreambleAndUnitsRightAfterTheTitle() {
        PolicyDocument doc = new PolicyParser().parse(String.join("\n",
                "南平市人民政府关于进一步支持文旅产业发展的通知",
                "为推动文旅产业发展，制定以下措施。以下措施均需各县（市、区）人民政府落实，不再一一列出。",
                "1. 支持景区提升。（牵头单位：市文旅局；责任单位：市财政局）对新评定的国家4A级旅游景区给予奖励50万元。",
                "2. 培育旅游品牌。力争全年新增省级旅游休闲街区2个以上。（责任单位：市文旅局）",
                "南平市人民政府",
                "2024年7月1日"));
        assertThat(doc.measures()).hasSize(2);
        assertThat(m(doc, 1).leadUnits()).containsExactly("市文旅局");
        assertThat(m(doc, 1).responsibleUnits()).containsExactly("市财政局");
        assertThat(m(doc, 1).inheritedUnits()).containsExactly("各县（市、区）人民政府");
        assertThat(m(doc, 2).inheritedUnits()).containsExactly("各县（市、区）人民政府");
        assertThat(m(doc, 1).title()).isEqualTo("支持景区提升");
        assertAmount(m(doc, 1), "500000", "元");
        assertTarget(m(doc, 2), "2", "个", ">=", LocalDate.of(2024, 12, 31));
        assertThat(doc.region().code()).isEqualTo("350700");
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2024, 7, 1));
    }

    @Test
    void aChapterWithoutNumberedItemsIsOneMeasureAndAnItemMayStartWithAYear() {
        PolicyDocument doc = new PolicyParser().parse(String.join("\n",
                "三明市人民政府办公室关于支持工业企业稳产增产的通知",
                "明政办〔2023〕12号",
                "各县（市、区）人民政府：",
                "为支持工业企业稳产增产，现提出以下措施。",
                "一、总体要求",
                "坚持稳中求进，推动工业经济平稳增长。",
                "二、支持企业扩大生产",
                "1.对2023年产值增长20%以上的企业给予一次性奖励10万元。（责任单位：市工信局、市财政局）",
                "2.2023年度新增规上工业企业，给予一次性奖励5万元。（责任单位：市工信局）",
                "3.对技术改造投资500万元以上的项目，按设备投资额的10%给予补助，最高不超过100万元。（责任单位：市工信局）",
                "三、强化要素保障",
                "对企业用电给予补贴，每千瓦时补贴0.05元。（责任单位：市发改委）",
                "四、优化服务",
                "1.建立挂钩服务机制。（责任单位：市工信局）",
                "2.开展政策宣讲。（责任单位：市工信局）",
                "本通知自印发之日起施行，有效期至2024年12月31日。",
                "三明市人民政府办公室",
                "2023年3月1日"));
        assertThat(doc.chapters()).extracting(Chapter::title).containsExactly("总体要求", "支持企业扩大生产", "强化要素保障", "优化服务");
        assertThat(doc.measures()).extracting(Measure::label)
                .containsExactly("1.", "2.", "3.", "三、强化要素保障", "1.", "2.");
        assertThat(doc.measures()).extracting(Measure::chapter).containsExactly(2, 2, 2, 3, 4, 4);
        // "2.2023年度…" numbers an item; before, it and item 3 were glued into item 1
        assertThat(m(doc, 1).text()).doesNotContain("2023年度新增");
        assertThat(m(doc, 2).text()).startsWith("2023年度新增规上工业企业");
        assertAmount(m(doc, 2), "50000", "元");
        assertAmount(m(doc, 3), "1000000", "元");
        // the paragraph under 三、 grants money: it was dropped because its chapter has no numbered item
        assertThat(m(doc, 4).text()).startsWith("对企业用电给予补贴");
        assertThat(m(doc, 4).responsibleUnits()).containsExactly("市发改委");
        assertAmount(m(doc, 4), "0.05", "元/千瓦时");
    }
}
