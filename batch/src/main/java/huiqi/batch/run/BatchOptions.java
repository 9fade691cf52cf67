package huiqi.batch.run;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * How a batch runs: the evaluation date (null = every rule, parameters read on each rule's first valid
 * day), DuckDB's memory limit ("8GB") and thread count (null = DuckDB's defaults), and where progress
 * messages go (e.g. stderr; null = nowhere).
 */
public record BatchOptions(LocalDate asOf, String memoryLimit, Integer threads, Consumer<String> progress) {
    public static BatchOptions defaults() {
        return new BatchOptions(null, null, null, null);
    }

    public BatchOptions withAsOf(LocalDate d) {
        return new BatchOptions(d, memoryLimit, threads, progress);
    }

    /** Passes a progress message on, if anyone listens. */
    public void say(String message) {
        if (progress != null) {
            progress.accept(message);
        }
    }
}
