package huiqi.spark;

import huiqi.cli.Main;

/**
 * Entry point for spark-submit: {@code spark-submit --class huiqi.spark.SparkBatchJob huiqi-spark-job.jar --data
 * hdfs://… --out hdfs://…/result.parquet …} runs {@code ./huiqi batch --engine spark} with the same options; the
 * master and resources come from spark-submit. See docs/scale.md.
 */
public final class SparkBatchJob {
    private SparkBatchJob() {
    }

    public static void main(String[] args) {
        String[] all = new String[args.length + 3];
        all[0] = "batch";
        all[1] = "--engine";
        all[2] = "spark";
        System.arraycopy(args, 0, all, 3, args.length);
        Main.main(all);
    }
}
