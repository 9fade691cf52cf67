package huiqi.web.facts;

import java.util.List;

/** A batch refused as a whole, nothing stored: malformed (400) or with invalid items (422). */
public class FactBatchRejected extends RuntimeException {
    private final boolean malformed;
    private final List<FactBatchProblem> problems;

    FactBatchRejected(boolean malformed, List<FactBatchProblem> problems) {
        super(problems.size() + " 处错误，整批未入库");
        this.malformed = malformed;
        this.problems = List.copyOf(problems);
    }

    public boolean malformed() {
        return malformed;
    }

    public List<FactBatchProblem> problems() {
        return problems;
    }
}
