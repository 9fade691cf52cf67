package huiqi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StatusRuleTest {
    // 100 days from start to deadline, so a day is exactly 1% of the pace.
    static final LocalDate START = LocalDate.of(2024, 1, 1);
    static final LocalDate DEADLINE = START.plusDays(100);
    // "力争一季度实施重点工业投资项目40个以上"
    static final TaskTarget PROJECTS = new TaskTarget(0, "力争一季度实施重点工业投资项目40个以上",
            new BigDecimal("40"), "个", ">=", DEADLINE);

    static ProgressReport report(LocalDate on, String value) {
        return new ProgressReport(on, Map.of(0, new BigDecimal(value)), null);
    }

    static TaskStatus status(List<ProgressReport> reports, LocalDate on) {
        return StatusRule.assess(START, DEADLINE, List.of(PROJECTS), reports, on).status();
    }

    @Nested
    class Deadline {
        @Test
        void dueTodayAndUnfinishedIsBehindNotOverdue() {
            assertThat(status(List.of(report(DEADLINE, "39")), DEADLINE)).isEqualTo(TaskStatus.BEHIND);
        }

        @Test
        void dueTodayAndMetIsComplete() {
            assertThat(status(List.of(report(DEADLINE, "40")), DEADLINE)).isEqualTo(TaskStatus.COMPLETED);
        }

        @Test
        void oneDayLateAndUnfinishedIsOverdue() {
            assertThat(status(List.of(report(DEADLINE, "39.99")), DEADLINE.plusDays(1))).isEqualTo(TaskStatus.OVERDUE);
        }

        @Test
        void oneDayLateWithoutAnyReportIsOverdue() {
            assertThat(status(List.of(), DEADLINE.plusDays(1))).isEqualTo(TaskStatus.OVERDUE);
        }

        @Test
        void completedStaysCompletedAfterTheDeadline() {
            assertThat(status(List.of(report(DEADLINE.minusDays(3), "41")), DEADLINE.plusDays(30)))
                    .isEqualTo(TaskStatus.COMPLETED);
        }

        @Test
        void completedLateIsCompleted() {
            assertThat(status(List.of(report(DEADLINE.plusDays(2), "40")), DEADLINE.plusDays(2)))
                    .isEqualTo(TaskStatus.COMPLETED);
        }
    }

    @Nested
    class Pace {
        @Test
        void exactlyOnPaceIsInProgress() {
            // day 50 of 100: expected 50% = 20 of 40
            LocalDate day50 = START.plusDays(50);
            Assessment a = StatusRule.assess(START, DEADLINE, List.of(PROJECTS), List.of(report(day50, "20")), day50);
            assertThat(a.expected()).isEqualByComparingTo(Fraction.of(1, 2));
            assertThat(a.progress()).isEqualByComparingTo(Fraction.of(1, 2));
            assertThat(a.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        }

        @Test
        void aHairBelowPaceIsBehind() {
            LocalDate day50 = START.plusDays(50);
            assertThat(status(List.of(report(day50, "19.9999")), day50)).isEqualTo(TaskStatus.BEHIND);
        }

        @Test
        void aheadOfPaceIsInProgress() {
            LocalDate day50 = START.plusDays(50);
            assertThat(status(List.of(report(START.plusDays(10), "25")), day50)).isEqualTo(TaskStatus.IN_PROGRESS);
        }

        @Test
        void paceUsesDaysNotReportCount() {
            // on pace on day 30 (12 of 40), behind on day 31 with no new report
            List<ProgressReport> reports = List.of(report(START.plusDays(30), "12"));
            assertThat(status(reports, START.plusDays(30))).isEqualTo(TaskStatus.IN_PROGRESS);
            assertThat(status(reports, START.plusDays(31))).isEqualTo(TaskStatus.BEHIND);
        }

        @Test
        void reportsAfterTheDateAreIgnored() {
            List<ProgressReport> reports = List.of(report(START.plusDays(40), "16"), report(START.plusDays(60), "40"));
            assertThat(status(reports, START.plusDays(40))).isEqualTo(TaskStatus.IN_PROGRESS);
            assertThat(status(reports, START.plusDays(41))).isEqualTo(TaskStatus.BEHIND);
            assertThat(status(reports, START.plusDays(60))).isEqualTo(TaskStatus.COMPLETED);
        }

        @Test
        void ofTwoReportsOnOneDayTheLaterCounts() {
            LocalDate day50 = START.plusDays(50);
            assertThat(status(List.of(report(day50, "20"), report(day50, "19")), day50)).isEqualTo(TaskStatus.BEHIND);
            assertThat(status(List.of(report(day50, "19"), report(day50, "20")), day50)).isEqualTo(TaskStatus.IN_PROGRESS);
        }

        @Test
        void theSmallestTargetShareCounts() {
            TaskTarget money = new TaskTarget(1, "总投资2亿元", new BigDecimal("200000000"), "元", ">=", DEADLINE);
            LocalDate day50 = START.plusDays(50);
            ProgressReport r = new ProgressReport(day50,
                    Map.of(0, new BigDecimal("30"), 1, new BigDecimal("90000000")), null);
            Assessment a = StatusRule.assess(START, DEADLINE, List.of(PROJECTS, money), List.of(r), day50);
            assertThat(a.progress()).isEqualByComparingTo(Fraction.of(45, 100));
            assertThat(a.status()).isEqualTo(TaskStatus.BEHIND);
        }

        @Test
        void strictlyAboveNeedsMoreThanTheQuantity() {
            TaskTarget above = new TaskTarget(0, "超过20家", new BigDecimal("20"), "家", ">", DEADLINE);
            ProgressReport equal = report(START.plusDays(10), "20");
            assertThat(StatusRule.assess(START, DEADLINE, List.of(above), List.of(equal), START.plusDays(10)).status())
                    .isEqualTo(TaskStatus.IN_PROGRESS);
            ProgressReport more = report(START.plusDays(10), "21");
            assertThat(StatusRule.assess(START, DEADLINE, List.of(above), List.of(more), START.plusDays(10)).status())
                    .isEqualTo(TaskStatus.COMPLETED);
        }
    }

    @Nested
    class Beginning {
        @Test
        void nothingReportedBeforeTheFirstReportIsDueIsNotStarted() {
            assertThat(status(List.of(), START)).isEqualTo(TaskStatus.NOT_STARTED);
            assertThat(status(List.of(), START.plusDays(StatusRule.REPORTING_CYCLE_DAYS - 1)))
                    .isEqualTo(TaskStatus.NOT_STARTED);
        }

        @Test
        void nothingReportedWhenTheFirstReportIsDueIsBehind() {
            assertThat(status(List.of(), START.plusDays(StatusRule.REPORTING_CYCLE_DAYS))).isEqualTo(TaskStatus.BEHIND);
        }

        @Test
        void beforeTheStartNothingIsExpected() {
            Assessment a = StatusRule.assess(START, DEADLINE, List.of(PROJECTS), List.of(), START.minusDays(5));
            assertThat(a.expected()).isEqualByComparingTo(Fraction.ZERO);
            assertThat(a.status()).isEqualTo(TaskStatus.NOT_STARTED);
        }
    }

    @Nested
    class WithoutQuantities {
        @Test
        void aTaskWithoutTargetsIsMeasuredByPercent() {
            LocalDate day50 = START.plusDays(50);
            ProgressReport half = new ProgressReport(day50, Map.of(), new BigDecimal("50"));
            ProgressReport less = new ProgressReport(day50, Map.of(), new BigDecimal("49.9"));
            ProgressReport all = new ProgressReport(day50, Map.of(), new BigDecimal("100"));
            assertThat(StatusRule.assess(START, DEADLINE, List.of(), List.of(half), day50).status())
                    .isEqualTo(TaskStatus.IN_PROGRESS);
            assertThat(StatusRule.assess(START, DEADLINE, List.of(), List.of(less), day50).status())
                    .isEqualTo(TaskStatus.BEHIND);
            assertThat(StatusRule.assess(START, DEADLINE, List.of(), List.of(all), day50).status())
                    .isEqualTo(TaskStatus.COMPLETED);
        }

        @Test
        void aCapTargetIsMeasuredByPercent() {
            TaskTarget cap = new TaskTarget(0, "融资担保费率持续低于1%", new BigDecimal("1"), "%", "<", DEADLINE);
            ProgressReport r = new ProgressReport(START.plusDays(10), Map.of(0, new BigDecimal("0.8")), new BigDecimal("100"));
            assertThat(StatusRule.assess(START, DEADLINE, List.of(cap), List.of(r), START.plusDays(10)).status())
                    .isEqualTo(TaskStatus.COMPLETED);
        }

        @Test
        void withoutADeadlineNothingIsLate() {
            assertThat(StatusRule.assess(START, null, List.of(), List.of(), START.plusYears(3)).status())
                    .isEqualTo(TaskStatus.NOT_STARTED);
        }
    }

    @Nested
    class Reminders {
        @Test
        void aReportIsDueOneCycleAfterTheLastOneOrAtTheDeadline() {
            Assessment first = StatusRule.assess(START, DEADLINE, List.of(PROJECTS), List.of(), START.plusDays(29));
            assertThat(first.nextReportDue()).isEqualTo(START.plusDays(30));
            assertThat(first.reportDue()).isFalse();
            assertThat(StatusRule.assess(START, DEADLINE, List.of(PROJECTS), List.of(), START.plusDays(30)).reportDue())
                    .isTrue();
            List<ProgressReport> late = List.of(report(START.plusDays(90), "39"));
            Assessment last = StatusRule.assess(START, DEADLINE, List.of(PROJECTS), late, START.plusDays(95));
            assertThat(last.nextReportDue()).isEqualTo(DEADLINE);
            assertThat(last.atRisk()).isTrue();
        }

        @Test
        void completedTasksNeedNoReport() {
            Assessment a = StatusRule.assess(START, DEADLINE, List.of(PROJECTS),
                    List.of(report(START, "40")), START.plusDays(80));
            assertThat(a.reportDue()).isFalse();
            assertThat(a.atRisk()).isFalse();
        }
    }
}
