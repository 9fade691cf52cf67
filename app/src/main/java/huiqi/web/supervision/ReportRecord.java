package huiqi.web.supervision;

import huiqi.supervision.ProgressReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A stored progress report with its attachments (names only; contents are fetched one by one) and, for a report
 * that completes its task, the 督查室's 核验 (待核验 / 通过 / 退回, with who, when and the comment).
 */
public record ReportRecord(long id, long taskId, LocalDate reportedOn, Map<Integer, BigDecimal> achieved,
                           BigDecimal percent, String narrative, String reportedBy, OffsetDateTime createdAt,
                           List<AttachmentInfo> attachments, Verification verification) {

    public static final String PENDING = "待核验";
    public static final String ACCEPTED = "通过";
    public static final String RETURNED = "退回";

    public record Verification(String state, String by, OffsetDateTime at, String comment, String evidenceReference) {
        public static final Verification NONE = new Verification(null, null, null, null, null);
    }

    public ReportRecord(long id, long taskId, LocalDate reportedOn, Map<Integer, BigDecimal> achieved,
                        BigDecimal percent, String narrative, String reportedBy, OffsetDateTime createdAt,
                        List<AttachmentInfo> attachments) {
        this(id, taskId, reportedOn, achieved, percent, narrative, reportedBy, createdAt, attachments, Verification.NONE);
    }

    public ProgressReport progress() {
        return new ProgressReport(reportedOn, achieved, percent, !pending());
    }

    public boolean pending() {
        return PENDING.equals(verification.state());
    }

    /** Returned by the 督查室: it no longer counts for the task's standing. */
    public boolean returned() {
        return RETURNED.equals(verification.state());
    }

    public record AttachmentInfo(long id, String fileName, long size) {
    }
}
