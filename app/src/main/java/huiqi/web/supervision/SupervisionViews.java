package huiqi.web.supervision;

import huiqi.supervision.ProgressReport;
import huiqi.supervision.StatusRule;
import huiqi.supervision.TaskStatus;
import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Tasks as a user may see them ({@link SupervisionScope}), with their status on a date. 管理员 sees every unit,
 * 督查室 every unit of its government and below; a 部门经办 only its own directory unit's tasks (and nothing
 * without a unit); 企业 accounts never reach here.
 */
@Service
public class SupervisionViews {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final TaskStore store;

    public SupervisionViews(TaskStore store) {
        this.store = store;
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public static boolean seesAllUnits(HuiqiUser user) {
        return user.getRole() == Role.ADMIN || user.getRole() == Role.SUPERVISOR;
    }

    public List<TaskView> visible(HuiqiUser user, TaskFilter filter) {
        store.syncAll();
        Map<Long, List<ReportRecord>> reports = store.reportsByTask();
        return store.tasks().stream()
                .filter(t -> SupervisionScope.sees(user, t.unitId(), t.governmentKey()))
                .filter(t -> filter.document().isEmpty() || filter.document().equals(t.documentId()))
                .filter(t -> filter.unit().isEmpty() || filter.unit().equals(t.unitId()) || filter.unit().equals(t.unit())
                        || t.resolved() != null && filter.unit().equals(t.resolved().name()))
                .filter(t -> filter.government().isEmpty() || SupervisionScope.within(t.governmentKey(), filter.government()))
                .filter(filter::inPeriod)
                .map(t -> view(t, reports.getOrDefault(t.id(), List.of()), filter.date()))
                .filter(v -> filter.status().isEmpty() || v.status().label().equals(filter.status()))
                .toList();
    }

    /** The task's standing on {@code on}; reports the 督查室 returned do not count. */
    public TaskView view(TaskRecord t, List<ReportRecord> all, LocalDate on) {
        List<ReportRecord> reports = all.stream().filter(r -> !r.returned()).toList();
        List<ProgressReport> progress = reports.stream().map(ReportRecord::progress).toList();
        var a = StatusRule.assess(t.start(), t.deadline(), t.targets(), progress, on);
        ReportRecord latest = reports.stream().filter(r -> !r.reportedOn().isAfter(on))
                .max(Comparator.comparing(ReportRecord::reportedOn).thenComparing(ReportRecord::id)).orElse(null);
        return new TaskView(t, a, latest);
    }

    public static List<String> statusLabels() {
        return Arrays.stream(TaskStatus.values()).map(TaskStatus::label).toList();
    }
}
