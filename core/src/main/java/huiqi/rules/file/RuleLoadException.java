package huiqi.rules.file;

import java.util.List;
import java.util.stream.Collectors;

/** A rule file failed to load; carries every problem found, each with file:line:column. */
public final class RuleLoadException extends RuntimeException {
    private final List<RuleProblem> problems;

    public RuleLoadException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public RuleLoadException(SourcePos pos, String message) {
        this(List.of(new RuleProblem(pos, message)));
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
