package huiqi.cli;

import huiqi.batch.pipeline.BatchEngine;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.pipeline.BatchSession;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleFile;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** Where and with what resources ./huiqi batch evaluates: the engine and its settings. */
final class EngineOptions {
    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "duckdb", description = "计算引擎：duckdb（缺省，单机）或 spark（见 docs/scale.md）")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "Spark 引擎的 master，如 local[2]（缺省 local[*]；spark-submit 提交时由其决定）")
    String master;

    @Option(names = "--memory-limit", paramLabel = "SIZE", description = "DuckDB 内存上限，如 8GB（默认由 DuckDB 决定：约物理内存的 80%%）")
    String memoryLimit;

    @Option(names = "--threads", paramLabel = "N", description = "DuckDB 线程数（默认为 CPU 核数）")
    Integer threads;

    @Option(names = "--cache", paramLabel = "DIR", description = "DuckDB 宽表缓存目录（缺省为数据目录下的 .huiqi-cache；同样的文件、同样的规则列再次运行时不再读入转置）")
    Path cache;

    @Option(names = "--no-cache", description = "不读也不写宽表缓存，每次都读入并转置")
    boolean noCache;

    /** Reads and pivots the data directory on the chosen engine. */
    BatchSession open(String data, IndicatorCatalog catalog, List<RuleFile> files, LocalDate asOf,
                      Consumer<String> progress) throws Exception {
        Map<String, String> settings = new HashMap<>();
        if (master != null) {
            settings.put("master", master);
        }
        BatchOptions options = new BatchOptions(asOf, memoryLimit, threads, progress, cacheDir(data));
        return BatchEngine.named(engine).open(data, catalog, files, options, settings);
    }

    /** The wide-table cache: --cache, else .huiqi-cache in a writable local data directory; none with --no-cache. */
    private Path cacheDir(String data) {
        if (noCache) {
            return null;
        }
        if (cache != null) {
            return cache;
        }
        try {
            Path dir = Path.of(data);
            return Files.isDirectory(dir) && Files.isWritable(dir) ? dir.resolve(".huiqi-cache") : null;
        } catch (InvalidPathException e) { // a URI such as hdfs://… (Spark)
            return null;
        }
    }
}
