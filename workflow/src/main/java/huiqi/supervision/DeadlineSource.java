package huiqi.supervision;

import huiqi.rules.Labels;
/** Where a task's deadline came from, in the order the deadline rule tries them (docs/supervision.md). */
public enum DeadlineSource {
    TARGET_TEXT("目标表述中的时限"),
    MEASURE_TEXT("措施中的执行期限"),
    DOCUMENT_VALIDITY("文件有效期"),
    DOCUMENT_PERIOD("文件所述季度/年度"),
    ISSUE_YEAR("发文年度末"),
    EDITED("管理员修改");

    private final String label;

    DeadlineSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the label or the English name. */
    public static DeadlineSource parse(String s) {
        return Labels.parse(values(), DeadlineSource::label, s)
                .orElseThrow(() -> new IllegalArgumentException("未知的时限来源：" + s));
    }
}
