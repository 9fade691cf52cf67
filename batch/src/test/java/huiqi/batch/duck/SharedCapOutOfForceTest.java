package huiqi.batch.duck;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.FactValue;
import huiqi.facts.Facts;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared cap whose middle rule is out of force on --as-of: the last rule still reads what the first took,
 * in SQL as in the interpreter (the SQL used to place both in one layer and fail on the missing column).
 */
class SharedCapOutOfForceTest {
    private static final String USCC = "9135010221C3QY0LXA";

    @TempDir
    Path dir;

    @Test
    void lastRuleOfTheCapReadsTheFirstWhenTheMiddleOneIsOutOfForce() throws Exception {
        Path policy = dir.resolve("policies/test-1");
        Files.createDirectories(policy);
        Files.writeString(policy.resolve("source.txt"), "测试文件\n1. 用电奖励。按用电量给予奖励，每家企业最高不超过5万元。\n",
                StandardCharsets.UTF_8);
        Files.writeString(policy.resolve("rules.yaml"), """
                document: 测试〔2024〕1号
                source: source.txt
                measures: 1
                region: "3501"
                rules:
                  - { id: test-1/a, measure: 1, title: 甲, quote: 用电奖励, kind: 奖补, delivery: 免申即享,
                      payer: { level: 区级, department: 区财政局 }, amount: "electricity_kwh[2024-01] * 0.01元/千瓦时" }
                  - { id: test-1/b, measure: 1, title: 乙, quote: 用电奖励, kind: 奖补, delivery: 免申即享, valid: 2024-01-01..2024-02-29,
                      payer: { level: 区级, department: 区财政局 }, amount: "electricity_kwh[2024-02] * 0.01元/千瓦时" }
                  - { id: test-1/c, measure: 1, title: 丙, quote: 用电奖励, kind: 奖补, delivery: 免申即享,
                      payer: { level: 区级, department: 区财政局 }, amount: "electricity_kwh[2024-03] * 0.01元/千瓦时" }
                caps:
                  - { id: test-1/cap, rules: [ test-1/a, test-1/b, test-1/c ], cap: 5万元, quote: 每家企业最高不超过5万元 }
                """, StandardCharsets.UTF_8);
        RuleFile rules = new RuleFileLoader(TestPopulation.CATALOG).load(policy.resolve("rules.yaml"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("profiles.csv"), "uscc,name,region_code,industry_code,size\n" + USCC + ",甲企业,350102,C1951,中型\n");
        Files.writeString(data.resolve("facts.csv"), "uscc,indicator,period,value\n" + USCC + ",electricity_kwh,2024-01,3000000\n"
                + USCC + ",electricity_kwh,2024-03,4000000\n");
        LocalDate march = LocalDate.of(2024, 3, 15);

        // the interpreter: a takes 30000 of the 50000, c's 40000 is capped at the 20000 left
        Facts facts = Facts.empty();
        for (String[] f : List.of(new String[] {"2024-01", "3000000"}, new String[] {"2024-03", "4000000"})) {
            facts.put(new FactValue("electricity_kwh", new Period.Month(YearMonth.parse(f[0])), new BigDecimal(f[1]),
                    Provenance.of("测试")));
        }
        EnterpriseRecord e = new EnterpriseRecord(new Enterprise(USCC, "甲企业", "350102", "C1951", "中型", Map.of()), facts);
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        for (RuleResult r : new Evaluator(TestPopulation.CATALOG).evaluate(List.of(rules), e, march, Overrides.NONE).results()) {
            expected.put(r.ruleId(), r.amount());
        }
        assertThat(expected).containsOnlyKeys("test-1/a", "test-1/c");
        assertThat(expected.get("test-1/c")).isEqualByComparingTo("20000");

        try (BatchRunner b = BatchRunner.open(data, TestPopulation.CATALOG, List.of(rules), BatchOptions.defaults().withAsOf(march))) {
            BatchResult r = b.run(Overrides.NONE);
            try (Statement s = b.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT rule_id, amount FROM (" + b.longQuery(r, null) + ") ORDER BY rule_id")) {
                Map<String, BigDecimal> actual = new LinkedHashMap<>();
                while (rs.next()) {
                    actual.put(rs.getString(1), rs.getBigDecimal(2));
                }
                assertThat(actual).containsOnlyKeys(expected.keySet());
                expected.forEach((id, amount) -> assertThat(actual.get(id)).as(id).isEqualByComparingTo(amount));
            }
        }
    }
}
