package huiqi.rules.file;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every problem of one rule file, collected instead of stopping at the first (as cel-java collects issues):
 * each step runs in {@link #attempt}, a failing step is recorded with its position and loading goes on with
 * the next independent step. The same problem is kept once. A step that fails only because something it
 * needs already failed throws {@link Dependent}: the step counts as failed but nothing new is reported.
 */
final class Problems {
    /** Thrown where an earlier, already reported problem makes this step impossible. */
    static final class Dependent extends RuntimeException {
        Dependent() {
            super("依赖的内容有错误（已在别处报告）", null, false, false);
        }
    }

    private final Set<RuleProblem> all = new LinkedHashSet<>();
    private int failures;

    void error(SourcePos pos, String message) {
        all.add(new RuleProblem(pos, message, Severity.ERROR));
        failures++;
    }

    void warning(SourcePos pos, String message) {
        all.add(new RuleProblem(pos, message, Severity.WARNING));
    }

    /** Runs a step; a problem is recorded and the step's result is empty. */
    <T> Optional<T> attempt(Supplier<T> step) {
        try {
            return Optional.ofNullable(step.get());
        } catch (YamlDoc.Problem p) {
            error(p.pos, p.getMessage());
        } catch (Dependent d) {
            failures++;
        }
        return Optional.empty();
    }

    void run(Runnable step) {
        attempt(() -> {
            step.run();
            return null;
        });
    }

    /** Errors reported plus dependent failures so far; a step failed if this grew while it ran. */
    int failures() {
        return failures;
    }

    boolean hasErrors() {
        return all.stream().anyMatch(RuleProblem::isError);
    }

    List<RuleProblem> list() {
        return new ArrayList<>(all);
    }
}
