package huiqi.web.supervision;

import huiqi.supervision.ProgressReport;
import huiqi.supervision.StatusRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a progress report must satisfy beyond its form (enforced again by {@link TaskStore#addReport}, so every
 * caller gets the same rules): dated at most {@code huiqi.supervision.backdate-days} days back, and a report that
 * completes its task carries evidence (an attachment or a reference).
 */
@Component
public class ReportRules {
    private final int backdateDays;

    public ReportRules(@Value("${huiqi.supervision.backdate-days:7}") int backdateDays) {
        this.backdateDays = backdateDays;
    }

    public int backdateDays() {
        return backdateDays;
    }

    /** Whether these values meet every target of the task (it would be complete once verified). */
    static boolean completes(TaskRecord task, LocalDate on, Map<Integer, BigDecimal> achieved, BigDecimal percent) {
        return StatusRule.complete(task.targets(), new ProgressReport(on, achieved, percent));
    }

    public List<String> problems(TaskRecord task, LocalDate reportedOn, Map<Integer, BigDecimal> achieved,
                                 BigDecimal percent, int attachments, String evidenceReference) {
        List<String> problems = new ArrayList<>();
        LocalDate today = SupervisionViews.today();
        if (reportedOn != null && reportedOn.isBefore(today.minusDays(backdateDays))) {
            problems.add("报送日期最早为 " + today.minusDays(backdateDays) + "（补报不超过 " + backdateDays + " 天）");
        }
        boolean noEvidence = attachments == 0 && (evidenceReference == null || evidenceReference.isBlank());
        if (reportedOn != null && noEvidence && completes(task, reportedOn, achieved, percent)) {
            problems.add("报送完成须附佐证材料：上传附件，或填写佐证材料的文号、链接或台账编号");
        }
        return problems;
    }
}
