package huiqi.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The three seed documents parse exactly: counts, chapters, unit lists, targets and amounts read off the texts. */
class SeedDocumentsTest {

    /** Asserts measure numbers 1..n and that measure k sits in chapter chapterOf[k-1]. */
    static void assertStructure(PolicyDocument doc, int chapters, int... firstMeasureOfChapter) {
        assertThat(doc.chapters()).extracting(Chapter::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, chapters).boxed().toList());
        int n = doc.measures().size();
        assertThat(doc.measures()).extracting(Measure::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, n).boxed().toList());
        for (Measure m : doc.measures()) {
            int expected = 0;
            for (int c = 0; c < firstMeasureOfChapter.length; c++) {
                if (m.number() >= firstMeasureOfChapter[c]) {
                    expected = c + 1;
                }
            }
            assertThat(m.chapter()).as("chapter of measure %d", m.number()).isEqualTo(expected);
            assertThat(m.allUnits()).as("units of measure %d", m.number()).isNotEmpty();
            assertThat(m.text()).doesNotContain("\n").startsWith(m.title());
        }
    }

    static Measure m(PolicyDocument doc, int number) {
        return doc.measure(number).orElseThrow();
    }

    static void assertTarget(Measure m, String quantity, String unit, String comparator, LocalDate deadline) {
        assertThat(m.targets()).as("targets of measure %d", m.number())
                .anySatisfy(t -> {
                    assertThat(t.quantity()).isEqualByComparingTo(new BigDecimal(quantity));
                    assertThat(t.unit()).isEqualTo(unit);
                    assertThat(t.comparator()).isEqualTo(comparator);
                    assertThat(t.deadline()).isEqualTo(deadline);
                });
    }

    static void assertAmount(Measure m, String value, String unit) {
        assertThat(m.amounts()).as("amounts of measure %d", m.number())
                .anySatisfy(a -> {
                    assertThat(a.value()).isEqualByComparingTo(new BigDecimal(value));
                    assertThat(a.unit()).isEqualTo(unit);
                });
    }

    @Nested
    class Fuzhou {
        final PolicyDocument doc = Seeds.parse("fz-2024-2");

        @Test
        void metadata() {
            assertThat(doc.docNumber()).isEqualTo("榕政办规〔2024〕2号");
            assertThat(doc.issuer()).isEqualTo("福州市人民政府办公厅");
            assertThat(doc.title()).isEqualTo("福州市人民政府办公厅关于印发福州市2024年一季度“开门红”“开门稳”工作方案的通知");
            assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2024, 1, 10));
            assertThat(doc.effectiveFrom()).isEqualTo(LocalDate.of(2024, 1, 10));
            assertThat(doc.effectiveUntil()).isEqualTo(LocalDate.of(2024, 3, 31));
            assertThat(doc.region()).isEqualTo(new Region("350100", "福州市", "350000", "福建省"));
            assertThat(doc.level()).isEqualTo(Level.CITY);
        }

        @Test
        void structure() {
            assertThat(doc.measures()).hasSize(27);
            assertStructure(doc, 8, 1, 6, 11, 15, 19, 21, 24, 27);
            assertThat(doc.chapters().get(0).title()).isEqualTo("增强经营主体内生动力");
            assertThat(doc.chapters().get(7).title()).isEqualTo("守牢安全生产底线");
            assertThat(m(doc, 7).title()).isEqualTo("实施短周期电力直接交易");
            // broken line inside measure 2 is joined
            assertThat(m(doc, 2).text()).contains("建立促进民营经济发展工作协调机制");
            // the closing paragraph after measure 27 is not part of it
            assertThat(m(doc, 27).text()).endsWith("（责任单位：市安委会各成员单位）");
        }

        @Test
        void units() {
            assertThat(m(doc, 7).responsibleUnits()).containsExactly("市工信局", "市财政局", "福州供电公司");
            assertThat(m(doc, 1).responsibleUnits())
                    .containsExactly("市财政局", "市税务局", "各县（市）区人民政府", "高新区管委会");
            assertThat(m(doc, 1).inheritedUnits()).isEmpty();
            List<String> blanket = List.of("各县（市）区人民政府", "高新区管委会");
            doc.measures().stream().skip(1).forEach(x -> assertThat(x.inheritedUnits()).isEqualTo(blanket));
            assertThat(m(doc, 2).responsibleUnits()).containsExactly("市发改委", "市工信局", "市金融监管局");
            assertThat(m(doc, 5).responsibleUnits()).containsExactly("市营商办", "市发改委", "市自然资源和规划局",
                    "市商务局", "市市场监管局（知识产权局）", "市行政服务中心管委会", "市不动产登记和交易中心");
            assertThat(m(doc, 17).leadUnits()).containsExactly("市发改委");
            assertThat(m(doc, 17).responsibleUnits()).isEmpty();
            assertThat(m(doc, 26).leadUnits()).containsExactly("市发改委");
            assertThat(m(doc, 26).responsibleUnits()).containsExactly("市有关部门");
            assertThat(m(doc, 27).responsibleUnits()).containsExactly("市安委会各成员单位");
        }

        @Test
        void targetsAndAmounts() {
            LocalDate q1 = LocalDate.of(2024, 3, 31);
            assertTarget(m(doc, 18), "200", "个", ">=", q1);
            assertTarget(m(doc, 12), "108000", "头", ">=", q1);
            assertTarget(m(doc, 12), "480000", "头", ">=", q1);
            assertTarget(m(doc, 12), "75000", "吨", ">=", q1);
            assertTarget(m(doc, 11), "5000", "亩", "=", q1);
            assertTarget(m(doc, 14), "19", "个", ">=", q1);
            assertTarget(m(doc, 4), "25", "%", ">=", q1);
            assertTarget(m(doc, 4), "1", "%", "<", q1);
            assertAmount(m(doc, 7), "0.02", "元/千瓦时");
            assertAmount(m(doc, 7), "300000", "元");
            assertAmount(m(doc, 6), "50", "%");
            assertAmount(m(doc, 6), "400000", "元");
            // thresholds that decide who qualifies are neither targets nor amounts
            assertThat(m(doc, 7).amounts()).noneMatch(a -> a.value().compareTo(new BigDecimal("500000")) == 0);
            assertThat(m(doc, 7).targets()).isEmpty();
            assertThat(m(doc, 6).amounts()).hasSize(2);
        }
    }

    @Nested
    class Quanzhou {
        final PolicyDocument doc = Seeds.parse("qt-2024-3");

        @Test
        void metadata() {
            assertThat(doc.docNumber()).isEqualTo("泉台管办发明电〔2024〕3号");
            assertThat(doc.issuer()).isEqualTo("泉州台商投资区管理委员会办公室");
            assertThat(doc.title()).startsWith("泉州台商投资区管理委员会办公室关于印发《泉州台商投资区2024年一季度")
                    .endsWith("工作方案》的通知");
            assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2024, 2, 1));
            assertThat(doc.effectiveUntil()).isNull();
            assertThat(doc.region()).isEqualTo(new Region("350500", "泉州台商投资区", "350500", "泉州市"));
            assertThat(doc.level()).isEqualTo(Level.PARK);
            assertThat(doc.warnings()).contains("未写明有效期");
        }

        @Test
        void structure() {
            assertThat(doc.measures()).hasSize(35);
            assertStructure(doc, 8, 1, 8, 16, 21, 23, 26, 30, 35);
            assertThat(doc.chapters().get(2).title()).isEqualTo("快速启动“项目创优年”活动");
            // the unit line standing apart from measure 17 still belongs to it
            assertThat(m(doc, 17).responsibleUnits()).containsExactly("区科技经济发展局", "财政金融与国资局");
        }

        @Test
        void units() {
            assertThat(m(doc, 1).responsibleUnits()).containsExactly("区财政金融与国资局", "区税务局", "各乡镇人民政府");
            assertThat(m(doc, 1).inheritedUnits()).isEmpty();
            doc.measures().stream().skip(1)
                    .forEach(x -> assertThat(x.inheritedUnits()).containsExactly("各乡镇人民政府"));
            assertThat(m(doc, 3).responsibleUnits()).containsExactly("区财政金融与国资局", "惠安人行");
            assertThat(m(doc, 19).responsibleUnits()).containsExactly("区招商投资集团", "党群工作部", "科技经济发展局");
            assertThat(m(doc, 21).responsibleUnits()).containsExactly("区科技经济发展局", "教育文化旅游局", "区开发建设集团");
            assertThat(m(doc, 33).responsibleUnits()).containsExactly("区综合执法与应急管理局", "区燃气公司");
            assertThat(m(doc, 35).responsibleUnits()).containsExactly("区安委会各成员单位");
        }

        @Test
        void targetsAndAmounts() {
            LocalDate q1 = LocalDate.of(2024, 3, 31);
            assertTarget(m(doc, 16), "8", "%", ">=", q1);
            assertTarget(m(doc, 10), "40", "个", ">=", q1);
            assertTarget(m(doc, 10), "200000000", "元", "=", q1);
            assertTarget(m(doc, 18), "290000000", "元", ">=", q1);
            assertTarget(m(doc, 4), "20", "家", ">", q1);
            assertTarget(m(doc, 26), "6700", "亩", "=", null);
            assertAmount(m(doc, 9), "0.2", "元/千瓦时");
            assertAmount(m(doc, 9), "500000", "元");
            assertAmount(m(doc, 31), "1000", "元/人");
            assertAmount(m(doc, 31), "200000", "元");
            assertAmount(m(doc, 33), "0.10", "元/方");
            assertAmount(m(doc, 18), "30000", "元");
            assertThat(m(doc, 9).amounts()).hasSize(3);
        }
    }

    @Nested
    class Gulou {
        final PolicyDocument doc = Seeds.parse("gl-2023-1");

        @Test
        void metadata() {
            assertThat(doc.docNumber()).isEqualTo("鼓政办规〔2023〕1号");
            assertThat(doc.issuer()).isEqualTo("福州市鼓楼区人民政府办公室");
            assertThat(doc.title()).isEqualTo(
                    "福州市鼓楼区人民政府办公室关于印发《鼓楼区贯彻落实巩固拓展经济向好势头的一揽子政策措施的实施意见》的通知");
            assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2023, 4, 11));
            assertThat(doc.effectiveFrom()).isEqualTo(LocalDate.of(2023, 4, 11));
            assertThat(doc.effectiveUntil()).isEqualTo(LocalDate.of(2023, 12, 31));
            assertThat(doc.region()).isEqualTo(new Region("350102", "鼓楼区", "350100", "福州市"));
            assertThat(doc.level()).isEqualTo(Level.COUNTY);
            assertThat(doc.warnings()).isEmpty();
        }

        @Test
        void structure() {
            assertThat(doc.measures()).hasSize(37);
            assertStructure(doc, 7, 1, 3, 11, 19, 26, 29, 34);
            assertThat(doc.chapters().get(6).title()).isEqualTo("着力稳外贸稳外资");
            assertThat(m(doc, 6).title()).isEqualTo("推动金融机构加大对房地产项目（特别是收尾项目）扶持力度，缓解企业资金短缺");
            // page-number debris "- 9 -" between two lines of measure 25 is gone
            assertThat(m(doc, 25).text()).contains("鼓励机关企事业单位将符合规定").doesNotContain("9");
            assertThat(m(doc, 37).text()).endsWith("（牵头单位：区商务局；责任单位：区财政局）");
        }

        @Test
        void units() {
            assertThat(m(doc, 17).leadUnits()).containsExactly("区财政局");
            assertThat(m(doc, 17).responsibleUnits()).isEmpty();
            assertThat(m(doc, 17).inheritedUnits()).containsExactly("各街镇", "福州软件园");
            assertThat(m(doc, 1).leadUnits()).containsExactly("鼓楼税务局");
            assertThat(m(doc, 1).responsibleUnits()).containsExactly("各街镇", "福州软件园");
            assertThat(m(doc, 1).inheritedUnits()).isEmpty();
            assertThat(m(doc, 3).leadUnits()).containsExactly("区金融办");
            assertThat(m(doc, 3).responsibleUnits()).containsExactly("区委组织部", "区商务局", "发改局", "工信局",
                    "建设局", "房管局", "文体旅局", "司法局", "数字办");
            assertThat(m(doc, 15).responsibleUnits()).containsExactly("国网福州供电公司鼓楼供电服务中心");
            assertThat(m(doc, 25).responsibleUnits()).containsExactly("区财政局", "总工会");
            assertThat(m(doc, 31).responsibleUnits()).containsExactly("区建设局", "建投中心");
            assertThat(m(doc, 4).leadUnits()).containsExactly("区金融办");
            assertThat(m(doc, 4).responsibleUnits()).isEmpty();
        }

        @Test
        void targetsAndAmounts() {
            LocalDate yearEnd = LocalDate.of(2023, 12, 31);
            assertTarget(m(doc, 26), "1000", "场", ">", yearEnd);
            assertTarget(m(doc, 22), "100", "家", ">", yearEnd);
            assertTarget(m(doc, 35), "50", "家", "~", yearEnd);
            assertAmount(m(doc, 14), "1000", "元/人");
            assertAmount(m(doc, 17), "50", "%");
            assertAmount(m(doc, 1), "1", "%");
            // "月销售额10万元以下（含本数）的" and "低于1万元（不含）的" describe who qualifies
            assertThat(m(doc, 1).amounts()).noneMatch(a -> a.unit().equals("元"));
            assertThat(m(doc, 16).amounts()).isEmpty();
        }
    }
}
