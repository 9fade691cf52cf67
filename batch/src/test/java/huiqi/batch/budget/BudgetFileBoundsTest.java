package huiqi.batch.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Budget amounts in budget files: yuan to the fen, bounded, never negative. */
class BudgetFileBoundsTest {

    @ParameterizedTest
    @ValueSource(strings = {"1e1000", "1e1000000", "12345678901234567890", "1e1000000万元"})
    void outOfRangeAmountsAreRefusedAtOnce(String amount) {
        assertThatThrownBy(() -> BudgetFile.money(amount, "budgets.yaml 第 1 项预算"))
                .hasMessageStartingWith("budgets.yaml 第 1 项预算：金额").hasMessageContaining("超出范围");
        assertThat(fastestMillis(() -> BudgetFile.money(amount, "预算"))).as("ms").isLessThan(100);
    }

    @Test
    void amountsStopAtTheFenAndAreNotNegative() {
        assertThatThrownBy(() -> BudgetFile.money("0.004", "预算")).hasMessage("预算：金额 '0.004' 最多到分（小数最多 2 位）");
        assertThatThrownBy(() -> BudgetFile.money("-5", "预算")).hasMessageContaining("不能为负");
        assertThatThrownBy(() -> BudgetFile.money("5千瓦时", "预算")).hasMessageContaining("应为元");
        assertThat(BudgetFile.money("500万元", "预算")).isEqualByComparingTo("5000000.00").hasScaleOf(2);
        assertThat(BudgetFile.money("1,000.5", "预算")).isEqualByComparingTo("1000.50");
    }

    /** The fastest of three runs in ms: a CPU-bound expansion is slow every time, a scheduling hiccup is not. */
    static long fastestMillis(Runnable refusal) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            try {
                refusal.run();
            } catch (RuntimeException expected) {
                // the refusal is what is timed
            }
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        return best;
    }
}
