package huiqi.batch.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.duck.TestPopulation;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.testdata.HireFixture;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Items of a real rule (#17 item 1): 鼓政办规〔2023〕1号 第14条 counts the persons hired (per person: hired in 2023,
 * registered unemployed at least six calendar months before, pension six months or more; else the 人社 count). The
 * interpreter and DuckDB agree to the fen on every rule of the document for {@link HireFixture}'s boundary population.
 */
class HiresDifferentialTest {
    private static final String RULE = "gl-2023-1/14";

    @TempDir
    Path dir;

    @Test
    void interpreterAndDuckDbAgreeOnHiresAtEveryBoundary() throws Exception {
        List<RuleFile> rules = List.of(new RuleFileLoader(TestPopulation.CATALOG).load(HireFixture.rules()));
        int n = 300;
        Map<String, EnterpriseRecord> records = HireFixture.generate(dir, n, 14);
        Evaluator evaluator = new Evaluator(TestPopulation.CATALOG);
        Map<String, Long> byStatus = new HashMap<>();
        Map<String, Long> amounts = new HashMap<>();
        try (BatchRunner b = BatchRunner.open(dir, TestPopulation.CATALOG, rules, BatchOptions.defaults())) {
            BatchResult r = b.run(Overrides.NONE);
            int compared = 0;
            try (Statement s = b.connection().createStatement(); ResultSet rs = s.executeQuery(b.longQuery(r, null))) {
                while (rs.next()) {
                    String uscc = rs.getString("uscc");
                    String ruleId = rs.getString("rule_id");
                    RuleResult expected = evaluator.evaluate(rules, records.get(uscc), null, Overrides.NONE).results().stream()
                            .filter(x -> x.ruleId().equals(ruleId)).findFirst().orElseThrow();
                    String status = rs.getString("status");
                    BigDecimal amount = rs.getBigDecimal("amount");
                    boolean same = expected.status().json().equals(status)
                            && (expected.amount() == null ? amount == null : amount != null && expected.amount().compareTo(amount) == 0);
                    if (!same) {
                        fail("不一致：企业 " + uscc + " 规则 " + ruleId + "\n解释器：" + expected.status().json() + " " + expected.amount()
                                + "\n  " + String.join("\n  ", expected.explanation()) + "\nSQL：" + status + " " + amount);
                    }
                    if (ruleId.equals(RULE)) {
                        byStatus.merge(status, 1L, Long::sum);
                        if (amount != null) {
                            amounts.merge(amount.stripTrailingZeros().toPlainString(), 1L, Long::sum);
                        }
                    }
                    compared++;
                }
            }
            assertThat(compared).isEqualTo(rules.get(0).rules().size() * n);
        }
        // the population reaches every outcome of the rule, and more than one person counted for some enterprises
        assertThat(byStatus).containsKeys("eligible", "ineligible", "undeterminable");
        assertThat(amounts.keySet()).contains("1000", "2000");
    }
}
