package huiqi.batch.duck;

import huiqi.testdata.DocumentedBoundaries;
import huiqi.testdata.PopulationGenerator;
import huiqi.enterprise.EnterpriseImporter;
import huiqi.enterprise.InMemoryEnterpriseStore;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.file.RuleFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The repository's real rule files and catalog, and generated populations, for the batch tests. */
public final class TestPopulation {
    public static final IndicatorCatalog CATALOG = RuleLibrary.catalog();
    public static final List<RuleFile> RULES = loadRules();

    private TestPopulation() {
    }

    private static List<RuleFile> loadRules() {
        Path dir = IndicatorCatalog.locate(Path.of("")).getParent().resolve("policies");
        RuleLibrary.Loaded l = RuleLibrary.load(dir, CATALOG);
        if (!l.ok()) {
            throw new IllegalStateException("规则文件有错误: " + l.problems());
        }
        return l.files();
    }

    public static PopulationGenerator generator(long seed) {
        return new PopulationGenerator(seed, CATALOG, new DocumentedBoundaries());
    }

    public static void generate(long n, long seed, Path dir) throws IOException {
        generator(seed).generate(n, dir, null);
    }

    /** The same files through the all-or-nothing importer, as the interpreter sees them. */
    public static InMemoryEnterpriseStore imported(Path dir) {
        InMemoryEnterpriseStore store = new InMemoryEnterpriseStore();
        new EnterpriseImporter(CATALOG, store).importFiles(List.of(dir.resolve("profiles.csv"), dir.resolve("facts.csv"),
                dir.resolve(huiqi.testdata.PopulationGenerator.ITEM_IMPORT_FILE)));
        return store;
    }
}
