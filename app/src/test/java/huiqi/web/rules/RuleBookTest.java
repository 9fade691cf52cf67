package huiqi.web.rules;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.enterprise.EnterpriseJson;
import huiqi.facts.IndicatorCatalog;
import huiqi.policy.PolicyLibrary;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.file.RuleFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one rule source: loaded once, the same until reload() swaps in what the files say now. */
class RuleBookTest {
    static final Path POLICIES = PolicyLibrary.locate().root();
    static final Path ROOT = POLICIES.toAbsolutePath().getParent();

    @TempDir
    Path dir;

    @Test
    void keepsItsRulesUntilReloadThenServesTheNewLibrary() throws IOException {
        IndicatorCatalog catalog = IndicatorCatalog.load(IndicatorCatalog.locate(ROOT));
        copy("fz-2024-2");
        RuleBook book = new RuleBook(catalog, dir.toString());
        RuleLibrary.Loaded before = book.current();
        assertThat(book.files()).extracting(RuleFile::docId).containsExactly("fz-2024-2");
        assertThat(book.problems()).isEmpty();

        copy("qt-2024-3");
        assertThat(book.files()).as("no reload yet: the files on disk are not read again")
                .extracting(RuleFile::docId).containsExactly("fz-2024-2");

        RuleLibrary.Loaded after = book.reload();
        assertThat(book.current()).isSameAs(after);
        assertThat(book.files()).extracting(RuleFile::docId).containsExactlyInAnyOrder("fz-2024-2", "qt-2024-3");
        assertThat(book.fileOf("qt-2024-3")).isPresent();
        assertThat(before.files()).as("a library read before the reload stays as it was").hasSize(1);
    }

    @Test
    void evaluatesAnEnterpriseAgainstEveryLoadedRule() throws IOException {
        IndicatorCatalog catalog = IndicatorCatalog.load(IndicatorCatalog.locate(ROOT));
        copy("fz-2024-2");
        RuleBook book = new RuleBook(catalog, dir.toString());
        String json = Files.readString(ROOT.resolve("docs/examples/enterprise-fz.json"));
        var evaluation = book.evaluate(EnterpriseJson.parse(json, "enterprise-fz.json", catalog));
        assertThat(evaluation.results()).extracting(r -> r.ruleId())
                .containsExactlyInAnyOrderElementsOf(book.rules().stream().map(r -> r.id()).toList());
    }

    private void copy(String docId) throws IOException {
        Path target = Files.createDirectories(dir.resolve(docId));
        try (Stream<Path> files = Files.list(POLICIES.resolve(docId))) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
    }
}
