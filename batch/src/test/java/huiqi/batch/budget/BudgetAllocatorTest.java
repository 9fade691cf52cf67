package huiqi.batch.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.batch.duck.BatchRunner;
import huiqi.batch.duck.TestPopulation;
import huiqi.rules.eval.Overrides;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetAllocatorTest {
    static final String RULE = "fz-2024-2/7";
    static final String PAYER = "市级·市财政局";

    @TempDir
    static Path dir;
    static BatchRunner runner;
    static BatchResult result;

    @BeforeAll
    static void run() throws Exception {
        TestPopulation.generate(4000, 11, dir);
        runner = BatchRunner.open(dir, TestPopulation.CATALOG, TestPopulation.RULES, BatchOptions.defaults());
        result = runner.run(Overrides.NONE);
    }

    @AfterAll
    static void close() throws Exception {
        runner.close();
    }

    record Row(String uscc, BigDecimal claim, BigDecimal allocated, BigDecimal shortfall) { }

    private List<Row> rows() throws Exception {
        List<Row> out = new ArrayList<>();
        try (Statement s = runner.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT uscc, claim, allocated, shortfall FROM budget_allocation ORDER BY uscc")) {
            while (rs.next()) {
                out.add(new Row(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
            }
        }
        return out;
    }

    @Test
    void proRataUsesTheBudgetExactlyAndEveryoneGetsTheirShareToTheFen() throws Exception {
        BigDecimal claimed = result.rule(RULE).total();
        assertThat(claimed).isGreaterThan(new BigDecimal("1000"));
        // an awkward budget: about a third of the claims, with fen
        BigDecimal budget = claimed.divide(BigDecimal.valueOf(3), 2, RoundingMode.DOWN).add(new BigDecimal("0.07"));
        var a = runner.allocate(result,
                List.of(new Budget("b", PAYER, List.of(RULE), budget, Budget.Policy.PRO_RATA, null))).get(0);
        assertThat(a.oversubscribed()).isTrue();
        assertThat(a.claimed()).isEqualByComparingTo(claimed);
        assertThat(a.allocated()).isEqualByComparingTo(budget);
        assertThat(a.allocated().add(a.shortfall())).isEqualByComparingTo(claimed);
        BigInteger b = budget.movePointRight(2).toBigIntegerExact();
        BigInteger s = claimed.movePointRight(2).toBigIntegerExact();
        List<Row> rows = rows();
        long roundedUp = 0;
        for (Row r : rows) {
            BigInteger c = r.claim().movePointRight(2).toBigIntegerExact();
            BigInteger floor = c.multiply(b).divide(s);
            BigInteger got = r.allocated().movePointRight(2).toBigIntegerExact();
            assertThat(got).as(r.uscc()).isBetween(floor, floor.add(BigInteger.ONE));
            assertThat(r.allocated()).isLessThanOrEqualTo(r.claim());
            assertThat(r.allocated().add(r.shortfall())).isEqualByComparingTo(r.claim());
            if (!got.equals(floor)) {
                roundedUp++;
            }
        }
        assertThat(roundedUp).isLessThan(rows.size());
    }

    @Test
    void aBudgetThatSufficesPaysEveryClaimInFull() throws Exception {
        BigDecimal claimed = result.rule(RULE).total();
        var a = runner.allocate(result,
                List.of(new Budget("b", PAYER, List.of(RULE), claimed.add(BigDecimal.TEN), Budget.Policy.PRO_RATA, null))).get(0);
        assertThat(a.oversubscribed()).isFalse();
        assertThat(a.allocated()).isEqualByComparingTo(claimed);
        assertThat(a.shortfall()).isZero();
        assertThat(a.paidInFull()).isEqualTo(a.claims());
    }

    @Test
    void firstComePaysInApplicationOrderUntilTheBudgetRunsOut() throws Exception {
        BigDecimal claimed = result.rule(RULE).total();
        BigDecimal budget = claimed.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
        var a = runner.allocate(result,
                List.of(new Budget("b", PAYER, List.of(RULE), budget, Budget.Policy.FIRST_COME, "established_date"))).get(0);
        assertThat(a.allocated()).isEqualByComparingTo(budget);
        List<Row> ordered = new ArrayList<>();
        try (Statement s = runner.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT b.uscc, claim, allocated, shortfall FROM budget_allocation b "
                     + "LEFT JOIN profiles_src p ON p.uscc = b.uscc ORDER BY p.established_date NULLS LAST, b.uscc")) {
            while (rs.next()) {
                ordered.add(new Row(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
            }
        }
        BigDecimal left = budget;
        for (Row r : ordered) {
            BigDecimal expected = r.claim().min(left.max(BigDecimal.ZERO));
            assertThat(r.allocated()).as(r.uscc()).isEqualByComparingTo(expected);
            left = left.subtract(expected);
        }
        assertThat(left).isZero();
    }

    @Test
    void budgetFileIsReadWithChineseAmountsAndPolicies() throws Exception {
        Path f = dir.resolve("budget.yaml");
        Files.writeString(f, """
                budgets:
                  - id: 春节用电奖励
                    payer: 市级·市财政局
                    rules: [fz-2024-2/7]
                    amount: 500万元
                    policy: pro-rata
                  - payer: 市级·市财政局
                    rules: fz-2024-2/6
                    amount: 1234567.89
                    policy: first-come
                    order_by: application_time
                """);
        List<Budget> budgets = BudgetFile.load(f);
        assertThat(budgets.get(0).amount()).isEqualByComparingTo("5000000");
        assertThat(budgets.get(0).policy()).isEqualTo(Budget.Policy.PRO_RATA);
        assertThat(budgets.get(1).rules()).containsExactly("fz-2024-2/6");
        assertThat(budgets.get(1).orderBy()).isEqualTo("application_time");
        Files.writeString(f, "budgets:\n  - { payer: 市级·市财政局, rules: [fz-2024-2/7], amount: 100, policy: first-come }\n");
        assertThatThrownBy(() -> BudgetFile.load(f)).hasMessageContaining("order_by");
    }

    @Test
    void aPayerThatDoesNotPayTheRuleIsRejected() {
        assertThatThrownBy(() -> runner.allocate(result,
                List.of(new Budget("b", "省级·省财政厅", List.of(RULE), BigDecimal.TEN, Budget.Policy.PRO_RATA, null))))
                .hasMessageContaining("没有 省级·省财政厅");
    }
}
