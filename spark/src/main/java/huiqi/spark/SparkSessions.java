package huiqi.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session for a batch. Under spark-submit the master and resources come from spark-submit; otherwise
 * {@code master} (default {@code local[*]}). Local sessions bind to 127.0.0.1 and run without the web UI.
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    public static SparkSession create(String master) {
        SparkSession.Builder b = SparkSession.builder().appName("huiqi batch")
                .config("spark.sql.decimalOperations.allowPrecisionLoss", "false")
                .config("spark.sql.ansi.enabled", "true");
        String m = master != null ? master : System.getProperty("spark.master", "local[*]");
        b.master(m);
        if (m.startsWith("local")) {
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    // one machine: a few shuffle partitions per core, not the cluster default of 200
                    .config("spark.sql.shuffle.partitions", String.valueOf(4 * Runtime.getRuntime().availableProcessors()));
        }
        return b.getOrCreate();
    }
}
