package huiqi.web.supervision;

import huiqi.supervision.StatusRule;
import huiqi.supervision.TaskTarget;
import huiqi.web.security.HuiqiUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    static final int MAX_ATTACHMENTS = 5;
    static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;
    static final int MAX_TEXT = 2000;

    private final TaskStore store;
    private final ReminderStore reminders;
    private final SupervisionViews views;

    TaskController(TaskStore store, ReminderStore reminders, SupervisionViews views) {
        this.store = store;
        this.reminders = reminders;
        this.views = views;
    }

    @GetMapping("/supervision/tasks")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER') or hasRole('SUPERVISOR')")
    String list(@AuthenticationPrincipal HuiqiUser user, @RequestParam(required = false) String document,
                @RequestParam(required = false) String unit, @RequestParam(required = false) String status,
                @RequestParam(required = false) String date,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        TaskFilter filter = TaskFilter.of(document, unit, status, date);
        List<TaskView> tasks = views.visible(user, filter);
        model.addAttribute("filter", filter);
        model.addAttribute("tasks", tasks);
        model.addAttribute("allUnits", SupervisionViews.seesAllUnits(user));
        model.addAttribute("units", SupervisionViews.seesAllUnits(user) ? store.units()
                : user.getUnit() == null ? List.of() : List.of(user.getUnit()));
        model.addAttribute("documents", store.documents());
        model.addAttribute("statuses", SupervisionViews.statusLabels());
        model.addAttribute("unread", user.getUnit() == null ? 0 : reminders.unreadCount(user.getUnit()));
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
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("reports", newestFirst);
        model.addAttribute("comments", store.comments(id));
        model.addAttribute("edits", store.edits(id));
        model.addAttribute("today", SupervisionViews.today());
        model.addAttribute("cycle", StatusRule.REPORTING_CYCLE_DAYS);
        model.addAttribute("canReport", user.getRole() == huiqi.web.security.Role.OFFICER
                && task.unit().equals(user.getUnit()));
        return "supervision/task";
    }

    @PostMapping("/supervision/tasks/{id}/reports")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER') and @supervisionAccess.canReport(#id)")
    String report(@AuthenticationPrincipal HuiqiUser user, @PathVariable long id,
                  @RequestParam Map<String, String> form,
                  @RequestParam(value = "files", required = false) List<MultipartFile> files,
                  RedirectAttributes redirect) {
        TaskRecord task = store.task(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<String> problems = new ArrayList<>();
        LocalDate reportedOn = null;
        try {
            reportedOn = LocalDate.parse(form.getOrDefault("reportedOn", "").strip());
            if (reportedOn.isAfter(SupervisionViews.today())) {
                problems.add("报送日期不能晚于今天");
            }
        } catch (DateTimeParseException e) {
            problems.add("请填写报送日期（如 2024-03-15）");
        }
        Map<Integer, BigDecimal> achieved = new LinkedHashMap<>();
        for (TaskTarget t : task.targets()) {
            String raw = form.getOrDefault("value" + t.index(), "").strip();
            if (raw.isEmpty()) {
                continue;
            }
            BigDecimal v = number(raw);
            if (v == null || v.signum() < 0) {
                problems.add("目标" + (t.index() + 1) + "的累计完成值须为不小于 0 的数字");
            } else {
                achieved.put(t.index(), v);
            }
        }
        BigDecimal percent = null;
        String rawPercent = form.getOrDefault("percent", "").strip();
        if (!rawPercent.isEmpty()) {
            percent = number(rawPercent);
            if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.add("完成进度须为 0 到 100 之间的数字");
                percent = null;
            }
        }
        if (achieved.isEmpty() && percent == null) {
            problems.add("请填写至少一项目标的累计完成值或完成进度");
        }
        String narrative = form.getOrDefault("narrative", "").strip();
        if (narrative.isEmpty()) {
            problems.add("请填写工作进展情况");
        } else if (narrative.length() > MAX_TEXT) {
            problems.add("工作进展情况不超过 " + MAX_TEXT + " 字");
        }
        List<TaskStore.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (f.isEmpty()) {
                continue;
            }
            if (f.getSize() > MAX_ATTACHMENT_BYTES) {
                problems.add("附件 " + f.getOriginalFilename() + " 超过 10MB");
                continue;
            }
            try {
                String name = f.getOriginalFilename() == null ? "附件" : f.getOriginalFilename()
                        .replaceAll("[\\\\/\\r\\n\"]", "_");
                uploads.add(new TaskStore.Upload(name, f.getContentType(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (uploads.size() > MAX_ATTACHMENTS) {
            problems.add("附件最多 " + MAX_ATTACHMENTS + " 个");
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problems", problems);
            redirect.addFlashAttribute("form", form);
            return "redirect:/supervision/tasks/" + id;
        }
        store.addReport(id, reportedOn, achieved, percent, narrative, user.getUsername(), uploads);
        redirect.addFlashAttribute("message", "进展已报送");
        return "redirect:/supervision/tasks/" + id;
    }

    @GetMapping("/supervision/attachments/{id}")
    @PreAuthorize("(hasAnyRole('ADMIN','OFFICER') or hasRole('SUPERVISOR')) and @supervisionAccess.canSeeAttachment(#id)")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        TaskStore.Attachment a = store.attachment(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(a.content());
    }

    @PostMapping("/supervision/tasks/{id}/comments")
    @PreAuthorize("(hasAnyRole('ADMIN','OFFICER') or hasRole('SUPERVISOR')) and @supervisionAccess.canSee(#id)")
    String comment(@AuthenticationPrincipal HuiqiUser user, @PathVariable long id, @RequestParam String body,
                   RedirectAttributes redirect) {
        String text = body.strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            redirect.addFlashAttribute("problems", List.of("意见内容不能为空，且不超过 " + MAX_TEXT + " 字"));
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
        if (text.length() > MAX_TEXT) {
            redirect.addFlashAttribute("problems", List.of("提醒内容不超过 " + MAX_TEXT + " 字"));
            return "redirect:/supervision/tasks/" + id;
        }
        var view = views.view(task, store.reports(id), SupervisionViews.today());
        boolean sent = reminders.send(id, task.unit(), text, view.assessment().nextReportDue(), user.getUsername());
        redirect.addFlashAttribute("message", sent ? "已向" + task.unit() + "发送催报提醒" : "该单位尚有未读的提醒，未重复发送");
        return "redirect:/supervision/tasks/" + id;
    }

    @PostMapping("/supervision/tasks/{id}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(@AuthenticationPrincipal HuiqiUser user, @PathVariable long id, @RequestParam Map<String, String> form,
                RedirectAttributes redirect) {
        TaskRecord task = store.task(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<String> problems = new ArrayList<>();
        LocalDate deadline = null;
        try {
            deadline = LocalDate.parse(form.getOrDefault("deadline", "").strip());
        } catch (DateTimeParseException e) {
            problems.add("请填写截止日期（如 2024-03-31）");
        }
        List<TaskTarget> targets = new ArrayList<>();
        for (TaskTarget t : task.targets()) {
            String raw = form.getOrDefault("quantity" + t.index(), "").strip();
            BigDecimal q = raw.isEmpty() ? null : number(raw);
            if (!raw.isEmpty() && (q == null || q.signum() < 0)) {
                problems.add("目标" + (t.index() + 1) + "的数值须为不小于 0 的数字");
            }
            String unit = form.getOrDefault("unit" + t.index(), t.unit() == null ? "" : t.unit()).strip();
            String cmp = form.getOrDefault("comparator" + t.index(), t.comparator() == null ? "" : t.comparator()).strip();
            if (!cmp.isEmpty() && !List.of(">=", ">", "<=", "<", "=", "~").contains(cmp)) {
                problems.add("目标" + (t.index() + 1) + "的比较方式无效");
            }
            targets.add(new TaskTarget(t.index(), t.text(), q, unit.isEmpty() ? null : unit, cmp.isEmpty() ? null : cmp,
                    t.deadline()));
        }
        String reason = form.getOrDefault("reason", "").strip();
        if (reason.isEmpty() || reason.length() > MAX_TEXT) {
            problems.add("请填写修改理由（不超过 " + MAX_TEXT + " 字）");
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problems", problems);
            return "redirect:/supervision/tasks/" + id;
        }
        int changed = store.edit(id, targets, deadline, reason, user.getUsername());
        redirect.addFlashAttribute("message", changed == 0 ? "没有改动" : "已修改 " + changed + " 项（已记入修改记录）");
        return "redirect:/supervision/tasks/" + id;
    }

    private static BigDecimal number(String raw) {
        try {
            return new BigDecimal(raw.replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
