package huiqi.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class StatusRuleProperties {
    static final LocalDate START = LocalDate.of(2024, 1, 10);
    static final List<TaskStatus> ORDER = List.of(TaskStatus.OVERDUE, TaskStatus.BEHIND, TaskStatus.NOT_STARTED,
            TaskStatus.IN_PROGRESS, TaskStatus.COMPLETED);

    /** A deadline {@code days} after the start, assessed on {@code day}, with {@code less} and then {@code less + more} reported. */
    record Reporting(int days, int day, int quantity, int less, int more) { }

    @Test
    void reportingMoreNeverMakesAStatusWorse() {
        qt().withExamples(1000)
                .forAll(integers().between(1, 400).zip(integers().between(-10, 450), integers().between(1, 1000),
                        integers().between(0, 1200), integers().between(0, 300), Reporting::new))
                .checkAssert(r -> {
                    LocalDate deadline = START.plusDays(r.days());
                    LocalDate on = START.plusDays(r.day());
                    TaskTarget target = new TaskTarget(0, "目标", BigDecimal.valueOf(r.quantity()), "个", ">=", deadline);
                    LocalDate reportedOn = on.isBefore(START) ? on : START;
                    TaskStatus a = status(target, deadline, on, reportedOn, r.less());
                    TaskStatus b = status(target, deadline, on, reportedOn, r.less() + r.more());
                    assertThat(ORDER.indexOf(b)).as("%s", r).isGreaterThanOrEqualTo(ORDER.indexOf(a));
                });
    }

    /** Assessed on {@code day} (not after the deadline), {@code achieved} below the target {@code quantity}. */
    record Pace(int days, int day, int quantity, int achieved) { }

    @Test
    void behindExactlyWhenBelowTheLinearPace() {
        // overdue (day > days) and complete (achieved >= quantity) follow other rules, so they are not drawn
        Gen<Pace> paces = integers().between(30, 400).flatMap(days -> integers().between(30, days).flatMap(day ->
                integers().between(1, 1000).flatMap(quantity -> integers().between(0, quantity - 1)
                        .map(achieved -> new Pace(days, day, quantity, achieved)))));
        qt().withExamples(1000).forAll(paces).checkAssert(p -> {
            LocalDate deadline = START.plusDays(p.days());
            TaskTarget target = new TaskTarget(0, "目标", BigDecimal.valueOf(p.quantity()), "个", ">=", deadline);
            TaskStatus s = status(target, deadline, START.plusDays(p.day()), START, p.achieved());
            boolean below = (long) p.achieved() * p.days() < (long) p.quantity() * p.day();
            assertThat(s).as("%s", p).isEqualTo(below ? TaskStatus.BEHIND : TaskStatus.IN_PROGRESS);
        });
    }

    private static TaskStatus status(TaskTarget t, LocalDate deadline, LocalDate on, LocalDate reportedOn, int value) {
        ProgressReport r = new ProgressReport(reportedOn, Map.of(0, BigDecimal.valueOf(value)), null);
        return StatusRule.assess(START, deadline, List.of(t), List.of(r), on).status();
    }
}
