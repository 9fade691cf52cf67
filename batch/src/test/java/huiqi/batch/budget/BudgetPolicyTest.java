package huiqi.batch.budget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The allocation policy is read the same way from budget files, the batch-run API and the page. */
class BudgetPolicyTest {
    @Test
    void labelCodeAndNameAllReadBack() {
        for (Budget.Policy p : Budget.Policy.values()) {
            assertThat(Budget.Policy.parse(p.label())).contains(p);
            assertThat(Budget.Policy.parse(p.code())).contains(p);
            assertThat(Budget.Policy.parse(" " + p.name() + " ")).contains(p);
        }
        assertThat(Budget.Policy.PRO_RATA.label()).isEqualTo("按比例");
        assertThat(Budget.Policy.FIRST_COME.code()).isEqualTo("first-come");
        assertThat(Budget.Policy.parse("lottery")).isEmpty();
        assertThat(Budget.Policy.parse(null)).isEmpty();
    }
}
