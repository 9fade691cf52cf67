package huiqi.web.supervision;

import huiqi.supervision.TaskTarget;
import huiqi.web.security.HuiqiUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST API of 督查 (/api/v1/supervision): the task list with the page's filters and paging, one task, its progress
 * reports, and a progress report. Thin over the services the pages use (same views, same validator, same row rules).
 */
@RestController
@RequestMapping("/api/v1/supervision")
@Tag(name = "督查", description = "督查任务、进展报送")
class SupervisionApiController {
    static final int MAX_PAGE_SIZE = 200;

    private final TaskStore store;
    private final SupervisionViews views;
    private final TaskFormValidator validator;

    SupervisionApiController(TaskStore store, SupervisionViews views, TaskFormValidator validator) {
        this.store = store;
        this.views = views;
        this.validator = validator;
    }

    /** A task on the chosen date, as the list shows it. */
    record TaskSummary(long id, String documentId, String document, int measureNumber, String measureTitle, String unit,
                       String role, LocalDate start, LocalDate deadline, String status, BigDecimal progressPercent,
                       BigDecimal expectedPercent, LocalDate lastReportedOn, LocalDate nextReportDue, boolean reportDue,
                       boolean atRisk) {
        static TaskSummary of(TaskView v) {
            TaskRecord t = v.task();
            return new TaskSummary(t.id(), t.documentId(), t.docLabel(), t.measureNumber(), t.measureTitle(), t.unit(),
                    t.role().label(), t.start(), t.deadline(), v.statusLabel(), v.progressPercent(), v.expectedPercent(),
                    v.lastReportedOn(), v.assessment().nextReportDue(), v.assessment().reportDue(), v.assessment().atRisk());
        }
    }

    record TaskPage(long total, int page, int size, List<TaskSummary> tasks) {
    }

    record TaskDetail(TaskSummary summary, String sourceText, List<TaskTarget> targets, String deadlineSource) {
    }

    /** achieved: target index (0-based, as in {@code targets[].index}) → cumulative value; numbers may be given as text. */
    record ReportRequest(String reportedOn, Map<Integer, String> achieved, String percent, String narrative) {
    }

    @Operation(summary = "督查任务列表（筛选同督查任务页面；部门经办只见本单位），按页返回",
            description = "status 为状态名称（已完成、推进中、未启动、滞后、逾期）；date 为截至日期，缺省为今天；page 从 1 起，size 最大 200")
    @GetMapping("/tasks")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER') or hasRole('SUPERVISOR')")
    TaskPage tasks(@AuthenticationPrincipal HuiqiUser user, @RequestParam(required = false) String document,
                   @RequestParam(required = false) String unit, @RequestParam(required = false) String status,
                   @RequestParam(required = false) LocalDate date, @RequestParam(defaultValue = "1") int page,
                   @RequestParam(defaultValue = "50") int size) {
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page 应从 1 起，size 应为 1 到 " + MAX_PAGE_SIZE);
        }
        if (status != null && !status.isBlank() && !SupervisionViews.statusLabels().contains(status.strip())) {
            throw new IllegalArgumentException("status 应为 " + String.join("、", SupervisionViews.statusLabels()) + " 之一");
        }
        List<TaskView> all = views.visible(user, TaskFilter.of(document, unit, status, date == null ? null : date.toString()));
        int from = (int) Math.min(all.size(), (long) (page - 1) * size);
        List<TaskSummary> rows = all.subList(from, Math.min(all.size(), from + size)).stream().map(TaskSummary::of).toList();
        return new TaskPage(all.size(), page, size, rows);
    }

    @Operation(summary = "一项督查任务：量化目标、时限、当前状态与进度（date 为截至日期，缺省为今天）")
    @GetMapping("/tasks/{id}")
    @PreAuthorize("(hasAnyRole('ADMIN','OFFICER') or hasRole('SUPERVISOR')) and @supervisionAccess.canSee(#id)")
    TaskDetail task(@PathVariable long id, @RequestParam(required = false) LocalDate date) {
        TaskRecord t = task(id);
        TaskView v = views.view(t, store.reports(id), date == null ? SupervisionViews.today() : date);
        return new TaskDetail(TaskSummary.of(v), t.sourceText(), t.targets(), t.deadlineSource());
    }

    @Operation(summary = "该任务的进展报送（按报送日期）")
    @GetMapping("/tasks/{id}/reports")
    @PreAuthorize("(hasAnyRole('ADMIN','OFFICER') or hasRole('SUPERVISOR')) and @supervisionAccess.canSee(#id)")
    List<ReportRecord> reports(@PathVariable long id) {
        task(id);
        return store.reports(id);
    }

    @Operation(summary = "报送进展（责任单位的部门经办）",
            description = "与页面同样校验：报送日期不晚于今天、不早于 2000 年；至少一项目标的累计完成值或完成进度（0–100）；"
                    + "工作进展情况必填。不通过时 422，problems 列出全部原因")
    @ApiResponse(responseCode = "201", description = "已保存的报送")
    @ApiResponse(responseCode = "422", description = "校验未通过，problems 列出全部原因",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping("/tasks/{id}/reports")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER') and @supervisionAccess.canReport(#id)")
    ResponseEntity<ReportRecord> report(@AuthenticationPrincipal HuiqiUser user, @PathVariable long id,
                                        @RequestBody ReportRequest r) {
        TaskRecord t = task(id);
        Map<String, String> form = new HashMap<>();
        put(form, "reportedOn", r.reportedOn());
        put(form, "percent", r.percent());
        put(form, "narrative", r.narrative());
        if (r.achieved() != null) {
            r.achieved().forEach((index, value) -> put(form, "value" + index, value));
        }
        TaskFormValidator.Report checked = validator.report(t, form, List.of());
        if (!checked.problems().isEmpty()) {
            throw new ReportRejected(checked.problems());
        }
        long reportId = store.addReport(id, checked.reportedOn(), checked.achieved(), checked.percent(), checked.narrative(),
                user.getUsername(), List.of());
        ReportRecord stored = store.reports(id).stream().filter(x -> x.id() == reportId).findFirst().orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(stored);
    }

    private TaskRecord task(long id) {
        return store.task(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "督查任务不存在"));
    }

    private static void put(Map<String, String> form, String name, String value) {
        if (value != null) {
            form.put(name, value);
        }
    }
}
