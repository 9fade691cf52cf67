package huiqi.web.supervision;

import java.util.List;

/** A progress report sent to the API that the validator refused: every reason, in Chinese. */
public class ReportRejected extends RuntimeException {
    private final List<String> problems;

    ReportRejected(List<String> problems) {
        super("进展报送未通过校验：" + String.join("；", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
