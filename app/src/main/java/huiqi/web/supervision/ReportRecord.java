package huiqi.web.supervision;

import huiqi.supervision.ProgressReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A stored progress report with its attachments (names only; contents are fetched one by one). */
public record ReportRecord(long id, long taskId, LocalDate reportedOn, Map<Integer, BigDecimal> achieved,
                           BigDecimal percent, String narrative, String reportedBy, OffsetDateTime createdAt,
                           List<AttachmentInfo> attachments) {

    public ProgressReport progress() {
        return new ProgressReport(reportedOn, achieved, percent);
    }

    public record AttachmentInfo(long id, String fileName, long size) {
    }
}
