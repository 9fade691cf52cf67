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
                         LocalDate start, LocalDate deadline, String deadlineSource, Context resolved) {

    /**
     * The directory unit of the task: its id and canonical name, and its government ("350102|鼓楼区" and name),
     * all null while the document's mention is unresolved; {@code mention} is the unit as the document wrote it;
     * the issuing government's key and the document's validity.
     */
    public record Context(String id, String name, String governmentKey, String governmentName, String mention,
                          String documentGovernmentKey, LocalDate documentFrom, LocalDate documentUntil) {
    }

    public String unitId() {
        return resolved == null ? null : resolved.id();
    }

    /** Who sees the task besides its unit: the government of its unit, else the issuing government. */
    public String governmentKey() {
        if (resolved == null) {
            return null;
        }
        return resolved.governmentKey() != null ? resolved.governmentKey() : resolved.documentGovernmentKey();
    }

    public String governmentName() {
        return resolved == null || resolved.governmentName() == null ? "（单位未解析）" : resolved.governmentName();
    }

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
