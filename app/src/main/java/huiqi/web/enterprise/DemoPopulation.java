package huiqi.web.enterprise;

import huiqi.app.StartupStep;
import huiqi.testdata.DocumentedBoundaries;
import huiqi.testdata.PopulationGenerator;
import huiqi.enterprise.EnterpriseImporter;
import huiqi.enterprise.ImportResult;
import huiqi.facts.IndicatorCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode, first start only (no enterprise stored yet): the testdata module's synthetic Fujian population
 * (including the rule-boundary scenarios), written as CSV and imported through the same all-or-nothing
 * importer as any department's file.
 */
@Component
@Order(50)
public class DemoPopulation implements StartupStep {
    static final long SEED = 2024;

    private final IndicatorCatalog catalog;
    private final PgEnterpriseStore store;
    private final JdbcClient jdbc;
    private final long size;

    public DemoPopulation(IndicatorCatalog catalog, PgEnterpriseStore store, JdbcClient jdbc,
                          @Value("${huiqi.demo.enterprises}") long size) {
        this.catalog = catalog;
        this.store = store;
        this.jdbc = jdbc;
        this.size = size;
    }

    @Override
    public List<String> run(boolean demo) {
        if (!demo) {
            return List.of();
        }
        if (jdbc.sql("select count(*) from enterprise").query(Long.class).single() > 0) {
            return List.of("企业库：已有数据，不重复生成演示企业");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("huiqi-demo-");
            long started = System.nanoTime();
            new PopulationGenerator(SEED, catalog, new DocumentedBoundaries()).generate(size, dir, null);
            ImportResult r = new EnterpriseImporter(catalog, store)
                    .importFiles(List.of(dir.resolve("profiles.csv"), dir.resolve("facts.csv"),
                            dir.resolve(PopulationGenerator.ITEM_IMPORT_FILE)));
            jdbc.sql("update enterprise set demo = true").update(); // the table was empty: every row is generated
            long ms = (System.nanoTime() - started) / 1_000_000;
            return List.of("企业库：已生成演示企业 " + r.profiles() + " 户、指标数据 " + r.facts() + " 条（" + ms + " ms）");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a leftover temp directory is harmless
                }
            }
        }
    }
}
