package huiqi.batch.engine;

import huiqi.batch.budget.Budget;
import huiqi.batch.budget.BudgetAllocator;
import huiqi.batch.duck.BatchOptions;
import huiqi.batch.duck.BatchResult;
import huiqi.batch.duck.BatchRunner;
import huiqi.batch.whatif.WhatIfReport;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The default engine: {@link BatchRunner} on an in-process DuckDB. */
final class DuckEngine implements BatchEngine {
    static final String NAME = "duckdb";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BatchSession open(String data, IndicatorCatalog catalog, List<RuleFile> files, BatchOptions options,
                             Map<String, String> settings) throws Exception {
        BatchRunner runner = BatchRunner.open(Path.of(data), catalog, files, options);
        return new BatchSession() {
            @Override public BatchResult run(Overrides overrides) throws Exception { return runner.run(overrides); }

            @Override public WhatIfReport compare(String overlay, BatchResult base, BatchResult variant) throws Exception {
                return WhatIfReport.compare(runner, overlay, base, variant);
            }

            @Override public List<BudgetAllocator.Allocation> allocate(BatchResult result, List<Budget> budgets) throws Exception {
                return BudgetAllocator.allocate(runner.connection(), result, budgets);
            }

            @Override public void write(BatchResult result, String out, boolean withBudgets) throws Exception {
                runner.write(result, Path.of(out), withBudgets ? "budget_by_rule" : null);
            }

            @Override public long enterprises() { return runner.enterprises(); }

            @Override public long pivotMillis() { return runner.pivotMillis(); }

            @Override public void close() throws Exception { runner.close(); }
        };
    }
}
