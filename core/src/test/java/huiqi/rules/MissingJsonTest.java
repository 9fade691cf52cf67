package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.FactValue;
import huiqi.facts.Facts;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import huiqi.rules.eval.Evaluation;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.ResultJson;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** #17 item 5: each entry of {@code missing[]} keeps its id and adds the Chinese name and the period as it is supplied. */
class MissingJsonTest {
    @TempDir
    Path tmp;

    @Test
    void missingFactsCarryTheirChineseNameAndThePeriodAsSupplied() throws Exception {
        RuleFile f = new RuleFileLoader(StockIndicatorTest.CATALOG).load(RuleFixture.write(tmp, RuleFixture.rule1("""
                    amount: "electricity_kwh[2024-01..2024-02] * 1元/千瓦时 + avg(insured_headcount[2023-Q1]) * 1元/人"
                """)));
        Facts facts = Facts.empty();
        facts.put(new FactValue("insured_headcount", Period.parse("2023-02"), BigDecimal.TEN, Provenance.of("测试")));
        Evaluation ev = new Evaluator(StockIndicatorTest.CATALOG).evaluate(List.of(f),
                new EnterpriseRecord(new Enterprise("X", "企业", "350102", "C3311", "小型", Map.of()), facts), null, Overrides.NONE);
        JsonNode r = ResultJson.toJson(ev, StockIndicatorTest.CATALOG).get("results").get(0);
        assertThat(r.get("status").asString()).isEqualTo("undeterminable");
        JsonNode first = r.get("missing").get(0);
        assertThat(first.get("id").asString()).isEqualTo("electricity_kwh[2024-01-01..2024-02-29]");
        assertThat(first.get("fact").asString()).isEqualTo("electricity_kwh");
        assertThat(first.get("label").asString()).isEqualTo("用电量");
        assertThat(first.get("period").asString()).isEqualTo("2024-01..2024-02");
        JsonNode months = r.get("missing");
        assertThat(months.get(1).get("period").asString()).isEqualTo("2023-01");
        assertThat(months.get(2).get("period").asString()).isEqualTo("2023-03");
        assertThat(months.get(2).get("label").asString()).isEqualTo("参保人数");
        assertThat(r.get("missingText").get(1).asString()).isEqualTo("参保人数（2023-01、2023-03）");
    }
}
