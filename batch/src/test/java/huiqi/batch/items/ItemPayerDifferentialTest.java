package huiqi.batch.items;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.testdata.LeaseFixture;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * months() and borne_by (#17): the interpreter and DuckDB agree to the fen on {@link LeaseFixture}'s boundary population,
 * on every status and amount and on every part (enterprise, rule, lessor → amount).
 */
class ItemPayerDifferentialTest {
    @TempDir
    Path dir;

    @Test
    void interpreterAndDuckDbAgreeOnLeasesAndTheirParts() throws Exception {
        List<RuleFile> rules = List.of(new RuleFileLoader(LeaseFixture.CATALOG).load(LeaseFixture.writeRules(dir)));
        int n = 360;
        Map<String, EnterpriseRecord> records = LeaseFixture.generate(dir, n, 17);
        LocalDate asOf = LocalDate.of(2023, 6, 1);
        Evaluator evaluator = new Evaluator(LeaseFixture.CATALOG);
        Map<String, Long> byStatus = new HashMap<>();
        Map<String, Map<String, BigDecimal>> expectedParts = new TreeMap<>();
        long[] twoLessors = {0};
        long[] sameLessorTwice = {0};
        try (BatchRunner b = BatchRunner.open(dir, LeaseFixture.CATALOG, rules, BatchOptions.defaults().withAsOf(asOf))) {
            BatchResult r = b.run(Overrides.NONE);
            int compared = InterpreterVsSql.compare(b, r, evaluator, rules, records, asOf, row -> {
                byStatus.merge(row.ruleId() + " " + row.status(), 1L, Long::sum);
                for (RuleResult.ItemPart p : row.expected().parts()) {
                    expectedParts.computeIfAbsent(row.uscc() + " " + row.ruleId(), k -> new TreeMap<>()).put(p.name(), p.amount());
                    if (p.items().size() > 1) {
                        sameLessorTwice[0]++;
                    }
                }
                if (row.expected().parts().size() > 1) {
                    twoLessors[0]++;
                }
            });
            assertThat(compared).isEqualTo(2 * n);
            Map<String, Map<String, BigDecimal>> sqlParts = new TreeMap<>();
            try (Statement s = b.connection().createStatement(); ResultSet rs = s.executeQuery(b.partsQuery(r))) {
                while (rs.next()) {
                    assertThat(rs.getString("role")).isEqualTo("出租方");
                    assertThat(rs.getString("payer")).isEqualTo("市级·市国资委");
                    sqlParts.computeIfAbsent(rs.getString("uscc") + " " + rs.getString("rule_id"), k -> new TreeMap<>())
                            .put(rs.getString("bearer"), rs.getBigDecimal("amount"));
                }
            }
            assertThat(sqlParts.keySet()).isEqualTo(expectedParts.keySet());
            for (var e : expectedParts.entrySet()) {
                Map<String, BigDecimal> got = sqlParts.get(e.getKey());
                assertThat(got.keySet()).as(e.getKey()).isEqualTo(e.getValue().keySet());
                e.getValue().forEach((k, v) -> assertThat(got.get(k)).as(e.getKey() + " " + k).isEqualByComparingTo(v));
            }
        }
        // the population exercises every outcome
        assertThat(byStatus).containsKeys("test-2/1 eligible", "test-2/1 undeterminable", "test-2/2 eligible", "test-2/2 undeterminable");
        assertThat(twoLessors[0]).isPositive();
        assertThat(sameLessorTwice[0]).isPositive();
    }
}
