package huiqi.supervision;

import java.time.LocalDate;

/**
 * A task's standing on a date: its status, its progress and the share the linear pace expects (both exact),
 * the report the progress comes from (null if none yet), when the next report is due, whether a reminder is
 * due, and whether it is at risk (滞后, or unfinished with the deadline within {@link StatusRule#AT_RISK_DAYS}).
 */
public record Assessment(TaskStatus status, Fraction progress, Fraction expected, ProgressReport latest,
                         LocalDate nextReportDue, boolean reportDue, boolean atRisk) {
}
