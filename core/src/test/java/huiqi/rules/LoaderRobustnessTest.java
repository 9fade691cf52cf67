package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleFileLoader;
import huiqi.rules.file.RuleLoadException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A damaged rule file never escapes as anything but a RuleLoadException with positions. */
class LoaderRobustnessTest {
    private static final IndicatorCatalog CATALOG = RuleLibrary.catalog();
    private static final Path FZ = PoliciesCheckTest.repoRoot().resolve("policies/fz-2024-2");

    private static void loadMutated(String text) throws Exception {
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

    @Property(tries = 25)
    void droppingAnyLineFailsCleanlyOrStillLoads(@ForAll @IntRange(min = 0, max = 400) int which) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(FZ.resolve("rules.yaml")));
        lines.remove(which % lines.size());
        loadMutated(String.join("\n", lines));
    }

    @Property(tries = 25)
    void truncatingAnywhereFailsCleanly(@ForAll @IntRange(min = 0, max = 20000) int at) throws Exception {
        String text = Files.readString(FZ.resolve("rules.yaml"));
        loadMutated(text.substring(0, at % text.length()));
    }

    @Property(tries = 25)
    void replacingATokenFailsCleanly(@ForAll @IntRange(min = 0, max = 20000) int at,
                                     @ForAll @IntRange(min = 0, max = 7) int what) throws Exception {
        String text = Files.readString(FZ.resolve("rules.yaml"));
        String[] junk = {"[", "{", ": ", "\"", "- ", "万", "2024-13", "&x"};
        int i = at % text.length();
        loadMutated(text.substring(0, i) + junk[what] + text.substring(i));
    }
}
