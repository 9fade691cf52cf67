package huiqi.batch.pipeline;

import huiqi.batch.budget.Budget;
import huiqi.batch.budget.BudgetAllocator;
import huiqi.batch.run.BatchResult;
import huiqi.batch.whatif.WhatIfReport;
import huiqi.rules.eval.Overrides;
import java.util.List;

/** One loaded and pivoted population on some engine: evaluate variants, compare, allocate budgets, write. */
public interface BatchSession extends AutoCloseable {
    /** Evaluates every enterprise with this overlay ({@link Overrides#NONE} = baseline). */
    BatchResult run(Overrides overrides) throws Exception;

    /**
     * The result of {@link #run}{@code (overrides)}, computed from {@code base} (an earlier result of this session)
     * where the engine can: only the rules the changed parameters reach are evaluated again.
     */
    default BatchResult whatIf(BatchResult base, Overrides overrides) throws Exception {
        return run(overrides);
    }

    WhatIfReport compare(String overlay, BatchResult base, BatchResult variant) throws Exception;

    /** Allocates the budgets over {@code result}; a later {@link #write} with budgets adds allocated/shortfall. */
    List<BudgetAllocator.Allocation> allocate(BatchResult result, List<Budget> budgets) throws Exception;

    /** The long result (docs/formats.md) to {@code out}: .csv or .parquet (DuckDB also .xlsx). */
    void write(BatchResult result, String out, boolean withBudgets) throws Exception;

    /**
     * The parts of results whose rule has a per-item payer (borne_by) to {@code out}, same formats as {@link #write}:
     * uscc, rule_id, payer, role, bearer, amount, items (docs/formats.md).
     */
    void writeParts(BatchResult result, String out) throws Exception;

    long enterprises();

    /** Reading the files and pivoting into the wide table, in milliseconds. */
    long pivotMillis();
}
