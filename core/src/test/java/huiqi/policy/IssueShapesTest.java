package huiqi.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shapes reported in issue #20 from documents the parser had never seen, each in a minimal text. */
class IssueShapesTest {
    final PolicyParser parser = new PolicyParser();

    static String doc(String... lines) {
        return String.join("\n", lines);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "二〇二三年三月五日|2023-03-05",
            "2023年3月5日|2023-03-05",
            "2023.3.5|2023-03-05",
            "2023-03-05|2023-03-05",
            "（2023年3月5日）|2023-03-05",
            "（2023年3月5日印发）|2023-03-05",
    })
    void issueDateInEveryWrittenFormUnderTheTitle(String written, String expected) {
        PolicyDocument d = parser.parse(doc("某某市促进消费若干措施", written,
                "1. 发放消费券。（责任单位：市商务局）"));
        assertThat(d.issuedOn()).isEqualTo(LocalDate.parse(expected));
    }

    @Test
    void oneLineTextWithTheDateMidLineAfterTheAddressees() {
        PolicyDocument d = parser.parse("吉安市人民政府办公室关于印发吉安市促进消费若干措施的通知 吉府办字〔2023〕12号 "
                + "各县（市、区）人民政府，市直各单位： 现将《吉安市促进消费若干措施》印发给你们，请认真贯彻执行。 "
                + "吉安市人民政府办公室 2023年3月5日 （此件主动公开） 吉安市促进消费若干措施 "
                + "1. 发放消费券，对活动给予补贴。（责任单位：市商务局） 2. 支持汽车消费。（责任单位：市商务局、市财政局）");
        assertThat(d.docNumber()).isEqualTo("吉府办字〔2023〕12号");
        assertThat(d.issuedOn()).isEqualTo(LocalDate.of(2023, 3, 5));
        assertThat(d.region().code()).isEqualTo("360800");
        assertThat(d.measures()).hasSize(2);
    }

    @Test
    void oneLineTextWithTheDateAtTheVeryEnd() {
        PolicyDocument d = parser.parse("赣州市促进消费若干措施 1. 发放消费券。（责任单位：市商务局） "
                + "2. 支持汽车消费。（责任单位：市财政局） 赣州市人民政府 2024年5月6日");
        assertThat(d.issuedOn()).isEqualTo(LocalDate.of(2024, 5, 6));
        assertThat(d.region().code()).isEqualTo("360700");
    }

    @Test
    void docNumberAloneInParenthesesOrAfterARepeatedTitleOrANoBreakSpace() {
        assertThat(parser.parse(doc("江西省人民政府关于印发若干措施的通知", "（赣府发〔2022〕3号）",
                "各设区市人民政府：根据《国务院关于……的通知》（国发〔2021〕7号），现印发。",
                "1. 支持企业。（责任单位：省工信厅）")).docNumber()).isEqualTo("赣府发〔2022〕3号");
        assertThat(parser.parse(doc("江西省人民政府关于印发若干措施的通知江西省人民政府关于印发若干措施的通知赣府发〔2022〕3号",
                "1. 支持企业。（责任单位：省工信厅）")).docNumber()).isEqualTo("赣府发〔2022〕3号");
        assertThat(parser.parse(doc("江西省人民政府关于印发若干措施的通知", "赣府发\u00A0〔2022〕3号",
                "1. 支持企业。（责任单位：省工信厅）")).docNumber()).isEqualTo("赣府发〔2022〕3号");
    }

    @Test
    void numbersOfCitedDocumentsAreNeverTheDocumentsOwn() {
        PolicyDocument d = parser.parse(doc("某某市促进消费若干措施",
                "根据闽政〔2022〕9号文件精神，结合实际，制定如下措施。",
                "1. 支持企业，落实《福建省若干措施》（闽政〔2022〕9号）。（责任单位：市工信局）",
                "闽政办〔2021〕5号规定的政策继续执行。"));
        assertThat(d.docNumber()).isNull();
    }

    @Test
    void validityEndingWithAnEventIsOpenEndedWithTheEventNamed() {
        PolicyDocument d = parser.parse(doc("福建省人民政府办公厅关于支持企业应对疫情的若干措施", "闽政办〔2020〕5号",
                "1. 减免租金。（责任单位：省国资委）",
                "本措施自印发之日起施行，有效期至省重大突发公共卫生事件一级响应结束。",
                "福建省人民政府办公厅", "2020年2月7日"));
        assertThat(d.effectiveUntil()).isNull();
        assertThat(d.effectiveUntilEvent()).isEqualTo("省重大突发公共卫生事件一级响应结束");
        assertThat(d.warnings()).contains("有效期至“省重大突发公共卫生事件一级响应结束”，没有固定截止日期");
    }

    @Test
    void aClosingAppendixChapterIsNotPartOfTheLastMeasure() {
        PolicyDocument d = parser.parse("某某县促进消费若干措施 一、发放消费券。（责任单位：县商务局） "
                + "二、支持汽车消费。（责任单位：县财政局） 三、附则 本措施自2023年1月1日起施行，有效期至2023年12月31日。"
                + "本措施由县商务局负责解释。");
        assertThat(d.measures()).hasSize(2);
        assertThat(d.measure(2).orElseThrow().text()).doesNotContain("附则").doesNotContain("施行");
        assertThat(d.effectiveFrom()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(d.effectiveUntil()).isEqualTo(LocalDate.of(2023, 12, 31));
    }

    @Test
    void unitDirectivesAreDirectivesNotUnits() {
        PolicyDocument d = parser.parse(doc("某某市促进民营经济发展若干措施",
                "1. 落实税费优惠。（市税务局、市财政局，列首位的为牵头单位，下同。以下均需各县（市、区）政府落实，不再单独列出）",
                "2. 加强产业基金支持。（市财政局、市金融办）",
                "3. 加强融资支持。（对接部门：人行南昌中心支行、省金融监管局、莱芜银保监分局）"));
        Measure m1 = d.measure(1).orElseThrow();
        assertThat(m1.leadUnits()).containsExactly("市税务局");
        assertThat(m1.responsibleUnits()).containsExactly("市财政局");
        assertThat(m1.allUnits()).noneMatch(u -> u.contains("列首位") || u.contains("下同") || u.contains("不再"));
        Measure m2 = d.measure(2).orElseThrow();
        assertThat(m2.leadUnits()).containsExactly("市财政局");
        assertThat(m2.responsibleUnits()).containsExactly("市金融办");
        assertThat(m2.inheritedUnits()).containsExactly("各县（市、区）政府");
        assertThat(d.measure(3).orElseThrow().allUnits())
                .contains("人行南昌中心支行", "省金融监管局", "莱芜银保监分局");
    }

    @Test
    void leadThenOthersInlineAndSemicolonsInOneBracketAndADroppedPrefix() {
        PolicyDocument d = parser.parse(doc("某某市稳经济若干措施",
                "1. 扩大有效投资。（市发展改革委牵头，工业和信息化局、市财政局配合）",
                "2. 稳定就业。（牵头单位：市人社局；责任单位：市财政局、市税务局）",
                "3. 优化服务。（市发展改革委、工业和信息化局按职责分工负责）"));
        Measure m1 = d.measure(1).orElseThrow();
        assertThat(m1.leadUnits()).containsExactly("市发展改革委");
        assertThat(m1.responsibleUnits()).containsExactly("工业和信息化局", "市财政局");
        assertThat(m1.qualifiedUnits()).containsExactly("市发展改革委", "市工业和信息化局", "市财政局");
        Measure m2 = d.measure(2).orElseThrow();
        assertThat(m2.leadUnits()).containsExactly("市人社局");
        assertThat(m2.responsibleUnits()).containsExactly("市财政局", "市税务局");
        assertThat(d.measure(3).orElseThrow().qualifiedUnits()).containsExactly("市发展改革委", "市工业和信息化局");
    }

    @Test
    void fromToKeepsTheNewValueAndPhonesAreNotAmounts() {
        PolicyDocument d = parser.parse(doc("某某市支持企业若干措施",
                "1. 提高补贴比例。贷款贴息补贴比例由50%提高到60%，单户最高补贴30万元。（责任单位：市财政局）",
                "2. 加强服务。对申报企业给予辅导补贴，咨询电话：0791-88912345。（责任单位：市工信局）"));
        Measure m1 = d.measure(1).orElseThrow();
        assertThat(m1.amounts()).extracting(Amount::value).usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .contains(new BigDecimal("60"), new BigDecimal("300000")).doesNotContain(new BigDecimal("50"));
        assertThat(m1.amounts()).filteredOn(a -> a.unit().equals("%")).first()
                .satisfies(a -> assertThat(a.text()).contains("由50%提高到60%"));
        assertThat(d.measure(2).orElseThrow().amounts()).isEmpty();
    }

    @Test
    void unitsInTheChapterHeadingGoToItsMeasures() {
        PolicyDocument d = parser.parse(doc("某某县推动经济高质量发展若干政策",
                "一、扩大有效投资（由县发改局牵头实施）",
                "1. 加大财政支持力度。县财政统筹安排资金。",
                "2. 加强资金要素争取。",
                "二、强化科技创新（县科技局牵头）",
                "3. 支持研发投入。"));
        assertThat(d.chapters()).extracting(Chapter::title).containsExactly("扩大有效投资", "强化科技创新");
        assertThat(d.measure(2).orElseThrow().inheritedUnits()).containsExactly("县发改局");
        assertThat(d.measure(3).orElseThrow().inheritedUnits()).containsExactly("县科技局");
    }

    @Test
    void theNoticesOwnPoliciesAndEachAttachmentKeepTheirMeasures() {
        PolicyDocument d = parser.parse(doc(
                "上饶市人民政府关于进一步支持中小企业发展的通知",
                "饶府发〔2023〕8号",
                "各县（市、区）人民政府，市政府各部门：",
                "为支持中小企业发展，现就有关事项通知如下：",
                "一、加大财政支持。对新升规的中小企业给予一次性奖励10万元。（责任单位：市工信局、市财政局）",
                "二、强化融资服务。对首贷企业给予贴息补助。（责任单位：市金融办、人行上饶市中心支行）",
                "附件：1．上饶市中小企业服务行动计划",
                "2．上饶市惠企政策清单",
                "上饶市人民政府",
                "2023年6月1日",
                "附件1",
                "上饶市中小企业服务行动计划",
                "为落实通知要求，制定本行动计划。",
                "1. 开展走访服务。每年走访企业1000家以上，帮助解决实际困难和问题。（责任单位：市工信局）",
                "2. 开展培训服务。每年组织企业家培训20场以上，提升经营管理水平。（责任单位：市人社局）",
                "3. 开展融资对接。每季度组织银企对接活动不少于2场，满足企业融资需求。（责任单位：市金融办）",
                "附件2",
                "上饶市惠企政策清单",
                "为方便企业查询，将现行惠企政策整理如下，由市营商办汇总更新，各部门按职责解读和兑现：",
                "1. 新升规奖励。对新升规的中小企业给予一次性奖励。（责任单位：市工信局）",
                "2. 首贷贴息。对首次获得贷款的企业给予贴息。（责任单位：市金融办）"));
        assertThat(d.docNumber()).isEqualTo("饶府发〔2023〕8号");
        assertThat(d.issuedOn()).isEqualTo(LocalDate.of(2023, 6, 1));
        assertThat(d.attachments()).containsExactly(new Attachment(1, "上饶市中小企业服务行动计划"),
                new Attachment(2, "上饶市惠企政策清单"));
        assertThat(d.measures()).extracting(Measure::attachment).containsExactly(null, null, 1, 1, 1, 2, 2);
        assertThat(d.measures()).extracting(Measure::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(d.measure(1).orElseThrow().title()).isEqualTo("加大财政支持");
        assertThat(d.measure(2).orElseThrow().responsibleUnits()).containsExactly("市金融办", "人行上饶市中心支行");
        assertThat(d.measure(2).orElseThrow().text()).doesNotContain("附件");
        assertThat(d.measure(5).orElseThrow().responsibleUnits()).containsExactly("市金融办");
        assertThat(d.measure(5).orElseThrow().text()).doesNotContain("附件2");
    }

    @Test
    void chapterHeadingsWithoutNumbersAreSeenByLayout() {
        PolicyDocument d = parser.parse(doc(
                "某某县促进工业稳增长若干措施",
                "为促进工业稳增长，制定如下措施。",
                "支持企业扩产",
                "1. 对产值增长20%以上的企业给予奖励。（责任单位：县工信局）",
                "2. 支持企业技术改造。（责任单位：县工信局、县财政局）",
                "强化要素保障",
                "3. 保障企业用地需求。（责任单位：县自然资源局）",
                "4. 保障企业用工需求。（责任单位：县人社局）"));
        assertThat(d.chapters()).containsExactly(new Chapter(1, "支持企业扩产"), new Chapter(2, "强化要素保障"));
        assertThat(d.measures()).extracting(Measure::chapter).containsExactly(1, 1, 2, 2);
        assertThat(d.measure(2).orElseThrow().text()).doesNotContain("强化要素保障");
    }

    @Test
    void bracketedHeadingLinesAndFullWidthDots() {
        PolicyDocument d = parser.parse(doc(
                "某某市稳外贸若干措施",
                "为稳定外贸，制定如下措施。",
                "【稳定外贸主体】",
                "1．支持企业参展。（责任单位：市商务局）",
                "2．支持出口信用保险。（责任单位：市商务局、市财政局）",
                "【降低物流成本】",
                "3．补贴海运费用。（责任单位：市交通运输局）",
                "4．补贴空运费用。（责任单位：市交通运输局）"));
        assertThat(d.chapters()).containsExactly(new Chapter(1, "稳定外贸主体"), new Chapter(2, "降低物流成本"));
        assertThat(d.measures()).extracting(Measure::label).containsExactly("1．", "2．", "3．", "4．");
        assertThat(d.measures()).extracting(Measure::chapter).containsExactly(1, 1, 2, 2);
        assertThat(d.measure(2).orElseThrow().responsibleUnits()).containsExactly("市商务局", "市财政局");
    }

    @Test
    void anAppendixChapterAfterChaptersOfMeasuresCountsAndCloses() {
        PolicyDocument d = parser.parse(doc(
                "某某市支持制造业发展若干措施",
                "一、支持企业扩产",
                "1. 对产值增长20%以上的企业给予奖励。（责任单位：市工信局）",
                "二、强化要素保障",
                "2. 保障企业用地需求。（责任单位：市自然资源局）",
                "三、附则",
                "本措施自2024年1月1日起施行，有效期至2025年12月31日。本措施由市工信局负责解释。"));
        assertThat(d.chapters()).extracting(Chapter::title).containsExactly("支持企业扩产", "强化要素保障", "附则");
        assertThat(d.measures()).hasSize(2);
        assertThat(d.measure(2).orElseThrow().text()).doesNotContain("附则");
        assertThat(d.effectiveFrom()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(d.effectiveUntil()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void anAppendixNumberedLikeTheMeasuresOnItsOwnLines() {
        PolicyDocument d = parser.parse(doc(
                "某某县促进消费若干措施",
                "一、发放消费券。对参与活动的商户给予补贴。（责任单位：县商务局）",
                "二、支持汽车消费。（责任单位：县财政局）",
                "三、附则",
                "本措施自2023年1月1日起施行，有效期至2023年12月31日。"));
        assertThat(d.measures()).hasSize(2);
        assertThat(d.effectiveUntil()).isEqualTo(LocalDate.of(2023, 12, 31));
    }

    @Test
    void anEventEndAfterACommaIsStillTheValidity() {
        PolicyDocument d = parser.parse(doc("某某市支持企业应对疫情若干措施",
                "1. 减免租金。（责任单位：市国资委）",
                "本措施自印发之日起实施，至疫情防控应急响应解除。",
                "某某市人民政府", "2020年2月10日"));
        assertThat(d.effectiveUntilEvent()).isEqualTo("疫情防控应急响应解除");
        assertThat(d.effectiveFrom()).isEqualTo(LocalDate.of(2020, 2, 10));
    }
}
