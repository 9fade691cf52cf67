package huiqi.web.supervision;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sortable columns of the 督查任务 list (statuses are derived per date, so the list sorts in memory). */
final class TaskSorts {
    static final Map<String, Comparator<TaskView>> BY_KEY = new LinkedHashMap<>();

    static {
        BY_KEY.put("document", Comparator.comparing((TaskView v) -> v.task().docLabel())
                .thenComparingInt(v -> v.task().measureNumber()));
        BY_KEY.put("unit", Comparator.comparing((TaskView v) -> v.task().unit()));
        BY_KEY.put("deadline", Comparator.comparing((TaskView v) -> v.task().deadline(),
                Comparator.nullsLast(Comparator.<LocalDate>naturalOrder())));
        BY_KEY.put("progress", Comparator.comparing(TaskView::progressPercent));
        BY_KEY.put("status", Comparator.comparing(TaskView::status));
        BY_KEY.put("reported", Comparator.comparing(TaskView::lastReportedOn,
                Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder())));
    }

    private TaskSorts() {
    }
}
