package huiqi.enterprise;

import java.util.List;
import java.util.stream.Collectors;

/** An import was rejected as a whole; nothing was stored. Carries every problem found, not just the first. */
public final class ImportRejectedException extends RuntimeException {
    /** The message lists this many; {@link #problems()} has them all (800,000 problems made a 100 MB message). */
    static final int SHOWN_IN_MESSAGE = 50;
    private final List<ImportProblem> problems;

    public ImportRejectedException(List<ImportProblem> problems) {
        super("导入被整体拒绝（未写入任何数据），共 " + problems.size() + " 个问题:\n"
                + problems.stream().limit(SHOWN_IN_MESSAGE).map(p -> "  " + p).collect(Collectors.joining("\n"))
                + (problems.size() > SHOWN_IN_MESSAGE ? "\n  ……（其余 " + (problems.size() - SHOWN_IN_MESSAGE) + " 个略）" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
