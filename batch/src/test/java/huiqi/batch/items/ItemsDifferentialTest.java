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
import huiqi.testdata.LoanFixture;
import java.math.BigDecimal;
import java.nio.file.Path;
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
        long[] capped = {0};
        try (BatchRunner b = BatchRunner.open(dir, LoanFixture.CATALOG, rules, BatchOptions.defaults().withAsOf(asOf))) {
            BatchResult r = b.run(Overrides.NONE);
            int compared = InterpreterVsSql.compare(b, r, evaluator, rules, records, asOf, row -> {
                byStatus.merge(row.ruleId() + " " + row.status(), 1L, Long::sum);
                if (row.ruleId().equals("test-1/1") && row.amount() != null && row.amount().compareTo(new BigDecimal("150000")) == 0) {
                    capped[0]++;
                }
            });
            assertThat(compared).isEqualTo(3 * n);
        }
        // the population exercises every outcome
        assertThat(byStatus).containsKeys("test-1/1 eligible", "test-1/1 undeterminable", "test-1/2 eligible",
                "test-1/2 ineligible", "test-1/2 undeterminable", "test-1/3 eligible", "test-1/3 ineligible");
        assertThat(capped[0]).isPositive();
    }
}
