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
import huiqi.rules.eval.ResultJson;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.rules.file.RuleLoadException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** borne_by (#17): each lease's relief is borne by its lessor; results carry the parts per lessor. */
class ItemPayerTest {
    static final ItemKind LEASES = new ItemKind("leases", "租赁合同", "租赁合同编号", "出租方", List.of(
            new ItemKind.Field("lessor", "出租方", AttributeType.TEXT, null),
            new ItemKind.Field("start", "起租日", AttributeType.DATE, null),
            new ItemKind.Field("end", "租期届满日", AttributeType.DATE, null),
            new ItemKind.Field("monthly_rent", "月租金", AttributeType.NUMBER, "元")));
    static final IndicatorCatalog CATALOG = new IndicatorCatalog(RuleFixture.CATALOG.indicators(),
            RuleFixture.CATALOG.attributes(), Map.of(), List.of(LEASES));

    static final String RELIEF = """
                borne_by: { field: lessor, verb: 减免 }
                amount: "sum(for l in leases where l.start <= 2023-12-31 and l.end >= 2023-01-01 return if l.end + 1天 >= l.start + 12月 then l.monthly_rent else l.monthly_rent * months(max(l.start, 2023-01-01), min(l.end + 1天, 2024-01-01)) / 12月)"
            """;

    @TempDir
    Path tmp;

    private RuleFile load(String body) throws Exception {
        return new RuleFileLoader(CATALOG).load(RuleFixture.write(tmp, RuleFixture.rule1(body)));
    }

    private RuleResult eval(String body, Item... leases) throws Exception {
        Facts facts = Facts.empty();
        for (Item l : leases) {
            facts.add(l);
        }
        return new Evaluator(CATALOG).evaluateFile(load(body), record(facts), LocalDate.of(2023, 6, 1), Overrides.NONE).get("test-1/1");
    }

    private static EnterpriseRecord record(Facts facts) {
        return new EnterpriseRecord(new Enterprise("X", "企业", "350102", "C3311", "小型", Map.of()), facts);
    }

    static Item lease(String id, String lessor, String start, String end, String rent) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (lessor != null) {
            f.put("lessor", lessor);
        }
        f.put("start", LocalDate.parse(start));
        f.put("end", LocalDate.parse(end));
        if (rent != null) {
            f.put("monthly_rent", new BigDecimal(rent));
        }
        return new Item("leases", id, f);
    }

    @Test
    void partsPerLessorSumToTheAmountToTheFen() throws Exception {
        RuleResult r = eval(RELIEF,
                lease("A1", "甲公司", "2023-01-01", "2023-12-31", "3000"),     // a year: one month's rent
                lease("A2", "甲公司", "2023-03-15", "2023-09-14", "1000.01"),  // 6 months × 1/12 = 500.005 → 500.01
                lease("B1", "乙公司", "2023-01-01", "2023-12-30", "2400"),     // a year less a day: 12 months × 1/12
                lease("C1", "丙公司", "2024-01-01", "2024-12-31", "9999"));    // outside 2023
        assertThat(r.status()).isEqualTo(Status.ELIGIBLE);
        assertThat(r.amount()).isEqualByComparingTo("5900.01");
        assertThat(r.parts()).extracting(RuleResult.ItemPart::name).containsExactly("甲公司", "乙公司");
        assertThat(r.parts().get(0).amount()).isEqualByComparingTo("3500.01");
        assertThat(r.parts().get(0).items()).containsExactly("A1", "A2");
        assertThat(r.parts().get(1).amount()).isEqualByComparingTo("2400");
        assertThat(r.parts().stream().map(RuleResult.ItemPart::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(r.amount());
        assertThat(r.explanation()).contains("由出租方 甲公司 减免 3,500.01元（A1、A2）", "由出租方 乙公司 减免 2,400.00元（B1）");
        // the rule's payer still acts on the platform for the whole amount
        assertThat(r.payers()).singleElement().satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("5900.01"));
    }

    @Test
    void aCountedLeaseWithoutLessorOrRentIsUndeterminable() throws Exception {
        RuleResult noLessor = eval(RELIEF, lease("A1", null, "2023-01-01", "2023-12-31", "3000"));
        assertThat(noLessor.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(noLessor.missing()).containsExactly("leases[A1].lessor");
        assertThat(noLessor.parts()).isEmpty();
        RuleResult noRent = eval(RELIEF, lease("A1", "甲公司", "2023-01-01", "2023-12-31", null));
        assertThat(noRent.status()).isEqualTo(Status.UNDETERMINABLE);
        assertThat(noRent.missing()).containsExactly("leases[A1].monthly_rent");
        // a lease outside 2023 needs no lessor: it is not counted
        RuleResult outside = eval(RELIEF, lease("A1", null, "2022-01-01", "2022-12-31", "3000"));
        assertThat(outside.status()).isEqualTo(Status.ELIGIBLE);
        assertThat(outside.amount()).isEqualByComparingTo("0");
        assertThat(outside.parts()).isEmpty();
    }

    @Test
    void jsonCarriesTheParts() throws Exception {
        RuleFile f = load(RELIEF);
        Facts facts = Facts.empty().add(lease("A1", "甲公司", "2023-01-01", "2023-12-31", "3000"));
        var ev = new Evaluator(CATALOG).evaluate(List.of(f), record(facts), LocalDate.of(2023, 6, 1), Overrides.NONE);
        var part = ResultJson.toJson(ev, CATALOG).get("results").get(0).get("parts").get(0);
        assertThat(part.get("role").asString()).isEqualTo("出租方");
        assertThat(part.get("name").asString()).isEqualTo("甲公司");
        assertThat(part.get("amount").asString()).isEqualTo("3000.00");
        assertThat(part.get("items").get(0).asString()).isEqualTo("A1");
    }

    @Test
    void aCapOrANonItemAmountOrANonTextFieldIsRefusedAtLoad() {
        assertThatThrownBy(() -> load(RELIEF + "    cap: 1万元\n"))
                .isInstanceOf(RuleLoadException.class).hasMessageContaining("不能有按企业的上限 cap");
        assertThatThrownBy(() -> load("""
                    borne_by: lessor
                    amount: 100元
                """)).isInstanceOf(RuleLoadException.class).hasMessageContaining("要求 amount 是逐项求和");
        assertThatThrownBy(() -> load(RELIEF.replace("field: lessor", "field: start")))
                .isInstanceOf(RuleLoadException.class).hasMessageContaining("须是文本");
        assertThatThrownBy(() -> load(RELIEF.replace("field: lessor", "field: lesor")))
                .isInstanceOf(RuleLoadException.class).hasMessageContaining("没有字段 'lesor'");
        assertThatThrownBy(() -> load("""
                    borne_by: lessor
                    amount: "sum(for l in leases order by l.start desc return l.monthly_rent)"
                """)).isInstanceOf(RuleLoadException.class).hasMessageContaining("不能与 order by 排序累计的逐项求和一起用");
    }

    @Test
    void monthsNeedsTwoDates() {
        assertThatThrownBy(() -> load("""
                    amount: "sum(for l in leases return l.monthly_rent * months(l.start) / 12月)"
                """)).isInstanceOf(RuleLoadException.class).hasMessageContaining("months() 需要两个日期");
    }
}
