package huiqi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A report that meets every target completes the task only once the 督查室 has verified it. */
class VerifiedCompletionTest {
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final List<TaskTarget> TARGETS = List.of(
            new TaskTarget(0, "新增企业20家", new BigDecimal("20"), "家", ">=", END));

    @Test
    void anUnverifiedCompletingReportKeepsTheTaskOpen() {
        LocalDate on = LocalDate.of(2026, 6, 1);
        var pending = new ProgressReport(on, Map.of(0, new BigDecimal("21")), null, false);
        Assessment a = StatusRule.assess(START, END, TARGETS, List.of(pending), on);
        assertThat(a.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(a.progress()).isEqualTo(Fraction.ONE);
        assertThat(a.reportDue()).as("nothing more to report while it awaits 核验").isFalse();

        var verified = new ProgressReport(on, Map.of(0, new BigDecimal("21")), null, true);
        assertThat(StatusRule.assess(START, END, TARGETS, List.of(verified), on).status()).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void anUnverifiedReportAfterTheDeadlineIsStillOverdue() {
        var pending = new ProgressReport(END, Map.of(0, new BigDecimal("20")), null, false);
        assertThat(StatusRule.assess(START, END, TARGETS, List.of(pending), END.plusDays(1)).status())
                .isEqualTo(TaskStatus.OVERDUE);
    }
}
