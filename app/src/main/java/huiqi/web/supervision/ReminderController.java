package huiqi.web.supervision;

import huiqi.web.security.HuiqiUser;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 催报提醒: a 部门经办 reads its unit's reminders; 督查室 and 管理员 see every reminder sent and remind, in one
 * go, every unit whose report is due (one reminder per task, none while an earlier one is unread).
 */
@Controller
class ReminderController {
    private final ReminderStore reminders;
    private final SupervisionViews views;

    ReminderController(ReminderStore reminders, SupervisionViews views) {
        this.reminders = reminders;
        this.views = views;
    }

    @GetMapping("/supervision/reminders")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER') or hasRole('SUPERVISOR')")
    String list(@AuthenticationPrincipal HuiqiUser user, Model model) {
        boolean all = SupervisionViews.seesAllUnits(user);
        model.addAttribute("all", all);
        model.addAttribute("reminders", all ? reminders.list(null, 500)
                : user.getUnitId() == null ? List.of() : reminders.list(user.getUnitId(), 500));
        model.addAttribute("unit", user.getUnit());
        if (all) {
            model.addAttribute("due", views.visible(user, TaskFilter.of(null, null, null, null)).stream()
                    .filter(v -> v.assessment().reportDue()).count());
        }
        return "supervision/reminders";
    }

    @PostMapping("/supervision/reminders/due")
    @PreAuthorize("hasRole('ADMIN') or hasRole('SUPERVISOR')")
    String remindDue(@AuthenticationPrincipal HuiqiUser user, @RequestParam(required = false) String date,
                     RedirectAttributes redirect) {
        TaskFilter filter = TaskFilter.of(null, null, null, date);
        int sent = 0;
        for (TaskView v : views.visible(user, filter)) {
            if (v.assessment().reportDue()) {
                LocalDate due = v.assessment().nextReportDue();
                if (reminders.send(v.task().id(), v.task().unit(), v.task().unitId(), v.task().defaultReminder(), due, user.getUsername())) {
                    sent++;
                }
            }
        }
        redirect.addFlashAttribute("message", "已向报送到期的单位发送提醒 " + sent + " 条");
        return "redirect:/supervision/reminders";
    }

    @PostMapping("/supervision/reminders/{id}/read")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER') and @supervisionAccess.canReadReminder(#id)")
    String read(@AuthenticationPrincipal HuiqiUser user, @PathVariable long id) {
        reminders.markRead(id, user.getUsername());
        return "redirect:/supervision/reminders";
    }
}
