package huiqi.web.supervision;

import huiqi.supervision.TaskStatus;
import huiqi.web.security.HuiqiUser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** 督查看板 for 督查室 and 管理员: by document, unit and status, overdue and at-risk lists, and the 督查通报 export. */
@Controller
class BoardController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** The overdue and at-risk lists show this many tasks; the task list shows them all. */
    static final int LIST_LIMIT = 20;

    private final SupervisionViews views;
    private final TaskStore store;

    BoardController(SupervisionViews views, TaskStore store) {
        this.views = views;
        this.store = store;
    }

    @GetMapping("/supervision/dashboard")
    @PreAuthorize("hasRole('ADMIN') or hasRole('SUPERVISOR')")
    String dashboard(@AuthenticationPrincipal HuiqiUser user, @RequestParam(required = false) String document,
                     @RequestParam(required = false) String date, @RequestParam(required = false) String period,
                     @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(required = false) String government, Model model) {
        TaskFilter filter = TaskFilter.of(document, null, null, date, period, from, to, government);
        List<TaskView> tasks = views.visible(user, filter);
        Tally total = Tally.of("", "合计", tasks);
        List<Tally> units = byUnit(tasks);
        List<Tally> documents = Tally.by(tasks, v -> v.task().documentId(), v -> v.task().docLabel());
        model.addAttribute("filter", filter);
        model.addAttribute("documents", store.documents());
        model.addAttribute("total", total);
        model.addAttribute("units", units);
        model.addAttribute("byDocument", documents);
        model.addAttribute("byGovernment", byGovernment(tasks));
        model.addAttribute("governments",
                FilterChoices.of(views.visible(user, TaskFilter.of(null, null, null, date))).governments());
        List<TaskView> overdue = byDeadline(tasks.stream().filter(v -> v.status() == TaskStatus.OVERDUE).toList());
        List<TaskView> atRisk = byDeadline(tasks.stream().filter(v -> v.assessment().atRisk()).toList());
        model.addAttribute("overdueCount", overdue.size());
        model.addAttribute("overdue", overdue.subList(0, Math.min(LIST_LIMIT, overdue.size())));
        model.addAttribute("atRiskCount", atRisk.size());
        model.addAttribute("atRisk", atRisk.subList(0, Math.min(LIST_LIMIT, atRisk.size())));
        model.addAttribute("listLimit", LIST_LIMIT);
        model.addAttribute("reportDue", tasks.stream().filter(v -> v.assessment().reportDue()).count());
        model.addAttribute("statusChart", statusChart(total));
        model.addAttribute("unitChart", stacked(units.subList(0, Math.min(15, units.size()))));
        model.addAttribute("documentChart", stacked(documents));
        return "supervision/dashboard";
    }

    @GetMapping("/supervision/export.xlsx")
    @PreAuthorize("hasRole('ADMIN') or hasRole('SUPERVISOR')")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal HuiqiUser user,
                                  @RequestParam(required = false) String document,
                                  @RequestParam(required = false) String unit,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String date,
                                  @RequestParam(required = false) String period,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String government) {
        TaskFilter filter = TaskFilter.of(document, unit, status, date, period, from, to, government);
        List<TaskView> tasks = views.visible(user, filter);
        byte[] xlsx = BulletinExport.write(filter.date(), tasks, byUnit(tasks), Tally.of("", "合计", tasks),
                store.latestComments());
        String name = "督查通报-" + filter.date() + ".xlsx";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(XLSX).body(xlsx);
    }

    private static String unitKey(TaskView v) {
        return v.task().unitId() != null ? v.task().unitId() : v.task().unit();
    }

    /** Tasks per government (the government of each task's unit). */
    static List<Tally> byGovernment(List<TaskView> tasks) {
        return Tally.by(tasks, v -> v.task().governmentKey() == null ? "" : v.task().governmentKey(),
                v -> v.task().governmentName());
    }

    private static List<TaskView> byDeadline(List<TaskView> tasks) {
        return tasks.stream().sorted(Comparator.comparing((TaskView v) -> v.task().deadline(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(v -> v.task().id())).toList();
    }

    /**
     * Units with the most unfinished work first, grouped by directory unit id (an unresolved mention by its
     * spelling); a label two units share ("区工信局" of two districts) carries its government's name.
     */
    static List<Tally> byUnit(List<TaskView> tasks) {
        Map<String, java.util.Set<String>> keysByLabel = new LinkedHashMap<>();
        tasks.forEach(v -> keysByLabel.computeIfAbsent(v.task().unit(), k -> new java.util.HashSet<>()).add(unitKey(v)));
        List<Tally> units = new ArrayList<>(Tally.by(tasks, BoardController::unitKey,
                v -> keysByLabel.get(v.task().unit()).size() > 1
                        ? v.task().unit() + "（" + v.task().governmentName() + "）" : v.task().unit()));
        units.sort(Comparator.comparingInt((Tally t) -> t.overdue() + t.behind()).reversed()
                .thenComparing(Comparator.comparingInt(Tally::total).reversed()).thenComparing(Tally::label));
        return units;
    }

    private static String statusChart(Tally total) {
        List<String> labels = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (TaskStatus s : TaskStatus.values()) {
            labels.add(s.label());
            values.add(total.count(s));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "pie");
        spec.put("labels", labels);
        spec.put("values", values);
        return JSON.writeValueAsString(spec);
    }

    /** A stacked bar chart: one bar per group, one stack segment per status. */
    private static String stacked(List<Tally> groups) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (TaskStatus s : TaskStatus.values()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", s.label());
            one.put("values", groups.stream().map(g -> g.count(s)).toList());
            series.add(one);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "stacked");
        spec.put("labels", groups.stream().map(Tally::label).toList());
        spec.put("series", series);
        return JSON.writeValueAsString(spec);
    }

}
