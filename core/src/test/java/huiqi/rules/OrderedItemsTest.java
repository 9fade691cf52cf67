package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.AttributeType;
import huiqi.facts.Facts;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Item;
import huiqi.facts.ItemKind;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ordered item loops and running sums (#17): “新增量贷款以最后一笔(或几笔)金额确认并按对应的利息进行资助”. */
class OrderedItemsTest {
    static final ItemKind LOANS = new ItemKind("loans", "贷款", "贷款编号", "贷款银行", List.of(
            new ItemKind.Field("start", "起息日", AttributeType.DATE, null),
            new ItemKind.Field("amount", "贷款金额", AttributeType.NUMBER, "元"),
            new ItemKind.Field("interest_paid", "申报年度实际支付利息", AttributeType.NUMBER, "元")));
    static final IndicatorCatalog CATALOG = new IndicatorCatalog(RuleFixture.CATALOG.indicators(),
            RuleFixture.CATALOG.attributes(), Map.of(), List.of(LOANS));

    @TempDir
    Path tmp;

    /** The newest loans until they cover the increase (150万元), the oldest of them pro rata. */
    static final String NEWEST = """
                parameters:
                  increase: { values: { 2020-02-01: 150万元 }, label: 新增量贷款 }
                amount: "sum(for l in loans order by l.start desc return if sum_before(l.amount) >= increase then 0元 else if sum_before(l.amount) + l.amount <= increase then l.interest_paid else (increase - sum_before(l.amount)) / l.amount * l.interest_paid)"
            """;

    private RuleResult eval(String body, Facts facts) throws Exception {
        RuleFile f = new RuleFileLoader(CATALOG).load(RuleFixture.write(tmp, RuleFixture.rule1(body)));
        return new Evaluator(CATALOG).evaluateFile(f, new EnterpriseRecord(new Enterprise("X", "企业", "350102", "C3311", "中型",
                Map.of()), facts), LocalDate.of(2020, 6, 1), Overrides.NONE).get("test-1/1");
    }

    static Item loan(String id, String start, String amount, String interest) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (start != null) {
            f.put("start", LocalDate.parse(start));
        }
        if (amount != null) {
            f.put("amount", new BigDecimal(amount));
        }
        if (interest != null) {
            f.put("interest_paid", new BigDecimal(interest));
        }
        return new Item("loans", id, f);
    }

    private static Facts three(String oldInterest, String midAmount) {
        return Facts.empty()
                .add(loan("L1", "2020-03-01", midAmount, "30000"))
                .add(loan("L3", "2020-01-01", "2000000", oldInterest))
                .add(loan("L2", "2020-04-01", "1000000", "40000"));
    }

    @Test
    void theNewestLoansCoverTheIncreaseTheOldestOfThemInPart() throws Exception {
        RuleResult r = eval(NEWEST, three("90000", "1000000"));
        // L2 (newest) whole: 40,000; L1 half of its amount is still needed: 30,000 × 50万 ÷ 100万 = 15,000; L3 not needed
        assertThat(r.amount()).isEqualByComparingTo("55000");
        String trace = String.join("\n", r.explanation());
        assertThat(trace).contains("按起息日从晚到早逐项计算，相同时按编号：");
        assertThat(trace.indexOf("第1项 贷款 L2：")).isLessThan(trace.indexOf("第2项 贷款 L1："));
        assertThat(trace.indexOf("第2项 贷款 L1：")).isLessThan(trace.indexOf("第3项 贷款 L3："));
        assertThat(r.explanation()).anyMatch(l -> l.contains("第2项 贷款 L1：") && l.contains("排在前面各项的贷款金额之和 1,000,000.00元")
                && l.endsWith("= 15,000.00元"));
        // only the branch each loan took, with the condition that chose it
        assertThat(r.explanation()).anyMatch(l -> l.contains("第3项 贷款 L3：满足 排在前面各项的贷款金额之和 2,000,000.00元 ≥ 新增量贷款 1,500,000.00元")
                && !l.contains("申报年度实际支付利息") && l.endsWith("= 0.00元"));
        assertThat(r.explanation()).anyMatch(l -> l.contains("第1项 贷款 L2：不满足") && l.contains("：申报年度实际支付利息 40,000.00元 = 40,000.00元"));
    }

    @Test
    void loansOfTheSameDayAreTakenByTheirNumberInTheSameDirection() throws Exception {
        Facts facts = Facts.empty()
                .add(loan("L1", "2020-04-01", "1000000", "10000"))
                .add(loan("L2", "2020-04-01", "1000000", "20000"));
        // descending: L2 before L1, so L2 whole (20,000) and L1 half (5,000)
        assertThat(eval(NEWEST, facts).amount()).isEqualByComparingTo("25000");
        // ascending: L1 whole (10,000) and L2 half (10,000)
        assertThat(eval(NEWEST.replace("l.start desc", "l.start asc"), facts).amount()).isEqualByComparingTo("20000");
    }

    @Test
    void anIncreaseExactlyCoveredStopsAtThatLoanAndANegativeOneTakesNothing() throws Exception {
        assertThat(eval(NEWEST.replace("150万元", "100万元"), three("90000", "1000000")).amount()).isEqualByComparingTo("40000");
        assertThat(eval(NEWEST.replace("150万元", "200万元"), three("90000", "1000000")).amount()).isEqualByComparingTo("70000");
        assertThat(eval(NEWEST.replace("150万元", "0元"), three("90000", "1000000")).amount()).isEqualByComparingTo("0");
        assertThat(eval(NEWEST.replace("150万元", "-10万元"), three("90000", "1000000")).amount()).isEqualByComparingTo("0");
    }

    @Test
    void aMissingFieldLeavesThatLoanAndEveryLaterOneUndeterminable() throws Exception {
        // the oldest loan's interest is never read: the increase is covered before it
        assertThat(eval(NEWEST, three(null, "1000000")).amount()).isEqualByComparingTo("55000");
        // the middle loan's amount is missing: it and the oldest cannot be placed against the increase
        RuleResult r = eval(NEWEST, three("90000", null));
        assertThat(r.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(r.missing()).containsExactly("loans[L1].amount");
        assertThat(r.explanation()).anyMatch(l -> l.contains("第3项 贷款 L3：无法计算") && l.contains("排在前面的贷款 L1的贷款金额未知"));
        // a missing date: the order is unknown
        Facts noDate = Facts.empty().add(loan("L1", null, "1000000", "1")).add(loan("L2", "2020-04-01", "1000000", "1"));
        RuleResult d = eval(NEWEST, noDate);
        assertThat(d.missing()).containsExactly("loans[L1].start");
        assertThat(d.explanation()).anyMatch(l -> l.contains("贷款 L1：无法排序"));
    }

    @Test
    void eachTermOfTheRunningSumIsSettledToTheFen() throws Exception {
        String thirds = """
                    amount: "sum(for l in loans order by l.start return sum_before(l.amount / 3))"
                """;
        Facts facts = Facts.empty().add(loan("L1", "2020-01-01", "1", "0")).add(loan("L2", "2020-02-01", "1", "0"))
                .add(loan("L3", "2020-03-01", "1", "0"));
        // before L2: 0.33; before L3: 0.33 + 0.33 = 0.66 (not 0.67)
        assertThat(eval(thirds, facts).amount()).isEqualByComparingTo("0.99");
    }

    @Test
    void sumBeforeOutsideTheBodyOfAnOrderedLoopIsALoadErrorWithItsPosition() {
        assertThatThrownBy(() -> eval("    amount: \"sum_before(100元)\"\n", Facts.empty()))
                .hasMessageContaining("sum_before() 只能用在有 order by 的清单循环的 return 之后").hasMessageMatching("(?s).*rules\\.yaml:\\d+:14\\b.*");
        assertThatThrownBy(() -> eval("    amount: \"sum(for l in loans return sum_before(l.amount))\"\n", Facts.empty()))
                .hasMessageContaining("不能用在 order by、where 中或没有 order by 的循环里").hasMessageMatching("(?s).*rules\\.yaml:\\d+:40\\b.*");
        assertThatThrownBy(() -> eval("    amount: \"sum(for l in loans order by l.start where sum_before(l.amount) > 0元 return l.amount)\"\n",
                Facts.empty())).hasMessageContaining("sum_before() 只能用在");
        assertThatThrownBy(() -> eval("    amount: \"sum(for l in loans order by l.start desc return sum_before(l.start))\"\n", Facts.empty()))
                .hasMessageContaining("sum_before() 的参数必须是数值");
        assertThatThrownBy(() -> eval("    amount: \"sum(for l in loans order by true return l.amount)\"\n", Facts.empty()))
                .hasMessageContaining("order by 后须为日期或数值");
        assertThatThrownBy(() -> eval("    amount: \"sum(for l in loans order by l.amount where l.amount > electricity_kwh[2020-01] * 1元/千瓦时 return l.amount)\"\n",
                Facts.empty())).hasMessageContaining("where 条件只能读本项（l）的字段、常数和参数，不能读指标 electricity_kwh");
        assertThatThrownBy(() -> eval("    amount: \"sum(for l in loans order l.start return l.amount)\"\n", Facts.empty()))
                .hasMessageContaining("此处应为 by");
    }
}
