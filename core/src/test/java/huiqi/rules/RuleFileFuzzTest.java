package huiqi.rules;

import huiqi.rules.file.RuleLibrary;

import com.code_intelligence.jazzer.junit.FuzzTest;
import huiqi.facts.IndicatorCatalog;
import huiqi.fuzzing.Fuzzing;
import huiqi.rules.file.RuleFileLoader;
import huiqi.rules.file.RuleLoadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz target of the rule-file loader (issue #15): any bytes as policies/fz-2024-2/rules.yaml, next to that
 * policy's real source.txt. Documented behaviour: a {@code RuleFile} or a {@link RuleLoadException} whose every
 * problem has a line, a column (both from 1) and a message.
 */
class RuleFileFuzzTest {
    private static final String DOC = "fz-2024-2";
    private static final IndicatorCatalog CATALOG = RuleLibrary.catalog();
    private static final Path RULES = policyFolder();

    @FuzzTest(maxExecutions = Fuzzing.INPUTS, maxDuration = Fuzzing.MAX_DURATION)
    void rulesYaml(byte[] input) throws Exception {
        Files.write(RULES, input);
        Fuzzing.withinTime("RuleFileLoader.load", () -> {
            try {
                new RuleFileLoader(CATALOG).load(RULES);
            } catch (RuleLoadException e) {
                if (e.problems().isEmpty()) {
                    throw new AssertionError("RuleLoadException without problems", e);
                }
                e.problems().forEach(p -> {
                    if (p.pos().line() < 1 || p.pos().column() < 1 || p.message() == null || p.message().isBlank()) {
                        throw new AssertionError("problem without a position or message: " + p, e);
                    }
                });
            }
        });
    }

    /** A scratch policies/fz-2024-2/ holding the real source.txt; the fuzzed rules.yaml is written beside it. */
    private static Path policyFolder() {
        try {
            Path source = IndicatorCatalog.locate(Path.of("")).getParent().resolve("policies").resolve(DOC).resolve("source.txt");
            Path dir = Fuzzing.scratchDirectory("huiqi-fuzz-rules").resolve(DOC);
            Files.createDirectories(dir);
            Files.copy(source, dir.resolve("source.txt"));
            dir.toFile().deleteOnExit();
            dir.resolve("source.txt").toFile().deleteOnExit();
            dir.resolve("rules.yaml").toFile().deleteOnExit();
            return dir.resolve("rules.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
