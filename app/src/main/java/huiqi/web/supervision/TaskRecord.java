package huiqi.web.supervision;

import huiqi.supervision.TaskTarget;
import huiqi.supervision.UnitRole;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored 督查任务: the current targets and deadline (as corrected by 管理员, if at all) next to what the
 * document produced ({@code sourceText}, {@code sourceTargets}, {@code sourceDeadline}).
 */
public record TaskRecord(long id, String documentId, String docNumber, String docTitle, int measureNumber,
                         String measureTitle, String unit, UnitRole role, String sourceText,
                         List<TaskTarget> sourceTargets, LocalDate sourceDeadline, List<TaskTarget> targets,
                         LocalDate start, LocalDate deadline, String deadlineSource) {

    public String docLabel() {
        return docNumber != null ? docNumber : docTitle;
    }

    public String targetSummary() {
        return targets.isEmpty() ? "（无量化目标）"
                : String.join("；", targets.stream().map(TaskTarget::text).toList());
    }

    /** The 催报 text when the sender writes none. */
    public String defaultReminder() {
        return "请" + unit + "及时报送《" + docLabel() + "》第" + measureNumber + "条“" + measureTitle + "”的工作进展情况。";
    }
}
