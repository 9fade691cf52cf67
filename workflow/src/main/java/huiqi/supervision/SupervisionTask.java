package huiqi.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * A 督查任务: one measure of one document as one unit must deliver it. {@code start} is when the pace clock
 * starts (the document's effective date, else its issue date); {@code deadline} follows the deadline rule
 * and {@code deadlineSource} says which step of it applied.
 */
public record SupervisionTask(
        String documentId,
        String docNumber,
        int measureNumber,
        String measureTitle,
        String measureText,
        String unit,
        UnitRole role,
        List<TaskTarget> targets,
        LocalDate start,
        LocalDate deadline,
        DeadlineSource deadlineSource) {

    public SupervisionTask {
        targets = List.copyOf(targets);
    }

    /** The identity of a task: document, measure and unit. */
    public String key() {
        return documentId + "/" + measureNumber + "/" + unit;
    }
}
