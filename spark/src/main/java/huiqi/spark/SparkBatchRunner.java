package huiqi.spark;

import huiqi.batch.budget.Budget;
import huiqi.batch.budget.BudgetAllocator;
import huiqi.batch.duck.BatchOptions;
import huiqi.batch.duck.BatchResult;
import huiqi.batch.duck.Summaries;
import huiqi.batch.sql.CompiledRules;
import huiqi.batch.sql.FactColumn;
import huiqi.batch.sql.FactColumns;
import huiqi.batch.sql.Params;
import huiqi.batch.sql.RuleSetCompiler;
import huiqi.batch.sql.SqlDialect;
import huiqi.batch.sql.WideTable;
import huiqi.batch.whatif.WhatIfReport;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.Parameter;
import huiqi.rules.file.RuleFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * 批量免申即享 on Apache Spark: the same compiled SQL as the DuckDB engine ({@link SqlDialect#SPARK}), the same
 * pivot, summaries, long result and budget allocation queries, run as Spark SQL over temp views.
 * <ul>
 * <li>{@link #open}: reads profiles + long-form facts, pivots the referenced (indicator, period) pairs by uscc
 * (one shuffle on uscc), joins the profiles, caches table {@code wide} (memory, spilling to disk).</li>
 * <li>{@link #run}: evaluates every row of {@code wide} (no shuffle: each enterprise is one row), caches the
 * result and computes the per-rule summary in one aggregation.</li>
 * <li>{@link #allocate}: budgets in Spark SQL, exactly (whole fen); the largest-remainder ranking and the
 * first-come running sum are windows over all claims of one budget.</li>
 * </ul>
 * Decimal arithmetic is exact because the session runs with {@code allowPrecisionLoss=false} and ANSI mode,
 * which {@link #open} sets on the session. The session belongs to the caller.
 */
public final class SparkBatchRunner implements AutoCloseable {
    private static final SqlDialect DIALECT = SqlDialect.SPARK;
    private final SparkSession spark;
    private final IndicatorCatalog catalog;
    private final List<RuleFile> files;
    private final BatchOptions options;
    private final Map<String, Parameter> declared;
    private final FactColumns facts = new FactColumns();
    private final List<Dataset<Row>> cached = new ArrayList<>();
    private Dataset<Row> wide;
    private long pivotMillis;
    private long enterprises;
    private int variants;

    private SparkBatchRunner(SparkSession spark, IndicatorCatalog catalog, List<RuleFile> files, BatchOptions options) {
        this.spark = spark;
        this.catalog = catalog;
        this.files = List.copyOf(files);
        this.options = options;
        this.declared = Evaluator.parameters(files);
    }

    /** The settings exact decimal results depend on (also set by {@link #open} on any session it is given). */
    public static void configure(SparkSession spark) {
        spark.conf().set("spark.sql.decimalOperations.allowPrecisionLoss", "false");
        spark.conf().set("spark.sql.ansi.enabled", "true");
        // the rule set is one wide projection of large CASE trees; inferring constraints over it takes minutes
        spark.conf().set("spark.sql.constraintPropagation.enabled", "false");
    }

    public static SparkBatchRunner open(SparkSession spark, String dataDir, IndicatorCatalog catalog, List<RuleFile> files,
                                        BatchOptions options) throws IOException {
        configure(spark);
        SparkBatchRunner b = new SparkBatchRunner(spark, catalog, files, options);
        b.load(dataDir);
        return b;
    }

    private void say(String message) {
        if (options.progress() != null) {
            options.progress().accept(message);
        }
    }

    private void load(String dir) throws IOException {
        long t0 = System.nanoTime();
        Set<String> profileColumns = SparkSources.create(spark, dir);
        // a first compilation only to learn which (indicator, period) columns the rules read
        new RuleSetCompiler(DIALECT, catalog).compile(files, options.asOf(), Params.of(declared, Overrides.NONE), facts);
        say("数据目录 " + dir + "：转置 " + facts.needed().size() + " 个（指标, 期间）列…");
        Dataset<Row> pivot = cache(spark.sql(WideTable.pivot(facts, catalog)), "fact_pivot");
        Row scales = spark.sql(WideTable.scales(facts, DIALECT)).first();
        int i = 0;
        for (FactColumn col : new ArrayList<>(facts.needed())) {
            facts.setScale(col, ((Number) scales.get(i++)).intValue());
        }
        wide = cache(spark.sql(WideTable.wide(catalog, facts, profileColumns, DIALECT)), "wide");
        enterprises = wide.count();
        pivot.unpersist();
        cached.remove(pivot);
        spark.catalog().dropTempView("fact_pivot");
        pivotMillis = (System.nanoTime() - t0) / 1_000_000;
        say(String.format("已读入并转置 %,d 家企业（%.1f 秒，%d 个分区）", enterprises, pivotMillis / 1000.0,
                wide.rdd().getNumPartitions()));
    }

    private Dataset<Row> cache(Dataset<Row> df, String view) {
        Dataset<Row> d = df.persist(StorageLevel.MEMORY_AND_DISK());
        d.createOrReplaceTempView(view);
        cached.add(d);
        return d;
    }

    /** The Spark SQL the rules compile to with this overlay. */
    public CompiledRules compile(Overrides overrides) {
        return new RuleSetCompiler(DIALECT, catalog).compile(files, options.asOf(), Params.of(declared, overrides), facts);
    }

    /** Evaluates every enterprise with this parameter overlay ({@link Overrides#NONE} = baseline). */
    public BatchResult run(Overrides overrides) {
        CompiledRules compiled = compile(overrides);
        String table = "result_" + (variants++);
        long t0 = System.nanoTime();
        say(Summaries.evaluating(compiled, overrides));
        cache(spark.sql(Summaries.resultSelect(compiled)), table);
        Row row = spark.sql(Summaries.query(compiled, table)).first();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        say(String.format("评估完成（%.2f 秒）", millis / 1000.0));
        return Summaries.result(table, compiled, enterprises, millis, row::get);
    }

    /** Per rule, how many enterprises changed status or amount between two results of this runner. */
    public WhatIfReport compare(String overlay, BatchResult base, BatchResult variant) {
        Row row = spark.sql(WhatIfReport.changedQuery(base, variant)).first();
        long[] changed = new long[row.size()];
        for (int i = 0; i < changed.length; i++) {
            changed[i] = row.getLong(i);
        }
        return WhatIfReport.of(overlay, base, variant, changed);
    }

    /**
     * Allocates the budgets over {@code result} into temp views {@code budget_allocation} and
     * {@code budget_by_rule} (the same SQL as {@link BudgetAllocator}, Spark dialect).
     */
    public List<BudgetAllocator.Allocation> allocate(BatchResult result, List<Budget> budgets) {
        cache(spark.sql(BudgetAllocator.allocationQuery(result, budgets, DIALECT)), "budget_allocation");
        cache(spark.sql(BudgetAllocator.BY_RULE_QUERY), "budget_by_rule");
        List<BudgetAllocator.Allocation> out = new ArrayList<>();
        for (Budget b : budgets) {
            Row r = spark.sql(BudgetAllocator.summaryQuery(b)).first();
            out.add(BudgetAllocator.allocation(b, r.getLong(0), r.getDecimal(1), r.getDecimal(2), r.getDecimal(3), r.getLong(4)));
        }
        return out;
    }

    /** The long result (one row per enterprise and rule, ordered by uscc then rule), with budget columns if allocated. */
    public Dataset<Row> longResult(BatchResult r, boolean withBudgets) {
        return spark.sql(Summaries.longQuery(r, withBudgets ? "budget_by_rule" : null, DIALECT));
    }

    /** The result table of {@link #run}: uscc and each rule's status, amount and payer columns. */
    public Dataset<Row> table(BatchResult r) {
        return spark.table(r.table());
    }

    /** Writes the long result: .csv or .parquet (a local path gets one file, a cluster URI a directory of parts). */
    public void write(BatchResult r, String out, boolean withBudgets) throws IOException {
        long t0 = System.nanoTime();
        SparkResultWriter.write(spark, longResult(r, withBudgets), out);
        say(String.format("已写出 %s（%.1f 秒）", out, (System.nanoTime() - t0) / 1e9));
    }

    public SparkSession spark() {
        return spark;
    }

    public long enterprises() {
        return enterprises;
    }

    public long pivotMillis() {
        return pivotMillis;
    }

    /** Frees the cached tables (the session stays open: it belongs to the caller). */
    @Override
    public void close() {
        cached.forEach(Dataset::unpersist);
        cached.clear();
    }
}
