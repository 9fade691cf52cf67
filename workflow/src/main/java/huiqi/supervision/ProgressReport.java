package huiqi.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A unit's progress report (进展报送) as of {@code reportedOn}: the cumulative value achieved per target index
 * (累计完成值, in the target's unit) and, for targets without a measurable quantity or for a task without
 * targets, the share done in percent (0–100). Either may be missing. {@code verified} is false while a report
 * that would complete the task awaits the 督查室's 核验: it counts for progress, not for completion.
 */
public record ProgressReport(LocalDate reportedOn, Map<Integer, BigDecimal> achieved, BigDecimal percent,
                             boolean verified) {

    public ProgressReport {
        achieved = achieved == null ? Map.of() : Map.copyOf(achieved);
    }

    public ProgressReport(LocalDate reportedOn, Map<Integer, BigDecimal> achieved, BigDecimal percent) {
        this(reportedOn, achieved, percent, true);
    }
}
