package huiqi.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The status of a 督查任务 on a date {@code on}, from the latest report made on or before that date (later ones
 * are ignored, so any past day can be re-evaluated; of two reports on one day the one given later counts; values
 * are cumulative, so only the latest report matters). Rules in order, the first that holds wins:
 * <ol>
 *   <li>已完成 — the latest report meets every target (each measurable target's cumulative value satisfies its
 *       comparator; every other target, or a task without targets, reported at 100%) and the 督查室 has verified
 *       it (核验); until then the task stands as the rules below say.</li>
 *   <li>逾期 — not complete and {@code on} is after the deadline (the deadline day itself is not late).</li>
 *   <li>未开始 — nothing reported yet and the first report is not due (on &lt; start + {@value #REPORTING_CYCLE_DAYS} days).</li>
 *   <li>滞后 — progress &lt; expected, where expected = min(1, max(0, days(start, on)) / max(1, days(start,
 *       deadline))) and progress = the smallest share over the targets (value / quantity, capped at 1; the
 *       reported percentage for targets without a measurable quantity; 0 when nothing is reported). Compared
 *       exactly as ratios: being exactly on pace is not behind.</li>
 *   <li>未开始 if nothing is reported yet, else 推进中.</li>
 * </ol>
 * A task without a deadline is never 逾期 nor 滞后. Reports are due every {@value #REPORTING_CYCLE_DAYS} days
 * from the start or the last report, and at the deadline at the latest.
 */
public final class StatusRule {
    public static final int REPORTING_CYCLE_DAYS = 30;
    public static final int AT_RISK_DAYS = 14;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private StatusRule() {
    }

    public static Assessment assess(SupervisionTask task, List<ProgressReport> reports, LocalDate on) {
        return assess(task.start(), task.deadline(), task.targets(), reports, on);
    }

    public static Assessment assess(LocalDate start, LocalDate deadline, List<TaskTarget> targets,
                                    List<ProgressReport> reports, LocalDate on) {
        ProgressReport latest = latest(reports, on);
        Fraction progress = progress(targets, latest);
        boolean complete = latest != null && latest.verified() && complete(targets, latest);
        Fraction expected = expected(start, deadline, on);
        LocalDate nextDue = nextReportDue(start, deadline, latest);

        TaskStatus status;
        if (complete) {
            status = TaskStatus.COMPLETED;
        } else if (deadline != null && on.isAfter(deadline)) {
            status = TaskStatus.OVERDUE;
        } else if (latest == null && (start == null || on.isBefore(start.plusDays(REPORTING_CYCLE_DAYS)))) {
            status = TaskStatus.NOT_STARTED;
        } else if (deadline != null && start != null && progress.isBelow(expected)) {
            status = TaskStatus.BEHIND;
        } else {
            status = latest == null ? TaskStatus.NOT_STARTED : TaskStatus.IN_PROGRESS;
        }
        boolean reportDue = !complete && !(latest != null && complete(targets, latest)) && nextDue != null && !on.isBefore(nextDue);
        boolean atRisk = status == TaskStatus.BEHIND
                || (status == TaskStatus.NOT_STARTED || status == TaskStatus.IN_PROGRESS)
                && deadline != null && !on.plusDays(AT_RISK_DAYS).isBefore(deadline);
        return new Assessment(status, progress, expected, latest, nextDue, reportDue, atRisk);
    }

    /** The report with the latest date on or before {@code on}; of two on the same day, the one given later. */
    static ProgressReport latest(List<ProgressReport> reports, LocalDate on) {
        ProgressReport latest = null;
        for (ProgressReport r : reports) {
            if (!r.reportedOn().isAfter(on) && (latest == null || !r.reportedOn().isBefore(latest.reportedOn()))) {
                latest = r;
            }
        }
        return latest;
    }

    /** The share of the time from start to deadline that has passed on {@code on}, within [0, 1]. */
    static Fraction expected(LocalDate start, LocalDate deadline, LocalDate on) {
        if (start == null || deadline == null) {
            return Fraction.ZERO;
        }
        long total = Math.max(1, ChronoUnit.DAYS.between(start, deadline));
        long elapsed = Math.max(0, ChronoUnit.DAYS.between(start, on));
        return Fraction.of(Math.min(elapsed, total), total);
    }

    /** The smallest share done over the targets (see the class comment); ZERO without a report. */
    static Fraction progress(List<TaskTarget> targets, ProgressReport report) {
        if (report == null) {
            return Fraction.ZERO;
        }
        if (targets.isEmpty()) {
            return percentShare(report.percent());
        }
        Fraction least = Fraction.ONE;
        for (TaskTarget t : targets) {
            Fraction share = share(t, report);
            if (share.isBelow(least)) {
                least = share;
            }
        }
        return least;
    }

    private static Fraction share(TaskTarget t, ProgressReport report) {
        BigDecimal value = report.achieved().get(t.index());
        if (t.measurable() && value != null) {
            return Fraction.of(value, t.quantity()).cappedAtOne();
        }
        return percentShare(report.percent());
    }

    private static Fraction percentShare(BigDecimal percent) {
        return percent == null ? Fraction.ZERO : Fraction.of(percent, HUNDRED).cappedAtOne();
    }

    /** Whether the report meets every target (whether or not it has been verified). */
    public static boolean complete(List<TaskTarget> targets, ProgressReport report) {
        boolean percentDone = report.percent() != null && report.percent().compareTo(HUNDRED) >= 0;
        if (targets.isEmpty()) {
            return percentDone;
        }
        for (TaskTarget t : targets) {
            BigDecimal value = report.achieved().get(t.index());
            boolean done = t.measurable() && value != null ? t.metBy(value) : percentDone;
            if (!done) {
                return false;
            }
        }
        return true;
    }

    static LocalDate nextReportDue(LocalDate start, LocalDate deadline, ProgressReport latest) {
        LocalDate from = latest != null ? latest.reportedOn() : start;
        if (from == null) {
            return deadline;
        }
        LocalDate due = from.plusDays(REPORTING_CYCLE_DAYS);
        return deadline != null && deadline.isBefore(due) && deadline.isAfter(from) ? deadline : due;
    }
}
