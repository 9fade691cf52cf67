package huiqi.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * ./huiqi bench [--enterprises N[,N…]] [--repeat K] [--cache DIR] [--interpreter-max N] [--sql-only] | --jmh [JMH options]
 * | --web [--users N] [--requests N] (the 一企一策 page under concurrent users, see huiqi.bench.web.WebBench). Prints, per
 * population size, one row per way: load, evaluation (best of K), enterprises/s, peak heap and the ratio
 * of evaluation time to the hand-written loop; then the what-if re-evaluation times.
 */
public final class BenchMain {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--web")) {
            huiqi.bench.web.WebBench.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("--platform")) {
            huiqi.bench.platform.PlatformBench.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("--jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        List<Integer> sizes = new ArrayList<>(List.of(10_000, 100_000));
        int repeat = 3;
        int interpreterMax = 20_000;
        Path cache = Path.of("target", "bench-cache");
        boolean sqlOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--enterprises" -> {
                    sizes.clear();
                    for (String s : args[++i].split(",")) {
                        sizes.add(Integer.parseInt(s.replace("_", "").trim()));
                    }
                }
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--cache" -> cache = Path.of(args[++i]);
                case "--interpreter-max" -> interpreterMax = Integer.parseInt(args[++i].replace("_", ""));
                case "--sql-only" -> sqlOnly = true;
                default -> {
                    System.err.println("用法：./huiqi bench [--enterprises N[,N…]] [--repeat K] [--cache 目录] [--interpreter-max N] [--sql-only] | --jmh [JMH 参数] | --web [--users 20] [--requests 2000]");
                    System.exit(2);
                }
            }
        }
        Workload w = new Workload();
        Bench bench = new Bench(w, cache, interpreterMax);
        if (sqlOnly) {
            bench.sqlOnly();
        }
        System.out.printf("机器：%d 核，最大堆 %,d MB，Java %s，开始时负载 %.1f%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), loadAverage());
        for (int n : sizes) {
            Bench.Result r;
            try {
                r = bench.run(n, repeat);
            } catch (Bench.Disagreement d) {
                System.err.println("基准失败：" + d.getMessage());
                System.exit(1);
                return;
            }
            System.out.print(table(r));
        }
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String table(Bench.Result r) {
        StringBuilder sb = new StringBuilder();
        boolean withHand = r.rows().get(0).way().startsWith("手写");
        double hand = r.rows().get(0).evalSeconds();
        sb.append(String.format("%n| 方式 | 企业数 | 载入/转置 s | 评估 s | 企业/秒 | 峰值堆 MB | DuckDB 内存 MB | 与手写循环之比 | 规则 |%n"));
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Bench.Row row : r.rows()) {
            sb.append(String.format("| %s | %,d | %.3f | %.4f | %,.0f | %,d | %s | %s | %s |%n", row.way(), row.enterprises(),
                    row.loadSeconds(), row.evalSeconds(), row.perSecond(), row.peakHeapBytes() >> 20,
                    row.nativeBytes() == 0 ? "—" : String.format("%,d", row.nativeBytes() >> 20),
                    withHand ? String.format("%.1f×", row.evalSeconds() / hand) : "—", row.rules()));
        }
        sb.append("\n试算重算（").append(Bench.WHAT_IF_PARAM).append(" = ").append(Bench.WHAT_IF_RATE).append("元/千瓦时）：");
        for (Map.Entry<String, Double> e : r.whatIfSeconds().entrySet()) {
            sb.append(String.format(" %s %.3f s;", e.getKey(), e.getValue()));
        }
        Bench.WholeBatch b = r.batch();
        if (b != null) {
            sb.append(String.format("%n%n整批（SQL / DuckDB，产品路径，长表事实 → 结果表）：首次 读入+转置+写缓存 %.3f s；"
                    + "此后 缓存载入 %.3f s + 评估 %.3f s = **整批 %.3f s**（目标 < 8 s）；下限（DuckDB 扫描宽表全部列、不算规则）%.3f s，"
                    + "整批为下限的 %.1f×，评估为下限的 %.1f×；缓存文件 %,d MB",
                    b.coldLoadSeconds(), b.cachedLoadSeconds(), b.evalSeconds(), b.seconds(), b.floorSeconds(),
                    b.seconds() / b.floorSeconds(), b.evalSeconds() / b.floorSeconds(), b.cacheBytes() >> 20));
        }
        for (Bench.Variant v : r.variants()) {
            sb.append(String.format("%n增量试算 %s = %s：%.3f s，重算 %d / %d 条规则（与全部重算的合计一致）", v.parameter(),
                    v.value().stripTrailingZeros().toPlainString(), v.seconds(), v.rulesEvaluated(), v.rules()));
        }
        Bench.Row drools = r.rows().stream().filter(x -> x.way().startsWith("Drools（")).findFirst().orElse(null);
        Bench.Row tuned = r.rows().stream().filter(x -> x.way().equals(Bench.TUNED_DROOLS)).findFirst().orElse(null);
        Bench.Row sql = r.rows().stream().filter(x -> x.way().startsWith("SQL")).findFirst().orElse(null);
        if (drools != null && sql != null) {
            sb.append(String.format("%nDrools 评估 ÷ SQL 评估 = %.1f×（目标 ≥ 30×）", drools.evalSeconds() / sql.evalSeconds()));
        }
        if (tuned != null && sql != null) {
            sb.append(String.format("%nDrools 调优评估 ÷ SQL 评估 = %.1f×（目标 ≥ 10×）；Drools 原写法 ÷ 调优 = %.1f×",
                    tuned.evalSeconds() / sql.evalSeconds(), drools == null ? Double.NaN : drools.evalSeconds() / tuned.evalSeconds()));
        }
        sb.append(String.format("%n系统负载（1 分钟平均）：%.1f%n", loadAverage()));
        sb.append("\n合计一致（已核对）。\n");
        return sb.toString();
    }
}
