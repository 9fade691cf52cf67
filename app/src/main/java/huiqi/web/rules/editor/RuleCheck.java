package huiqi.web.rules.editor;

import java.util.List;

/**
 * What the editor shows after each change: the problems (each at its line:column and, where it belongs to a form
 * field, at the character inside it), every example test's outcome, and how many questions are still open.
 */
public record RuleCheck(boolean loads, List<Problem> problems, List<TestOutcome> tests, int openQuestions) {

    public record Problem(int line, int column, String severity, String message, String field, int offset) {
    }

    /** One example test: passed or what differed; {@code field} is the test's key in the form. */
    public record TestOutcome(String name, int line, boolean passed, List<String> failures, String field) {
    }

    public long errors() {
        return problems.stream().filter(p -> "错误".equals(p.severity())).count();
    }

    public long failedTests() {
        return tests.stream().filter(t -> !t.passed()).count();
    }
}
