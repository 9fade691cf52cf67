package huiqi.web.rules.editor;

import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The seed policy fz-2024-2 (rules.yaml and source.txt) and the catalog, as the editor's services see them. */
final class EditorFixtures {
    static final IndicatorCatalog CATALOG = RuleLibrary.catalog();
    static final String POLICY = "fz-2024-2";
    static final String YAML = read("rules.yaml");
    static final String SOURCE = read("source.txt");

    private EditorFixtures() {
    }

    static RuleEditing editing() {
        return new RuleEditing(new RuleTextLoader(CATALOG), CATALOG);
    }

    private static String read(String name) {
        try {
            return Files.readString(policies().resolve(POLICY).resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path policies() {
        return IndicatorCatalog.locate(Path.of("")).toAbsolutePath().getParent().resolve("policies");
    }
}
