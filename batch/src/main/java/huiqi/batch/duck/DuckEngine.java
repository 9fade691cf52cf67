package huiqi.batch.duck;

import huiqi.batch.pipeline.BatchEngine;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.pipeline.BatchSession;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The default engine ({@link BatchEngine#DEFAULT}): {@link BatchRunner} on an in-process DuckDB. */
public final class DuckEngine implements BatchEngine {
    @Override
    public String name() {
        return DEFAULT;
    }

    @Override
    public BatchSession open(String data, IndicatorCatalog catalog, List<RuleFile> files, BatchOptions options,
                             Map<String, String> settings) throws Exception {
        return BatchRunner.open(Path.of(data), catalog, files, options);
    }
}
