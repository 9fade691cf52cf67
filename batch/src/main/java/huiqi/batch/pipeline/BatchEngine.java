package huiqi.batch.pipeline;

import huiqi.batch.run.BatchOptions;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Where ./huiqi batch runs the compiled rules: an engine found on the class path through {@link ServiceLoader}.
 * The batch module registers DuckDB ("duckdb", the default); the spark module registers "spark" (the launcher
 * puts it on the class path only for {@code --engine spark}, so the cli itself never carries Spark).
 */
public interface BatchEngine {
    /** The engine used when none is named. */
    String DEFAULT = "duckdb";

    String name();

    /**
     * Reads the data directory (profiles + long-form facts; a local path or, for engines that can, a URI such
     * as hdfs:// or s3a://) and pivots what the rules read. {@code settings} are engine-specific ("master").
     */
    BatchSession open(String data, IndicatorCatalog catalog, List<RuleFile> files, BatchOptions options,
                      Map<String, String> settings) throws Exception;

    /** The engine of that name (null = {@link #DEFAULT}); a clear message when it is not on the class path. */
    static BatchEngine named(String name) {
        String wanted = name == null ? DEFAULT : name;
        List<String> found = new ArrayList<>();
        for (BatchEngine e : ServiceLoader.load(BatchEngine.class)) {
            if (e.name().equals(wanted)) {
                return e;
            }
            found.add(e.name());
        }
        found.sort(Comparator.comparing(n -> !n.equals(DEFAULT))); // the built-in engine first
        throw new IllegalArgumentException("批量引擎 " + name + " 不在类路径上（可用：" + String.join("、", found)
                + "）。Spark 引擎请用 ./huiqi batch --engine spark（启动脚本会加入 spark 模块），或用 spark-submit 提交 spark 模块的 jar");
    }
}
