package huiqi.supervision;

import huiqi.rules.Labels;
/** The five states of a 督查任务; see {@link StatusRule} for how one is chosen. */
public enum TaskStatus {
    NOT_STARTED("未开始"),
    IN_PROGRESS("推进中"),
    COMPLETED("已完成"),
    BEHIND("滞后"),
    OVERDUE("逾期");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the label or the English name. */
    public static TaskStatus parse(String s) {
        return Labels.parse(values(), TaskStatus::label, s)
                .orElseThrow(() -> new IllegalArgumentException("未知的任务状态：" + s));
    }
}
