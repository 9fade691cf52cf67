package huiqi.spark;

import huiqi.batch.budget.Budget;
import huiqi.batch.budget.BudgetAllocator;
import huiqi.batch.duck.BatchOptions;
import huiqi.batch.duck.BatchResult;
import huiqi.batch.engine.BatchEngine;
import huiqi.batch.engine.BatchSession;
import huiqi.batch.whatif.WhatIfReport;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Overrides;
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
        SparkBatchRunner runner;
        try {
            runner = SparkBatchRunner.open(spark, data, catalog, files, options);
        } catch (Exception | Error e) {
            spark.stop();
            throw e;
        }
        return new BatchSession() {
            @Override public BatchResult run(Overrides overrides) { return runner.run(overrides); }

            @Override public WhatIfReport compare(String overlay, BatchResult base, BatchResult variant) {
                return runner.compare(overlay, base, variant);
            }

            @Override public List<BudgetAllocator.Allocation> allocate(BatchResult result, List<Budget> budgets) {
                return runner.allocate(result, budgets);
            }

            @Override public void write(BatchResult result, String out, boolean withBudgets) throws Exception {
                runner.write(result, out, withBudgets);
            }

            @Override public long enterprises() { return runner.enterprises(); }

            @Override public long pivotMillis() { return runner.pivotMillis(); }

            @Override public void close() {
                runner.close();
                spark.stop();
            }
        };
    }
}
