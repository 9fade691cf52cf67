package huiqi.rules.draft;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.policy.PolicyDocument;
import huiqi.policy.PolicyParser;
import huiqi.rules.file.RuleLibrary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wording rules the drafter applies, one shape at a time, on small texts written for the test. */
class DrafterShapesTest {
    private static final RuleDrafter DRAFTER = new RuleDrafter(RuleLibrary.catalog());

    private static MeasureDraft draftOf(String measures) {
        PolicyDocument doc = new PolicyParser().parse("""
                测试区人民政府办公室关于印发稳增长若干措施的通知
                测政办〔2024〕1号
                """ + measures + """

                本措施自2024年1月1日起施行，有效期至2024年12月31日。
                测试区人民政府办公室
                2024年1月1日
                """);
        return DRAFTER.draft(doc, "t-2024-1").measures().get(0);
    }

    private static List<String> conditions(MeasureDraft d) {
        return d.rules().get(0).conditions().stream().map(DraftCondition::expr).toList();
    }

    @Test
    void comparatorsFollowTheWording() {
        assertThat(Wording.comparator("达", "(含)", "以上")).hasValue(">=");
        assertThat(Wording.comparator(null, null, "以上")).hasValue(">=");
        assertThat(Wording.comparator("超过", null, null)).hasValue(">");
        assertThat(Wording.comparator("超过", "(含50人)", null)).hasValue(">=");
        assertThat(Wording.comparator("低于", "(不含)", null)).hasValue("<");
        assertThat(Wording.comparator(null, "(含本数)", "以下")).hasValue("<=");
        assertThat(Wording.comparator(null, "(不含)", "以上")).hasValue(">");
        assertThat(Wording.comparator("不低于", null, null)).hasValue(">=");
        assertThat(Wording.comparator(null, null, null)).isEmpty();
    }

    @Test
    void periodsAreReadAsTheRuleLanguageWritesThem() {
        assertThat(PeriodPhrase.all("春节期间(2024年2月1日至2月29日)用电量", 2024)).extracting(PeriodPhrase::literal)
                .containsExactly("2024-02");
        assertThat(PeriodPhrase.all("对一季度工业用电", 2024)).extracting(PeriodPhrase::literal).containsExactly("2024-Q1");
        assertThat(PeriodPhrase.all("对1-2月工业用电", 2024)).extracting(PeriodPhrase::literal)
                .containsExactly("2024-01..2024-02");
        assertThat(PeriodPhrase.all("2023年全年", 2024)).extracting(PeriodPhrase::literal).containsExactly("2023");
        assertThat(PeriodPhrase.all("2024年2月10日至2月17日", 2024)).extracting(PeriodPhrase::literal)
                .containsExactly("2024-02-10..2024-02-17");
    }

    @Test
    void aPerUnitRewardWithThresholdAndCapBecomesARule() {
        MeasureDraft d = draftOf("1.春节期间（2024年2月1日至2月29日）用电量达50万千瓦时（含）以上的规上工业企业，按实际用电量给予0.02元/千瓦时的用电奖励，单家企业奖励最高不超过30万元，免申即享。（责任单位：区财政局）");
        assertThat(d.category()).isEqualTo(Category.COMPUTABLE);
        DraftRule r = d.rules().get(0);
        assertThat(conditions(d)).containsExactlyInAnyOrder("above_scale_industrial",
                "electricity_kwh[2024-02] >= threshold");
        assertThat(r.parameters()).extracting(DraftParameter::literal).containsExactly("50万千瓦时", "0.02元/千瓦时", "30万元");
        assertThat(r.parameters()).allSatisfy(p -> assertThat(d.measureText()).contains(p.quote()));
        assertThat(r.amount()).isEqualTo("electricity_kwh[2024-02] * rate");
        assertThat(r.cap()).isEqualTo("cap");
        assertThat(r.delivery()).isEqualTo("免申即享");
        assertThat(r.payerLevel()).isEqualTo("区级");
        assertThat(r.payerDepartment()).isEqualTo("区财政局");
    }

    @Test
    void belowAndExclusiveWordingGiveStrictComparators() {
        MeasureDraft d = draftOf("1.对2024年营业收入低于500万元（不含）的制造业企业，给予一次性奖励2万元。（责任单位：区财政局）");
        assertThat(conditions(d)).contains("revenue[2024] < threshold");
    }

    @Test
    void whatCannotBeMappedIsAskedNotGuessed() {
        MeasureDraft d = draftOf("1.对符合条件的企业，按每人1000元给予一次性补贴。");
        assertThat(d.category()).isEqualTo(Category.COMPUTABLE);
        assertThat(d.rules().get(0).amount()).isNull();
        assertThat(d.questions()).extracting(OpenQuestion::topic)
                .contains(OpenQuestion.Topic.SUBJECT, OpenQuestion.Topic.AMOUNT, OpenQuestion.Topic.PAYER,
                        OpenQuestion.Topic.DELIVERY);
        assertThat(d.questions()).filteredOn(q -> q.topic() == OpenQuestion.Topic.SUBJECT)
                .allSatisfy(q -> assertThat(q.quote()).contains("符合条件"));
    }

    @Test
    void aThresholdWithoutPeriodIsAQuestion() {
        MeasureDraft d = draftOf("1.对用电量达100万千瓦时以上的规上工业企业，给予一次性奖励5万元。（责任单位：区财政局）");
        assertThat(conditions(d)).containsExactly("above_scale_industrial");
        assertThat(d.questions()).extracting(OpenQuestion::topic).contains(OpenQuestion.Topic.PERIOD);
        assertThat(d.rules().get(0).parameters()).extracting(DraftParameter::literal).contains("100万千瓦时", "5万元");
    }

    @Test
    void aTargetWithoutMoneyGoesToSupervision() {
        MeasureDraft d = draftOf("1.一季度力争新签约亿元以上项目20个以上。（责任单位：区商务局）");
        assertThat(d.category()).isEqualTo(Category.TARGET);
        assertThat(d.rules()).isEmpty();
    }
}
