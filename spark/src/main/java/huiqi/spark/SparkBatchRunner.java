package huiqi.spark;

import huiqi.batch.run.BatchOptions;
import huiqi.batch.pipeline.BatchPipeline;
import huiqi.batch.run.BatchResult;
import huiqi.batch.sql.FactColumns;
import huiqi.batch.sql.SqlDialect;
import huiqi.batch.sql.WideTable;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * 批量免申即享 on Apache Spark: the {@link BatchPipeline} with the same compiled SQL as the DuckDB engine
 * ({@link SqlDialect#SPARK}), run as Spark SQL over cached temp views.
 * <ul>
 * <li>loading pivots the referenced (indicator, period) pairs by uscc (one shuffle on uscc), joins the profiles,
 * caches table {@code wide} (memory, spilling to disk);</li>
 * <li>evaluating reads every row of {@code wide} (no shuffle: each enterprise is one row) into a cached result;</li>
 * <li>budgets are exact (whole fen); the largest-remainder ranking and the first-come running sum are windows over
 * all claims of one budget.</li>
 * </ul>
 * Decimal arithmetic is exact because the session runs with {@code allowPrecisionLoss=false} and ANSI mode,
 * which {@link #open} sets on the session. The session belongs to the caller.
 */
public final class SparkBatchRunner extends BatchPipeline<RuntimeException> {
    private static final SqlDialect DIALECT = SqlDialect.SPARK;
    private final SparkSession spark;
    private final List<Dataset<Row>> cached = new ArrayList<>();
    /** The cached table of each view name, to free one by name. */
    private final Map<String, Dataset<Row>> tables = new HashMap<>();
    private boolean stopSession;

    private SparkBatchRunner(SparkSession spark, IndicatorCatalog catalog, List<RuleFile> files, BatchOptions options) {
        super(DIALECT, catalog, files, options);
        this.spark = spark;
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

    @Override
    protected Set<String> readSources(String dir) throws IOException {
        return SparkSources.create(spark, dir);
    }

    @Override
    protected void pivot(FactColumns facts, IndicatorCatalog catalog) {
        cache(spark.sql(WideTable.pivot(facts, catalog)), "fact_pivot");
    }

    @Override
    protected void dropTable(String name) {
        Dataset<Row> d = tables.remove(name);
        if (d != null) {
            d.unpersist();
            cached.remove(d);
        }
        spark.catalog().dropTempView(name);
    }

    @Override
    protected String loadDetail() {
        return "，" + spark.table("wide").rdd().getNumPartitions() + " 个分区";
    }

    @Override
    protected void createTable(String name, String query) {
        cache(spark.sql(query), name);
    }

    private Dataset<Row> cache(Dataset<Row> df, String view) {
        Dataset<Row> d = df.persist(StorageLevel.MEMORY_AND_DISK());
        d.createOrReplaceTempView(view);
        cached.add(d);
        tables.put(view, d);
        return d;
    }

    @Override
    protected Object[] firstRow(String query) {
        Row row = spark.sql(query).first();
        Object[] values = new Object[row.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
        return values;
    }

    @Override
    protected void writeRows(String query, String out) throws IOException {
        SparkResultWriter.write(spark, spark.sql(query), out);
    }

    /** The long result (one row per enterprise and rule, ordered by uscc then rule), with budget columns if allocated. */
    public Dataset<Row> longResult(BatchResult r, boolean withBudgets) {
        return spark.sql(longQuery(r, withBudgets ? "budget_by_rule" : null));
    }

    /** The result table of {@link #run}: uscc and each rule's status, amount and payer columns. */
    public Dataset<Row> table(BatchResult r) {
        return spark.table(r.table());
    }

    public SparkSession spark() {
        return spark;
    }

    /** Makes {@link #close} also stop the session (for an engine that created it). */
    SparkBatchRunner stoppingSessionOnClose() {
        stopSession = true;
        return this;
    }

    /** Frees the cached tables; the session stays open (it belongs to the caller) unless handed over. */
    @Override
    public void close() {
        cached.forEach(Dataset::unpersist);
        cached.clear();
        tables.clear();
        if (stopSession) {
            spark.stop();
        }
    }
}
