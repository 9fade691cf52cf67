package huiqi.web.supervision;

import huiqi.supervision.StatusRule;
import huiqi.web.paging.PageRequest;
import huiqi.web.paging.Paged;
import huiqi.web.security.HuiqiUser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 督查任务: the list with filters, the task detail, progress reports, comments, reminders and 管理员 corrections. */
@Controller
class TaskController {
    private final TaskStore store;
    private final ReminderStore reminders;
    private final SupervisionViews views;
    private final TaskFormValidator validator;
    private final ReportRules reportRules;

    TaskController(TaskStore store, ReminderStore reminders, SupervisionViews views, TaskFormValidator validator,
                   ReportRules reportRules) {
        this.store = store;
        this.reminders = reminders;
        this.views = views;
        this.validator = validator;
        this.reportRules = reportRules;
    }

    @GetMapping("/supervision/tasks")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER') or hasRole('SUPERVISOR')")
    String list(@AuthenticationPrincipal HuiqiUser user, @RequestParam(required = false) String document,
                @RequestParam(required = false) String unit, @RequestParam(required = false) String status,
                @RequestParam(required = false) String date, @RequestParam(required = false) String period,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String government, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        TaskFilter filter = TaskFilter.of(document, unit, status, date, period, from, to, government);
        PageRequest request = PageRequest.of(page, size, sort, List.copyOf(TaskSorts.BY_KEY.keySet()), "");
        List<TaskView> all = request.sorted(views.visible(user, filter), TaskSorts.BY_KEY);
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("document", filter.document());
        kept.put("unit", unit);
        kept.put("status", filter.status());
        kept.put("date", date == null || date.isBlank() ? null : filter.date());
        kept.put("period", period);
        kept.put("from", from);
        kept.put("to", to);
        kept.put("government", government);
        Paged<TaskView> tasks = Paged.ofAll(all, request, "/supervision/tasks", kept);
        model.addAttribute("filter", filter);
        model.addAttribute("page", tasks);
        model.addAttribute("tasks", tasks.rows());
        model.addAttribute("allUnits", SupervisionViews.seesAllUnits(user));
        FilterChoices choices = FilterChoices.of(views.visible(user, TaskFilter.of(null, null, null, date)));
        model.addAttribute("unitGroups", choices.unitGroups());
        model.addAttribute("governments", choices.governments());
        model.addAttribute("documents", store.documents());
        model.addAttribute("statuses", SupervisionViews.statusLabels());
        model.addAttribute("unread", user.getUnitId() == null ? 0 : reminders.unreadCount(user.getUnitId()));
        return htmx != null ? "supervision/tasks :: results" : "supervision/tasks";
    }

