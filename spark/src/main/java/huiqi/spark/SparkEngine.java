package huiqi.spark;

import huiqi.batch.pipeline.BatchEngine;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.pipeline.BatchSession;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleFile;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** ./huiqi batch --engine spark [--master URL]: {@link SparkBatchRunner} behind the cli's engine interface. */
public final class SparkEngine implements BatchEngine {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public BatchSession open(String data, IndicatorCatalog catalog, List<RuleFile> files, BatchOptions options,
                             Map<String, String> settings) throws Exception {
        // the cli silences library logging with Log4j's simple context (huiqi.cli.Main); Spark casts Log4j's loggers
        // to log4j-core's, so it gets log4j-core with this module's log4j2.properties (warnings and errors only)
        if ("org.apache.logging.log4j.simple.SimpleLoggerContextFactory".equals(System.getProperty("log4j2.loggerContextFactory"))) {
            System.clearProperty("log4j2.loggerContextFactory");
        }
        SparkSession spark = SparkSessions.create(settings.get("master"));
        try {
            return SparkBatchRunner.open(spark, data, catalog, files, options).stoppingSessionOnClose();
        } catch (Exception | Error e) {
            spark.stop();
            throw e;
        }
    }
}
