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
import huiqi.testdata.OrderedLoanFixture;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ordered item loops and sum_before: the interpreter and DuckDB agree to the fen on {@link OrderedLoanFixture}'s boundaries. */
class OrderedItemsDifferentialTest {
    @TempDir
    Path dir;

    @Test
    void interpreterAndDuckDbAgreeOnNewestLoansAtEveryBoundary() throws Exception {
        List<RuleFile> rules = List.of(new RuleFileLoader(OrderedLoanFixture.CATALOG).load(OrderedLoanFixture.writeRules(dir)));
        int n = 480;
        Map<String, EnterpriseRecord> records = OrderedLoanFixture.generate(dir, n, 13);
        LocalDate asOf = LocalDate.of(2023, 6, 1);
        Evaluator evaluator = new Evaluator(OrderedLoanFixture.CATALOG);
        Map<String, Long> byStatus = new HashMap<>();
        long[] capped = {0};
        Map<Integer, Long> eligibleByShape = new HashMap<>();
        try (BatchRunner b = BatchRunner.open(dir, OrderedLoanFixture.CATALOG, rules, BatchOptions.defaults().withAsOf(asOf))) {
            BatchResult r = b.run(Overrides.NONE);
            int compared = InterpreterVsSql.compare(b, r, evaluator, rules, records, asOf, row -> {
                byStatus.merge(row.ruleId() + " " + row.status(), 1L, Long::sum);
                if (row.ruleId().equals("test-2/1") && row.amount() != null && row.amount().compareTo(new BigDecimal("100000")) == 0) {
                    capped[0]++;
                }
                if (row.ruleId().equals("test-2/1") && row.status().equals("eligible") && row.amount().signum() > 0) {
                    eligibleByShape.merge(Integer.parseInt(row.uscc().substring(1)) % 16, 1L, Long::sum);
                }
            });
            assertThat(compared).isEqualTo(3 * n);
        }
        assertThat(byStatus).containsKeys("test-2/1 eligible", "test-2/1 ineligible", "test-2/1 undeterminable",
                "test-2/2 eligible", "test-2/2 undeterminable", "test-2/3 eligible", "test-2/3 undeterminable");
        assertThat(capped[0]).isPositive();
        // a subsidy is found where the increase is the last loan, the last two, between them, a fen short, and where only
        // the oldest loan (never reached) lacks its interest; none without a list, without an increase or without balances
        // (a loan lacking its interest or date still leaves a result when it ended in 2022 and so is not counted at all)
        assertThat(eligibleByShape).containsKeys(2, 3, 4, 5, 9, 10, 12).doesNotContainKeys(0, 1, 6, 7, 13);
    }
}
