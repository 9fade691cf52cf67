package huiqi.web.supervision;

import huiqi.supervision.Assessment;
import huiqi.supervision.TaskStatus;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A task with its standing on the chosen date, as the pages and the 督查通报 show it. */
public record TaskView(TaskRecord task, Assessment assessment, ReportRecord latestReport) {

    public TaskStatus status() {
        return assessment.status();
    }

    public String statusLabel() {
        return assessment.status().label();
    }

    public String statusClass() {
        return switch (assessment.status()) {
            case COMPLETED -> "ok";
            case IN_PROGRESS -> "";
            case NOT_STARTED -> "no";
            case BEHIND -> "warn";
            case OVERDUE -> "overdue";
        };
    }

    public BigDecimal progressPercent() {
        return assessment.progress().percent();
    }

    public BigDecimal expectedPercent() {
        return assessment.expected().percent();
    }

    /** A completing report waits for the 督查室's 核验. */
    public boolean awaitingVerification() {
        return latestReport != null && latestReport.pending();
    }

    public LocalDate lastReportedOn() {
        return latestReport == null ? null : latestReport.reportedOn();
    }
}
