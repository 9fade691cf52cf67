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

/** Items (#17 item 1): loans listed per enterprise, aggregated per item with their own dates and caps. */
class ItemsTest {
    static final ItemKind LOANS = new ItemKind("loans", "贷款", "贷款编号", "贷款银行", List.of(
            new ItemKind.Field("start", "起息日", AttributeType.DATE, null),
            new ItemKind.Field("end", "到期日", AttributeType.DATE, null),
            new ItemKind.Field("balance", "贷款余额", AttributeType.NUMBER, "元"),
            new ItemKind.Field("rate", "年利率", AttributeType.NUMBER, ""),
            new ItemKind.Field("lender", "出借机构", AttributeType.TEXT, null)));
    static final IndicatorCatalog CATALOG = new IndicatorCatalog(RuleFixture.CATALOG.indicators(),
            RuleFixture.CATALOG.attributes(), Map.of(), List.of(LOANS));

    @TempDir
    Path tmp;

    /** 贴息: balance × rate × days ÷ 360, from each loan's start for at most 12 months, at most 10万元 per loan and 15万元 in all. */
    static final String SUBSIDY = """
                parameters:
                  share: { values: { 2020-02-01: 50% }, label: 贴息比例 }
                  per_loan: { values: { 2020-02-01: 10万元 }, label: 单笔贷款贴息上限 }
                amount: "sum(for l in loans where l.start >= 2020-02-01 return min(l.balance * l.rate * share * (min(l.end, l.start + 12月) - l.start) / 360天, per_loan))"
                cap: 15万元
            """;

    private RuleResult eval(String body, Facts facts) throws Exception {
        RuleFile f = new RuleFileLoader(CATALOG).load(RuleFixture.write(tmp, RuleFixture.rule1(body)));
        return new Evaluator(CATALOG).evaluateFile(f, new EnterpriseRecord(new Enterprise("X", "企业", "350102", "C3311", "中型",
                Map.of()), facts), LocalDate.of(2020, 6, 1), Overrides.NONE).get("test-1/1");
    }

    static Item loan(String id, String start, String end, String balance, String rate) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (start != null) {
            f.put("start", LocalDate.parse(start));
        }
        if (end != null) {
            f.put("end", LocalDate.parse(end));
        }
        if (balance != null) {
            f.put("balance", new BigDecimal(balance));
        }
        if (rate != null) {
            f.put("rate", new BigDecimal(rate));
        }
        return new Item("loans", id, f);
    }

    @Test
    void eachLoanIsCountedFromItsOwnStartForAtMostAYearAndCappedOnItsOwn() throws Exception {
        Facts facts = Facts.empty()
                // 1,000,000 × 3.6% × 50% × 365 days (2020-03-01 to 2021-03-01) ÷ 360 = 18,250
                .add(loan("L001", "2020-03-01", "2022-03-01", "1000000", "0.036"))
                // ends before a year: 90 days → 5,000,000 × 4% × 50% × 90 / 360 = 25,000
                .add(loan("L002", "2020-02-01", "2020-05-01", "5000000", "0.04"))
                // started before the window: not counted
                .add(loan("L003", "2020-01-31", "2021-01-31", "9000000", "0.05"))
                // capped per loan: 30,000,000 × 4% × 50% × 365 / 360 → 100,000
                .add(loan("L004", "2021-01-01", "2023-01-01", "30000000", "0.04"));
        RuleResult r = eval(SUBSIDY, facts);
        assertThat(r.status()).isEqualTo(Status.ELIGIBLE);
        assertThat(r.amount()).isEqualByComparingTo("143250"); // 18,250 + 25,000 + 100,000 under the 15万元 cap
        // one line per loan with its own values, in Chinese
        assertThat(r.explanation()).anyMatch(l -> l.contains("贷款 L001：贷款余额 1,000,000.00元 × 年利率 3.6% × 贴息比例 50%")
                && l.contains("起息日 2020-03-01 + 12个月") && l.endsWith("= 18,250.00元"));
        assertThat(r.explanation()).anyMatch(l -> l.contains("贷款 L003：不计"));
        facts.add(loan("L005", "2020-06-01", "2020-12-01", "100000000", "0.05"));
        assertThat(eval(SUBSIDY, facts).amount()).isEqualByComparingTo("150000"); // the per-enterprise cap after the sum
    }

    @Test
    void aMissingFieldMakesTheItemAndTheSumUndeterminableNeverZero() throws Exception {
        Facts facts = Facts.empty().add(loan("L001", "2020-03-01", "2022-03-01", "1000000", "0.036"))
                .add(loan("L002", "2020-03-01", "2022-03-01", null, "0.04"));
        RuleResult r = eval(SUBSIDY, facts);
        assertThat(r.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(r.missing()).containsExactly("loans[L002].balance");
        assertThat(String.join("\n", r.explanation())).contains("缺少 贷款 L002 的贷款余额");
        // a missing start decides nothing about the filter: the item is unknown too
        Facts noStart = Facts.empty().add(loan("L009", null, "2022-03-01", "1000000", "0.036"));
        assertThat(eval(SUBSIDY, noStart).missing()).containsExactly("loans[L009].start");
        // a list not given is unknown; an empty list declared sums to 0 (a negative or zero amount grants 0)
        assertThat(eval(SUBSIDY, Facts.empty()).missing()).containsExactly("loans");
        assertThat(eval(SUBSIDY, Facts.empty().declareNone("loans")).amount()).isEqualByComparingTo("0");
    }

    @Test
    void theCheckerNamesUnknownKindsAndFieldsAndTypesTheBody() {
        assertThatThrownBy(() -> eval(SUBSIDY.replace("in loans", "in loanz"), Facts.empty()))
                .hasMessageContaining("未知清单 'loanz'").hasMessageContaining("loans（贷款）");
        assertThatThrownBy(() -> eval(SUBSIDY.replace("l.balance", "l.balanse"), Facts.empty()))
                .hasMessageContaining("贷款（loans）没有字段 'balanse'").hasMessageContaining("balance（贷款余额）");
        assertThatThrownBy(() -> eval(SUBSIDY.replace("where l.start >= 2020-02-01", "where l.balance"), Facts.empty()))
                .hasMessageContaining("where 后须为条件");
        assertThatThrownBy(() -> eval(SUBSIDY.replace("min(l.balance", "min(l.lender"), Facts.empty()))
                .hasMessageContaining("数值");
        assertThatThrownBy(() -> eval(SUBSIDY.replace("l.start + 12月", "l.start + 12"), Facts.empty()))
                .hasMessageContaining("日期只能加减天数或月数");
        assertThatThrownBy(() -> eval("    amount: sum(for l in loans return l.balance) + 1千瓦时\n", Facts.empty()))
                .hasMessageContaining("单位不一致");
        assertThatThrownBy(() -> eval("    amount: loans * 1元\n", Facts.empty())).hasMessageContaining("逐项使用");
        assertThatThrownBy(() -> eval("    amount: sum(for l in loans return l) \n", Facts.empty())).hasMessageContaining("须写字段");
    }

    @Test
    void theParserGivesPositions() {
        assertThatThrownBy(() -> huiqi.rules.lang.Parser.parse("sum(for l in loans where l.start > 2020-01-01 l.balance)"))
                .isInstanceOfSatisfying(huiqi.rules.lang.ExprException.class, e -> assertThat(e.span().start()).isEqualTo(46))
                .hasMessageContaining("return");
        assertThatThrownBy(() -> huiqi.rules.lang.Parser.parse("sum(for l in loans return l.)"))
                .hasMessageContaining("字段名");
    }
}
