package huiqi.web.supervision;

import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Row-level rules used in {@code @PreAuthorize}: a 部门经办 reaches only its own unit's tasks, reports and
 * reminders; 管理员 and 督查室 read all; only the unit's own 部门经办 reports progress.
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
        if (SupervisionViews.seesAllUnits(user)) {
            return true;
        }
        return user.getRole() == Role.OFFICER && ownUnit(user, tasks.unitOfTask(taskId).orElse(null));
    }

    public boolean canReport(long taskId) {
        HuiqiUser user = current();
        return user != null && user.getRole() == Role.OFFICER && ownUnit(user, tasks.unitOfTask(taskId).orElse(null));
    }

    public boolean canSeeAttachment(long attachmentId) {
        return tasks.taskOfAttachment(attachmentId).map(this::canSee).orElse(false);
    }

    public boolean canReadReminder(long reminderId) {
        HuiqiUser user = current();
        return user != null && user.getRole() == Role.OFFICER && ownUnit(user, reminders.unitOf(reminderId).orElse(null));
    }

    private static boolean ownUnit(HuiqiUser user, String unit) {
        return unit != null && user.getUnit() != null && user.getUnit().equals(unit);
    }

    private static HuiqiUser current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof HuiqiUser u ? u : null;
    }
}
