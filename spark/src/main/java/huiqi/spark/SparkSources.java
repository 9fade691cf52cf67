package huiqi.spark;

import huiqi.batch.sql.ItemSql;
import huiqi.batch.sql.WideTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Temp views {@code profiles_src} and {@code facts_src(uscc, indicator, period, value)} over a data directory in
 * the import format (docs/formats.md): profiles.csv / facts.csv (UTF-8, RFC 4180 quoting, header by id or Chinese
 * name) or profiles.parquet / facts.parquet (a file or a Spark-written directory). Every column is text, as in
 * the DuckDB engine. The directory may be any Hadoop path: local, hdfs://, s3a://.
 */
final class SparkSources {
    private SparkSources() {
    }

    /** Creates the views; returns the profile column ids present. */
    static Set<String> create(SparkSession spark, String dir) throws IOException {
        Dataset<Row> profiles = read(spark, pick(spark, dir, "profiles"));
        Dataset<Row> facts = read(spark, pick(spark, dir, "facts"));
        Set<String> ids = new LinkedHashSet<>();
        List<Column> pcols = new ArrayList<>();
        for (String h : profiles.columns()) {
            String id = id(h);
            if (ids.add(id)) {
                pcols.add(column(h).as(id));
            }
        }
        if (!ids.contains("uscc")) {
            throw new IllegalArgumentException(dir + " 的 profiles 缺少 uscc（统一社会信用代码）列");
        }
        Set<String> fids = new LinkedHashSet<>();
        List<Column> fcols = new ArrayList<>();
        for (String h : facts.columns()) {
            String id = id(h);
            if (List.of("uscc", "indicator", "period", "value").contains(id) && fids.add(id)) {
                fcols.add(column(h).as(id));
            }
        }
        if (fids.size() < 4) {
            throw new IllegalArgumentException(dir + " 的 facts 需要 uscc、indicator、period、value 四列（或中文表头）");
        }
        profiles.select(pcols.toArray(Column[]::new)).createOrReplaceTempView("profiles_src");
        facts.select(fcols.toArray(Column[]::new)).createOrReplaceTempView("facts_src");
        items(spark, dir).createOrReplaceTempView("items_src");
        return ids;
    }

    /** items.csv / items.parquet (long form: uscc, kind, item_id, field, value), or an empty view. */
    private static Dataset<Row> items(SparkSession spark, String dir) throws IOException {
        String path = null;
        for (String ext : List.of(".csv", ".parquet")) {
            Path p = new Path(dir, "items" + ext);
            if (p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
                path = p.toString();
            }
        }
        if (path == null) {
            return spark.sql(ItemSql.emptySource(huiqi.batch.sql.SqlDialect.SPARK));
        }
        Dataset<Row> items = read(spark, path);
        Set<String> ids = new LinkedHashSet<>();
        List<Column> cols = new ArrayList<>();
        for (String h : items.columns()) {
            String raw = h.replace("\uFEFF", "").trim();
            String id = ItemSql.HEADER_ALIASES.getOrDefault(raw, raw);
            if (List.of("uscc", "kind", "item_id", "field", "value").contains(id) && ids.add(id)) {
                cols.add(column(h).as(id));
            }
        }
        if (ids.size() < 5) {
            throw new IllegalArgumentException(dir + " 的 items 需要 uscc、kind、item_id、field、value 五列（或中文表头 统一社会信用代码、清单、编号、字段、值）");
        }
        return items.select(cols.toArray(Column[]::new));
    }

    private static String id(String header) {
        String h = header.replace("\uFEFF", "").trim();
        return WideTable.HEADER_ALIASES.getOrDefault(h, h);
    }

    private static Column column(String header) {
        return functions.col("`" + header.replace("`", "``") + "`").cast("string");
    }

    private static String pick(SparkSession spark, String dir, String name) throws IOException {
        for (String ext : List.of(".csv", ".parquet")) {
            Path p = new Path(dir, name + ext);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(p)) {
                return p.toString();
            }
        }
        throw new IllegalArgumentException("数据目录 " + dir + " 中没有 " + name + ".csv 或 " + name + ".parquet");
    }

    private static Dataset<Row> read(SparkSession spark, String path) {
        if (path.endsWith(".parquet")) {
            return spark.read().parquet(path);
        }
        return spark.read().option("header", "true").option("encoding", "UTF-8").option("quote", "\"")
                .option("escape", "\"").csv(path); // not multiLine: keeps big files splittable
    }
}
