package huiqi.batch.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.testdata.LoanFixture;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Items (#17 item 1): the interpreter and DuckDB agree to the fen on {@link LoanFixture}'s boundary population. */
class ItemsDifferentialTest {
    @TempDir
    Path dir;

    @Test
    void interpreterAndDuckDbAgreeOnLoansAtEveryBoundary() throws Exception {
        List<RuleFile> rules = List.of(new RuleFileLoader(LoanFixture.CATALOG).load(LoanFixture.writeRules(dir)));
        int n = 300;
        Map<String, EnterpriseRecord> records = LoanFixture.generate(dir, n, 17);
        LocalDate asOf = LocalDate.of(2020, 6, 1);
        Evaluator evaluator = new Evaluator(LoanFixture.CATALOG);
        Map<String, Long> byStatus = new HashMap<>();
        long capped = 0;
        try (BatchRunner b = BatchRunner.open(dir, LoanFixture.CATALOG, rules, BatchOptions.defaults().withAsOf(asOf))) {
            BatchResult r = b.run(Overrides.NONE);
            int compared = 0;
            try (Statement s = b.connection().createStatement(); ResultSet rs = s.executeQuery(b.longQuery(r, null))) {
                while (rs.next()) {
                    String uscc = rs.getString("uscc");
                    String ruleId = rs.getString("rule_id");
                    RuleResult expected = evaluator.evaluate(rules, records.get(uscc), asOf, Overrides.NONE).results().stream()
                            .filter(x -> x.ruleId().equals(ruleId)).findFirst().orElseThrow();
                    String status = rs.getString("status");
                    BigDecimal amount = rs.getBigDecimal("amount");
                    boolean same = expected.status().json().equals(status)
                            && (expected.amount() == null ? amount == null : amount != null && expected.amount().compareTo(amount) == 0);
                    if (!same) {
                        fail("不一致：企业 " + uscc + " 规则 " + ruleId + "\n解释器：" + expected.status().json() + " " + expected.amount()
                                + "\n  " + String.join("\n  ", expected.explanation()) + "\nSQL：" + status + " " + amount);
                    }
                    byStatus.merge(ruleId + " " + status, 1L, Long::sum);
                    if (ruleId.equals("test-1/1") && amount != null && amount.compareTo(new BigDecimal("150000")) == 0) {
                        capped++;
                    }
                    compared++;
                }
            }
            assertThat(compared).isEqualTo(3 * n);
        }
        // the population exercises every outcome
        assertThat(byStatus).containsKeys("test-1/1 eligible", "test-1/1 undeterminable", "test-1/2 eligible",
                "test-1/2 ineligible", "test-1/2 undeterminable", "test-1/3 eligible", "test-1/3 ineligible");
        assertThat(capped).isPositive();
    }
}