    @GetMapping("/supervision/tasks/{id}")
    @PreAuthorize("(hasAnyRole('ADMIN','OFFICER') or hasRole('SUPERVISOR')) and @supervisionAccess.canSee(#id)")
    String detail(@AuthenticationPrincipal HuiqiUser user, @PathVariable long id,
                  @RequestParam(required = false) String date, Model model) {
        TaskRecord task = store.task(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        LocalDate on = TaskFilter.of(null, null, null, date).date();
        List<ReportRecord> reports = store.reports(id);
        model.addAttribute("view", views.view(task, reports, on));
        model.addAttribute("date", on);
        List<ReportRecord> newestFirst = new ArrayList<>(reports);
        Collections.reverse(newestFirst);
        model.addAttribute("reports", newestFirst);
        model.addAttribute("comments", store.comments(id));
        model.addAttribute("edits", store.edits(id));
        model.addAttribute("today", SupervisionViews.today());
        model.addAttribute("cycle", StatusRule.REPORTING_CYCLE_DAYS);
        model.addAttribute("earliest", SupervisionViews.today().minusDays(reportRules.backdateDays()));
        model.addAttribute("canVerify", user.getRole() == huiqi.web.security.Role.SUPERVISOR
                && SupervisionScope.sees(user, task.unitId(), task.governmentKey()));
        model.addAttribute("canReport", user.getRole() == huiqi.web.security.Role.OFFICER
                && SupervisionScope.ownUnit(user, task.unitId()));
        return "supervision/task";
    }

    @PostMapping("/supervision/tasks/{id}/reports")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER') and @supervisionAccess.canReport(#id)")
    String report(@AuthenticationPrincipal HuiqiUser user, @PathVariable long id,
                  @RequestParam Map<String, String> form,
                  @RequestParam(value = "files", required = false) List<MultipartFile> files,
                  RedirectAttributes redirect) {
        TaskRecord task = store.task(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        TaskFormValidator.Report r = validator.report(task, form, files);
        if (!r.problems().isEmpty()) {
            redirect.addFlashAttribute("problems", r.problems());
            redirect.addFlashAttribute("form", form);
            return "redirect:/supervision/tasks/" + id;
        }
        try {
            long reportId = store.addReport(id, r.reportedOn(), r.achieved(), r.percent(), r.narrative(),
                    user.getUsername(), r.uploads(), r.evidenceReference());
            boolean pending = store.reports(id).stream().anyMatch(x -> x.id() == reportId && x.pending());
            redirect.addFlashAttribute("message", pending ? "进展已报送，目标已全部完成，待督查室核验" : "进展已报送");
        } catch (TaskStore.ReportRefused e) {
            redirect.addFlashAttribute("problems", e.problems());
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/supervision/tasks/" + id;
    }

    /** 核验 by the 督查室: accept a completing report, or return it with a comment. */
    @PostMapping("/supervision/reports/{reportId}/verification")
    @PreAuthorize("(hasRole('ADMIN') or hasRole('SUPERVISOR')) and @supervisionAccess.canVerify(#reportId)")
    String verify(@AuthenticationPrincipal HuiqiUser user, @PathVariable long reportId, @RequestParam String decision,
                  @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        long taskId = store.taskOfReport(reportId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean accept = "accept".equals(decision);
        if (!accept && !"return".equals(decision)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "未知的核验结论");
        }
        Optional<String> problem = store.verify(reportId, accept, comment, user.getUsername(), user.getRoleLabel());
        if (problem.isPresent()) {
            redirect.addFlashAttribute("problems", List.of(problem.get()));
        } else {
            redirect.addFlashAttribute("message", accept ? "核验通过，任务已完成" : "已退回，单位需重新报送");
        }
        return "redirect:/supervision/tasks/" + taskId;
    }

    @GetMapping("/supervision/attachments/{id}")
    @PreAuthorize("(hasAnyRole('ADMIN','OFFICER') or hasRole('SUPERVISOR')) and @supervisionAccess.canSeeAttachment(#id)")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        TaskStore.Attachment a = store.attachment(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(a.content());
    }

    @PostMapping("/supervision/tasks/{id}/comments")
    @PreAuthorize("(hasAnyRole('ADMIN','OFFICER') or hasRole('SUPERVISOR')) and @supervisionAccess.canSee(#id)")
    String comment(@AuthenticationPrincipal HuiqiUser user, @PathVariable long id, @RequestParam String body,
                   RedirectAttributes redirect) {
        String text = body.strip();
        Optional<String> problem = validator.commentProblem(text);
        if (problem.isPresent()) {
            redirect.addFlashAttribute("problems", List.of(problem.get()));
        } else {
            store.addComment(id, user.getUsername(), user.getRoleLabel(), text);
            redirect.addFlashAttribute("message", "意见已保存");
        }
        return "redirect:/supervision/tasks/" + id;
    }

    @PostMapping("/supervision/tasks/{id}/reminders")
    @PreAuthorize("hasRole('ADMIN') or hasRole('SUPERVISOR')")
    String remind(@AuthenticationPrincipal HuiqiUser user, @PathVariable long id,
                  @RequestParam(required = false) String message, RedirectAttributes redirect) {
        TaskRecord task = store.task(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String text = message == null || message.isBlank() ? task.defaultReminder() : message.strip();
        Optional<String> problem = validator.reminderProblem(text);
        if (problem.isPresent()) {
            redirect.addFlashAttribute("problems", List.of(problem.get()));
            return "redirect:/supervision/tasks/" + id;
        }
        var view = views.view(task, store.reports(id), SupervisionViews.today());
        boolean sent = reminders.send(id, task.unit(), task.unitId(), text, view.assessment().nextReportDue(), user.getUsername());
        redirect.addFlashAttribute("message", sent ? "已向" + task.unit() + "发送催报提醒" : "该单位尚有未读的提醒，未重复发送");
        return "redirect:/supervision/tasks/" + id;
    }

    @PostMapping("/supervision/tasks/{id}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(@AuthenticationPrincipal HuiqiUser user, @PathVariable long id, @RequestParam Map<String, String> form,
                RedirectAttributes redirect) {
        TaskRecord task = store.task(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        TaskFormValidator.Edit e = validator.edit(task, form);
        if (!e.problems().isEmpty()) {
            redirect.addFlashAttribute("problems", e.problems());
            return "redirect:/supervision/tasks/" + id;
        }
        int changed = store.edit(id, e.targets(), e.deadline(), e.reason(), user.getUsername());
        redirect.addFlashAttribute("message", changed == 0 ? "没有改动" : "已修改 " + changed + " 项（已记入修改记录）");
        return "redirect:/supervision/tasks/" + id;
    }
}
