package huiqi.web.supervision;

import huiqi.supervision.TaskStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Task counts by status for one group (a unit, a document, or all), with the completion rate. */
public record Tally(String key, String label, int total, Map<TaskStatus, Integer> counts) {

    public int count(TaskStatus s) {
        return counts.getOrDefault(s, 0);
    }

    public int completed() {
        return count(TaskStatus.COMPLETED);
    }

    public int behind() {
        return count(TaskStatus.BEHIND);
    }

    public int overdue() {
        return count(TaskStatus.OVERDUE);
    }

    public int inProgress() {
        return count(TaskStatus.IN_PROGRESS);
    }

    public int notStarted() {
        return count(TaskStatus.NOT_STARTED);
    }

    /** 完成率: completed / total in percent, one decimal (HALF_UP); 0 for an empty group. */
    public BigDecimal completionRate() {
        return total == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(completed() * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
    }

    static Tally of(String key, String label, List<TaskView> views) {
        Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
        views.forEach(v -> counts.merge(v.status(), 1, Integer::sum));
        return new Tally(key, label, views.size(), counts);
    }

    /** One tally per group, groups in first-seen order. */
    static List<Tally> by(List<TaskView> views, Function<TaskView, String> key, Function<TaskView, String> label) {
        Map<String, List<TaskView>> groups = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (TaskView v : views) {
            groups.computeIfAbsent(key.apply(v), k -> new ArrayList<>()).add(v);
            labels.putIfAbsent(key.apply(v), label.apply(v));
        }
        List<Tally> out = new ArrayList<>();
        groups.forEach((k, list) -> out.add(of(k, labels.get(k), list)));
        return out;
    }
}
