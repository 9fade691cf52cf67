package huiqi.batch.duck;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.rules.eval.Overrides;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second load of the same files reads the cached wide table, and its results equal those of the pivot. */
class WideCacheTest {
    @TempDir
    Path dir;

    @Test
    void sameFilesLoadFromTheCacheWithIdenticalResults() throws Exception {
        Path data = dir.resolve("data");
        Path cache = dir.resolve("cache");
        TestPopulation.generate(400, 7, data);
        BatchOptions options = BatchOptions.defaults().withCache(cache);
        String pivoted = resultFile(data, options, false);
        assertThat(cacheFiles(cache)).hasSize(1);
        String cached = resultFile(data, options, true);
        assertThat(cached).isEqualTo(pivoted);
        try (BatchRunner b = BatchRunner.open(data, TestPopulation.CATALOG, TestPopulation.RULES, BatchOptions.defaults())) {
            assertThat(b.loadedFromCache()).as("without a cache directory").isFalse();
        }

        // a changed facts file is a new fingerprint: pivoted again and cached separately
        String firstUscc = Files.readAllLines(data.resolve("profiles.csv")).get(1).split(",")[0];
        Files.writeString(data.resolve("facts.csv"), firstUscc + ",electricity_kwh,2023-01,123,\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        resultFile(data, options, false);
        assertThat(cacheFiles(cache)).hasSize(2);
    }

    @Test
    void aDeferredCacheIsWrittenOnlyWhenAskedAfterTheRunAndThenRead() throws Exception {
        Path data = dir.resolve("data");
        Path cache = dir.resolve("cache");
        TestPopulation.generate(300, 17, data);
        BatchOptions deferred = BatchOptions.defaults().withCache(cache).withDeferredCache();
        Path out = dir.resolve("pivoted.csv");
        try (BatchRunner b = BatchRunner.open(data, TestPopulation.CATALOG, TestPopulation.RULES, deferred)) {
            assertThat(b.loadedFromCache()).isFalse();
            assertThat(Files.exists(cache) ? cacheFiles(cache) : List.of()).as("nothing written while loading").isEmpty();
            BatchResult r = b.run(Overrides.NONE);
            b.write(r, out, null);
            assertThat(b.storeDeferredWide()).as("written after the run").isTrue();
            assertThat(b.storeDeferredWide()).as("once").isFalse();
        }
        assertThat(cacheFiles(cache)).hasSize(1);
        assertThat(resultFile(data, deferred, true)).isEqualTo(Files.readString(out));
        try (BatchRunner b = BatchRunner.open(data, TestPopulation.CATALOG, TestPopulation.RULES, deferred)) {
            assertThat(b.storeDeferredWide()).as("a table read from the cache is not written again").isFalse();
        }
    }

    @Test
    void budgetsReadTheCachedProfiles() throws Exception {
        Path data = dir.resolve("data");
        Path cache = dir.resolve("cache");
        TestPopulation.generate(200, 11, data);
        BatchOptions options = BatchOptions.defaults().withCache(cache);
        try (BatchRunner b = BatchRunner.open(data, TestPopulation.CATALOG, TestPopulation.RULES, options)) {
            assertThat(b.loadedFromCache()).isFalse();
        }
        try (BatchRunner b = BatchRunner.open(data, TestPopulation.CATALOG, TestPopulation.RULES, options)) {
            assertThat(b.loadedFromCache()).isTrue();
            try (var s = b.connection().createStatement(); var rs = s.executeQuery("SELECT count(*) FROM profiles_src")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(200);
            }
            assertThat(b.enterprises()).isEqualTo(200);
        }
    }

    @Test
    void anUnreadableCacheFileIsPivotedAgain() throws Exception {
        Path data = dir.resolve("data");
        Path cache = dir.resolve("cache");
        TestPopulation.generate(100, 13, data);
        BatchOptions options = BatchOptions.defaults().withCache(cache);
        String pivoted = resultFile(data, options, false);
        Path file = cacheFiles(cache).get(0);
        Files.writeString(file, "not a database");
        assertThat(resultFile(data, options, false)).isEqualTo(pivoted);
        assertThat(resultFile(data, options, true)).isEqualTo(pivoted);
    }

    @Test
    void itemsAreReadAgainWhenTheWideTableComesFromTheCache() throws Exception {
        Path data = dir.resolve("items");
        Files.createDirectories(data);
        List<huiqi.rules.file.RuleFile> rules = List.of(new huiqi.rules.file.RuleFileLoader(huiqi.testdata.LoanFixture.CATALOG)
                .load(huiqi.testdata.LoanFixture.writeRules(data)));
        huiqi.testdata.LoanFixture.generate(data, 120, 5);
        BatchOptions options = BatchOptions.defaults().withAsOf(java.time.LocalDate.of(2020, 6, 1)).withCache(dir.resolve("cache"));
        String pivoted = itemResults(data, rules, options, false);
        assertThat(pivoted.lines().count()).isGreaterThan(100);
        assertThat(itemResults(data, rules, options, true)).isEqualTo(pivoted);
    }

    private static String itemResults(Path data, List<huiqi.rules.file.RuleFile> rules, BatchOptions options, boolean expectCached)
            throws Exception {
        Path out = Files.createTempFile(data, "out", ".csv");
        try (BatchRunner b = BatchRunner.open(data, huiqi.testdata.LoanFixture.CATALOG, rules, options)) {
            assertThat(b.loadedFromCache()).isEqualTo(expectCached);
            b.write(b.run(Overrides.NONE), out, null);
        }
        return Files.readString(out);
    }

    private static String resultFile(Path data, BatchOptions options, boolean expectCached) throws Exception {
        Path out = Files.createTempFile(data, "out", ".csv");
        try (BatchRunner b = BatchRunner.open(data, TestPopulation.CATALOG, TestPopulation.RULES, options)) {
            assertThat(b.loadedFromCache()).isEqualTo(expectCached);
            BatchResult r = b.run(Overrides.NONE);
            b.write(r, out, null);
        }
        return Files.readString(out);
    }

    private static List<Path> cacheFiles(Path cache) throws Exception {
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.toString().endsWith(".duckdb")).toList();
        }
    }
}
