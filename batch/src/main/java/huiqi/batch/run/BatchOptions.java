package huiqi.batch.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * How a batch runs: the evaluation date (null = every rule, parameters read on each rule's first valid
 * day), DuckDB's memory limit ("8GB") and thread count (null = DuckDB's defaults), where progress
 * messages go (e.g. stderr; null = nowhere), and the directory of the typed wide-table cache (null = none:
 * every load reads and pivots the files; see {@code huiqi.batch.duck.WideCache}) and the directory DuckDB spills
 * to when a step outgrows the memory limit (null = DuckDB's default, relative to the process's working directory).
 * {@code deferCache}: a newly pivoted wide table is written to the cache only when the caller asks
 * ({@code BatchPipeline.storeDeferredWide}), e.g. after the run's results are saved; otherwise as soon as it is built.
 */
public record BatchOptions(LocalDate asOf, String memoryLimit, Integer threads, Consumer<String> progress, Path cacheDir,
                           Path spillDir, boolean deferCache) {
    public BatchOptions(LocalDate asOf, String memoryLimit, Integer threads, Consumer<String> progress, Path cacheDir,
                        Path spillDir) {
        this(asOf, memoryLimit, threads, progress, cacheDir, spillDir, false);
    }

    public BatchOptions(LocalDate asOf, String memoryLimit, Integer threads, Consumer<String> progress, Path cacheDir) {
        this(asOf, memoryLimit, threads, progress, cacheDir, null);
    }

    /** Without a cache. */
    public BatchOptions(LocalDate asOf, String memoryLimit, Integer threads, Consumer<String> progress) {
        this(asOf, memoryLimit, threads, progress, null);
    }

    public static BatchOptions defaults() {
        return new BatchOptions(null, null, null, null, null, null);
    }

    public BatchOptions withAsOf(LocalDate d) {
        return new BatchOptions(d, memoryLimit, threads, progress, cacheDir, spillDir, deferCache);
    }

    public BatchOptions withCache(Path dir) {
        return new BatchOptions(asOf, memoryLimit, threads, progress, dir, spillDir, deferCache);
    }

    public BatchOptions withSpill(Path dir) {
        return new BatchOptions(asOf, memoryLimit, threads, progress, cacheDir, dir, deferCache);
    }

    /** The wide table is written to the cache when the caller asks, not while loading. */
    public BatchOptions withDeferredCache() {
        return new BatchOptions(asOf, memoryLimit, threads, progress, cacheDir, spillDir, true);
    }

    /** Passes a progress message on, if anyone listens. */
    public void say(String message) {
        if (progress != null) {
            progress.accept(message);
        }
    }
}
