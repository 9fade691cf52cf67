package huiqi.bench;

import huiqi.testdata.DocumentedBoundaries;
import huiqi.testdata.PopulationGenerator;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.file.RuleFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rule files of the three seed documents ({@link #DOCUMENTS}; the hand loop and the DRL files encode exactly
 * their 24 rules, so documents added to policies/ later stay out) and the catalog, and a generated population of N
 * enterprises: its CSV files (profiles.csv + long facts.csv) are written once under the cache directory and reused.
 */
public final class Workload {
    public static final long SEED = 20240601L;
    /** The documents the bench compares: the seeds that HandLoopWay and the Drools files are written for. */
    public static final List<String> DOCUMENTS = List.of("fz-2024-2", "gl-2023-1", "qt-2024-3");

    public final IndicatorCatalog catalog;
    public final List<RuleFile> rules;
    public final PopulationGenerator generator;

    public Workload() {
        catalog = RuleLibrary.catalog();
        Path dir = IndicatorCatalog.locate(Path.of("")).getParent().resolve("policies");
        RuleLibrary.Loaded l = RuleLibrary.load(dir, catalog);
        if (!l.ok()) {
            throw new IllegalStateException("规则文件有错误: " + l.problems());
        }
        rules = l.files().stream().filter(f -> DOCUMENTS.contains(f.docId())).toList();
        if (rules.size() != DOCUMENTS.size()) {
            throw new IllegalStateException("policies/ 中缺少基准文件：应有 " + DOCUMENTS + "，实有 "
                    + rules.stream().map(RuleFile::docId).toList());
        }
        generator = new PopulationGenerator(SEED, catalog, new DocumentedBoundaries());
    }

    public List<String> ruleIds() {
        return rules.stream().flatMap(f -> f.rules().stream()).map(r -> r.id()).toList();
    }

    /** The population's CSV directory under {@code cache}, generated when missing. */
    public Path population(long n, Path cache) throws IOException {
        Path dir = cache.resolve("seed" + SEED + "-n" + n);
        if (!Files.exists(dir.resolve("done"))) {
            generator.generate(n, dir, null);
            Files.writeString(dir.resolve("done"), "");
        }
        return dir;
    }
}
