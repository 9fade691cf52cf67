package huiqi.enterprise;

import java.util.List;
import java.util.stream.Collectors;

/** An import was rejected as a whole; nothing was stored. Carries every problem found, not just the first. */
public final class ImportRejectedException extends RuntimeException {
    private final List<ImportProblem> problems;

    public ImportRejectedException(List<ImportProblem> problems) {
        super("导入被整体拒绝（未写入任何数据），共 " + problems.size() + " 个问题:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
