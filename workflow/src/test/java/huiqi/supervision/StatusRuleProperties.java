package huiqi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class StatusRuleProperties {
    static final LocalDate START = LocalDate.of(2024, 1, 10);
    static final List<TaskStatus> ORDER = List.of(TaskStatus.OVERDUE, TaskStatus.BEHIND, TaskStatus.NOT_STARTED,
            TaskStatus.IN_PROGRESS, TaskStatus.COMPLETED);

    @Property
    void reportingMoreNeverMakesAStatusWorse(@ForAll @IntRange(min = 1, max = 400) int days,
                                             @ForAll @IntRange(min = -10, max = 450) int day,
                                             @ForAll @IntRange(min = 1, max = 1000) int quantity,
                                             @ForAll @IntRange(min = 0, max = 1200) int less,
                                             @ForAll @IntRange(min = 0, max = 300) int more) {
        LocalDate deadline = START.plusDays(days);
        LocalDate on = START.plusDays(day);
        TaskTarget target = new TaskTarget(0, "目标", BigDecimal.valueOf(quantity), "个", ">=", deadline);
        LocalDate reportedOn = on.isBefore(START) ? on : START;
        TaskStatus a = status(target, deadline, on, reportedOn, less);
        TaskStatus b = status(target, deadline, on, reportedOn, less + more);
        assertThat(ORDER.indexOf(b)).isGreaterThanOrEqualTo(ORDER.indexOf(a));
    }

    @Property
    void behindExactlyWhenBelowTheLinearPace(@ForAll @IntRange(min = 1, max = 400) int days,
                                             @ForAll @IntRange(min = 30, max = 400) int day,
                                             @ForAll @IntRange(min = 1, max = 1000) int quantity,
                                             @ForAll @IntRange(min = 0, max = 999) int achieved) {
        if (day > days || achieved >= quantity) {
            return; // overdue or complete: other rules
        }
        LocalDate deadline = START.plusDays(days);
        TaskTarget target = new TaskTarget(0, "目标", BigDecimal.valueOf(quantity), "个", ">=", deadline);
        TaskStatus s = status(target, deadline, START.plusDays(day), START, achieved);
        boolean below = (long) achieved * days < (long) quantity * day;
        assertThat(s).isEqualTo(below ? TaskStatus.BEHIND : TaskStatus.IN_PROGRESS);
    }

    private static TaskStatus status(TaskTarget t, LocalDate deadline, LocalDate on, LocalDate reportedOn, int value) {
        ProgressReport r = new ProgressReport(reportedOn, Map.of(0, BigDecimal.valueOf(value)), null);
        return StatusRule.assess(START, deadline, List.of(t), List.of(r), on).status();
    }
}
