package huiqi.rules.file;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.facts.IndicatorCatalog;
import huiqi.rules.PoliciesCheckTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A rule file given as text with the policy's text (a version stored in the platform's database) loads exactly as
 * the same file on disk, and its quotes are checked against the text given, not against any file.
 */
class StoredRuleTextTest {
    static final Path POLICIES = PoliciesCheckTest.repoRoot().resolve("policies");

    @Test
    void theSameTextLoadsAsTheFileOnDisk() throws Exception {
        IndicatorCatalog catalog = RuleLibrary.catalog();
        for (Path file : RuleFileLoader.findRuleFiles(POLICIES)) {
            String yaml = Files.readString(file, StandardCharsets.UTF_8);
            String source = Files.readString(file.resolveSibling("source.txt"), StandardCharsets.UTF_8);
            RuleLibrary.Loaded stored = RuleLibrary.loadText(file, yaml, source, catalog);
            RuleFile onDisk = new RuleFileLoader(catalog).load(file);
            assertThat(stored.problems()).as(file.toString()).isEmpty();
            assertThat(stored.files()).singleElement().satisfies(f -> {
                assertThat(f.docId()).isEqualTo(onDisk.docId());
                assertThat(f.rules()).extracting(Rule::id).isEqualTo(onDisk.rules().stream().map(Rule::id).toList());
                assertThat(f.parameters().keySet()).isEqualTo(onDisk.parameters().keySet());
            });
        }
    }

    @Test
    void quotesAreCheckedAgainstTheGivenTextWithTheirPosition() throws Exception {
        Path file = POLICIES.resolve("fz-2024-2/rules.yaml");
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        String source = Files.readString(file.resolveSibling("source.txt"), StandardCharsets.UTF_8)
                .replace("按实际用电量给予0.02元/千瓦时", "按实际用电量给予0.05元/千瓦时");
        RuleLibrary.Loaded stored = RuleLibrary.loadText(Path.of("/nowhere/fz-2024-2/rules.yaml"), yaml, source,
                RuleLibrary.catalog());
        int quoteLine = lineOf(yaml, "按实际用电量给予0.02元/千瓦时");
        assertThat(stored.files()).isEmpty();
        assertThat(stored.problems()).anySatisfy(p -> {
            assertThat(p.pos().file()).isEqualTo("/nowhere/fz-2024-2/rules.yaml");
            assertThat(p.pos().line()).isEqualTo(quoteLine);
        });
    }

    /** The 1-based line of the rule file holding the quote (its place moves as the file is edited). */
    private static int lineOf(String yaml, String quoted) {
        int at = yaml.indexOf(quoted);
        assertThat(at).as("the rule file quotes " + quoted).isNotNegative();
        return (int) yaml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
