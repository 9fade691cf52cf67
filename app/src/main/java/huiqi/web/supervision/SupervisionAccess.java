package huiqi.web.supervision;

import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Row-level rules used in {@code @PreAuthorize} ({@link SupervisionScope}): a 部门经办 reaches only its own
 * directory unit's tasks, reports and reminders; 督查室 reads its government's and those under it; 管理员 all;
 * only the unit's own 部门经办 reports progress.
 */
@Component("supervisionAccess")
public class SupervisionAccess {
    private final TaskStore tasks;
    private final ReminderStore reminders;

    public SupervisionAccess(TaskStore tasks, ReminderStore reminders) {
        this.tasks = tasks;
        this.reminders = reminders;
    }

    public boolean canSee(long taskId) {
        HuiqiUser user = current();
        if (user == null) {
            return false;
        }
        return tasks.unitOfTask(taskId).map(u -> SupervisionScope.sees(user, u.unitId(), u.governmentKey()))
                .orElse(SupervisionViews.seesAllUnits(user));
    }

    public boolean canReport(long taskId) {
        HuiqiUser user = current();
        return user != null && user.getRole() == Role.OFFICER
                && tasks.unitOfTask(taskId).map(u -> SupervisionScope.ownUnit(user, u.unitId())).orElse(false);
    }

    /** 核验: a 督查室 whose government covers the report's task. */
    public boolean canVerify(long reportId) {
        HuiqiUser user = current();
        if (user == null || user.getRole() != Role.SUPERVISOR) {
            return false;
        }
        return tasks.taskOfReport(reportId).flatMap(tasks::unitOfTask)
                .map(u -> SupervisionScope.sees(user, u.unitId(), u.governmentKey())).orElse(false);
    }

    public boolean canSeeAttachment(long attachmentId) {
        return tasks.taskOfAttachment(attachmentId).map(this::canSee).orElse(false);
    }

    public boolean canReadReminder(long reminderId) {
        HuiqiUser user = current();
        return user != null && user.getRole() == Role.OFFICER
                && SupervisionScope.ownUnit(user, reminders.unitOf(reminderId).orElse(null));
    }

    private static HuiqiUser current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof HuiqiUser u ? u : null;
    }
}
