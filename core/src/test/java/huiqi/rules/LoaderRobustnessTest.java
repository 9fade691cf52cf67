package huiqi.rules;

import huiqi.rules.file.RuleLibrary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleFileLoader;
import huiqi.rules.file.RuleLoadException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A damaged rule file never escapes as anything but a RuleLoadException with positions. */
class LoaderRobustnessTest {
    private static final IndicatorCatalog CATALOG = RuleLibrary.catalog();
    private static final Path FZ = PoliciesCheckTest.repoRoot().resolve("policies/fz-2024-2");

    private static void loadMutated(String text) {
        try {
            loadMutatedFile(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String rulesText() {
        try {
            return Files.readString(FZ.resolve("rules.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void loadMutatedFile(String text) throws java.io.IOException {
        Path root = Files.createTempDirectory("huiqi-rules");
        Path dir = root.resolve("fz-2024-2");
        Files.createDirectories(dir);
        Files.copy(FZ.resolve("source.txt"), dir.resolve("source.txt"));
        Files.writeString(dir.resolve("rules.yaml"), text, StandardCharsets.UTF_8);
        try {
            new RuleFileLoader(CATALOG).load(dir.resolve("rules.yaml"));
        } catch (RuleLoadException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.pos().line()).isPositive();
                assertThat(p.pos().column()).isPositive();
                assertThat(p.message()).isNotBlank();
            });
        } finally {
            try (var walk = Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void droppingAnyLineFailsCleanlyOrStillLoads() {
        qt().withExamples(25).forAll(integers().between(0, 400)).checkAssert(which -> {
            List<String> lines = new ArrayList<>(rulesText().lines().toList());
            lines.remove(which % lines.size());
            loadMutated(String.join("\n", lines));
        });
    }

    @Test
    void truncatingAnywhereFailsCleanly() {
        qt().withExamples(25).forAll(integers().between(0, 20000)).checkAssert(at -> {
            String text = rulesText();
            loadMutated(text.substring(0, at % text.length()));
        });
    }

    @Test
    void replacingATokenFailsCleanly() {
        qt().withExamples(25).forAll(integers().between(0, 20000), integers().between(0, 7)).checkAssert((at, what) -> {
            String text = rulesText();
            String[] junk = {"[", "{", ": ", "\"", "- ", "万", "2024-13", "&x"};
            int i = at % text.length();
            loadMutated(text.substring(0, i) + junk[what] + text.substring(i));
        });
    }
}
