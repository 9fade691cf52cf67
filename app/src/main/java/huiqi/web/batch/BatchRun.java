package huiqi.web.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** One 批量免申即享 run as stored in batch_run: what was asked, how far it got and how long each stage took. */
public record BatchRun(long id, String docId, LocalDate asOf, String overrides, String budgetPayer,
                       BigDecimal budgetAmount, String budgetMethod, String status, int progress, String stage,
                       String error, String startedBy, OffsetDateTime createdAt, OffsetDateTime startedAt,
                       OffsetDateTime finishedAt, Long enterprises, Integer rules, Timings timings,
                       OffsetDateTime detailsDroppedAt) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    /** Milliseconds per stage (null until the stage ran). */
    public record Timings(Long export, Long load, Long evaluate, Long whatIf, Long budget, Long store) {
        public Long total() {
            long sum = 0;
            boolean any = false;
            for (Long l : Arrays.asList(export, load, evaluate, whatIf, budget, store)) {
                if (l != null) {
                    sum += l;
                    any = true;
                }
            }
            return any ? sum : null;
        }
    }

    public boolean finished() {
        return DONE.equals(status) || FAILED.equals(status);
    }

    public boolean done() {
        return DONE.equals(status);
    }

    /** The retention setting dropped this run's per-enterprise rows; its summaries remain. */
    public boolean detailsDropped() {
        return detailsDroppedAt != null;
    }

    public boolean hasWhatIf() {
        return overrides != null && !overrides.isBlank();
    }

    public boolean hasBudget() {
        return budgetAmount != null;
    }

    public List<String> overrideLines() {
        return overrides == null || overrides.isBlank() ? List.of() : List.of(overrides.split("\n"));
    }

    public String statusLabel() {
        return switch (status) {
            case QUEUED -> "排队中";
            case RUNNING -> "运行中";
            case DONE -> "已完成";
            case FAILED -> "失败";
            default -> status;
        };
    }

    public String scope() {
        return docId == null ? "全部文件" : docId;
    }

    public String methodLabel() {
        return budgetMethod == null ? "" : BatchRunSpec.methodLabel(budgetMethod);
    }
}
