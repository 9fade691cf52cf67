package huiqi.spark;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the long result like the DuckDB engine: .csv (UTF-8, header, RFC 4180 quoting, NULL as an empty field)
 * or .parquet. A local path (no scheme or file:) gets one file, rows in the query's order; a cluster URI
 * (hdfs://, s3a://, …) gets a directory of part files written in parallel, part-00000 … in uscc order.
 */
final class SparkResultWriter {
    private SparkResultWriter() {
    }

    static void write(SparkSession spark, Dataset<Row> rows, String out) throws IOException {
        String name = out.toLowerCase();
        boolean csv = name.endsWith(".csv");
        if (!csv && !name.endsWith(".parquet")) {
            throw new IllegalArgumentException("Spark 引擎的输出文件应为 .csv 或 .parquet：" + out);
        }
        String scheme = URI.create(out.replace('\\', '/')).getScheme();
        boolean local = scheme == null || scheme.equals("file") || scheme.length() == 1; // C:\ on Windows
        if (!local) {
            format(rows.write().mode(SaveMode.Overwrite), csv).save(out);
            return;
        }
        Path target = new Path(java.nio.file.Path.of(out).toAbsolutePath().toUri());
        Path parts = new Path(target.getParent(), "." + target.getName() + ".parts");
        FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
        // coalesce(1) reads the sorted partitions in order: one file, globally ordered
        format(rows.coalesce(1).write().mode(SaveMode.Overwrite), csv).save(parts.toString());
        Path part = null;
        for (FileStatus f : fs.listStatus(parts)) {
            if (f.getPath().getName().startsWith("part-")) {
                part = f.getPath();
            }
        }
        if (part == null) {
            throw new IOException("Spark 没有写出结果文件：" + parts);
        }
        fs.delete(target, false);
        if (!fs.rename(part, target)) {
            throw new IOException("无法把 " + part + " 移到 " + target);
        }
        fs.delete(parts, true);
        fs.delete(new Path(target.getParent(), "." + target.getName() + ".crc"), false);
    }

    private static DataFrameWriter<Row> format(DataFrameWriter<Row> w, boolean csv) {
        if (csv) {
            return w.format("csv").option("header", "true").option("encoding", "UTF-8").option("quote", "\"")
                    .option("escape", "\"");
        }
        return w.format("parquet");
    }
}
