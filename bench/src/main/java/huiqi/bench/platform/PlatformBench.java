package huiqi.bench.platform;

import huiqi.bench.web.BenchClient;
import huiqi.bench.web.Latencies;
import huiqi.bench.web.PlatformUnderTest;
import huiqi.bench.web.WebBench;
import huiqi.facts.IndicatorCatalog;
import huiqi.web.batch.BatchRun;
import huiqi.web.batch.BatchRunRequest;
import huiqi.web.batch.BatchRunService;
import huiqi.web.batch.BatchRunStore;
import huiqi.web.batch.BatchResults;
import huiqi.web.batch.ResultFilter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * ./huiqi bench --platform --enterprises N: the platform's own 批量免申即享 run at scale. Starts the real platform
 * (demo mode, embedded PostgreSQL in a temporary directory), puts N generated enterprises into PostgreSQL with COPY,
 * measures the login page with concurrent visitors while the machine is otherwise idle, then starts a run over all
 * documents through the product path (BatchRunService: PostgreSQL COPY export → DuckDB → results stored with COPY)
 * and measures the login page again, with the same visitors, for as long as the run takes.
 */
public final class PlatformBench {
    static final double TARGET_SECONDS = 120;
    static final double TARGET_LOGIN_RATIO = 2;

    record Options(int enterprises, int users, int idleRequests, String memoryLimit, int threads) {
        static Options parse(String[] args) {
            int enterprises = 100_000;
            int users = 5;
            int idle = 1000;
            String memory = "3GB";
            int threads = 1;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--enterprises" -> enterprises = Integer.parseInt(args[++i].replace("_", ""));
                    case "--users" -> users = Integer.parseInt(args[++i]);
                    case "--idle-requests" -> idle = Integer.parseInt(args[++i].replace("_", ""));
                    case "--memory-limit" -> memory = args[++i];
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("未知参数 " + args[i]);
                }
            }
            if (enterprises < 1 || users < 1 || idle < users || threads < 1) {
                throw new IllegalArgumentException("需要 enterprises ≥ 1，users ≥ 1，idle-requests ≥ users，threads ≥ 1");
            }
            return new Options(enterprises, users, idle, memory, threads);
        }
    }

    /** {@code idle} before the run, {@code after} once it finished: the ratio is taken against the faster of the two. */
    record Result(Options options, long enterprises, long facts, double loadSeconds, BatchRun run, double runSeconds,
                  long storedRows, long postgresRows, Latencies idle, Latencies during, Latencies after, String loadBefore, String loadAfter,
                  BatchRun again, double againSeconds) {
        double idleP99() {
            return Math.min(idle.percentileMillis(99), after.percentileMillis(99));
        }

        double loginRatio() {
            return during.percentileMillis(99) / idleP99();
        }

        boolean met() {
            return runSeconds < TARGET_SECONDS && loginRatio() <= TARGET_LOGIN_RATIO;
        }
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.err.println("用法：./huiqi bench --platform [--enterprises 100000] [--users 5] [--idle-requests 1000] "
                    + "[--memory-limit 3GB] [--threads 1]");
            System.exit(2);
            return;
        }
        System.out.printf("机器：%d 核，最大堆 %,d MB，Java %s；启动平台并以 COPY 载入 %,d 户生成企业…%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), o.enterprises());
        Result r = run(o);
        System.out.print(report(r));
        System.exit(r.met() ? 0 : 3);
    }

    static Result run(Options o) throws Exception {
        // BatchResultStore logs the parts of the store step (file, CSV, PostgreSQL COPY, attach) at INFO
        Map<String, String> props = Map.of("huiqi.demo.enterprises", "20", "huiqi.batch.memory-limit", o.memoryLimit(),
                "huiqi.batch.threads", Integer.toString(o.threads()),
                "logging.level.huiqi.web.batch.BatchResultStore", "INFO");
        try (PlatformUnderTest platform = new PlatformUnderTest(20, props)) {
            Path tmp = Files.createTempDirectory("huiqi-platformbench-");
            BulkEnterpriseLoad.Loaded loaded;
            try {
                loaded = new BulkEnterpriseLoad(platform.bean(DataSource.class), platform.bean(IndicatorCatalog.class))
                        .load(o.enterprises(), 20240601, tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
            System.out.printf("已载入 %,d 户企业、%,d 条指标数据（%.1f s）；测空闲时的登录页…%n",
                    loaded.enterprises(), loaded.facts(), loaded.seconds());
            List<BenchClient> visitors = new ArrayList<>();
            for (int i = 0; i < o.users(); i++) {
                visitors.add(BenchClient.anonymous(platform.base()));
            }
            String loadBefore = WebBench.loadAverage();
            AtomicInteger left = new AtomicInteger(o.idleRequests() / 2);
            visit("预热", visitors, () -> left.getAndDecrement() > 0);
            AtomicInteger idleLeft = new AtomicInteger(o.idleRequests());
            Latencies idle = visit("登录页（空闲）", visitors, () -> idleLeft.getAndDecrement() > 0);

            BatchRunService service = platform.bean(BatchRunService.class);
            BatchRunStore runs = platform.bean(BatchRunStore.class);
            System.out.println("发起批量运行（全部文件）并在运行期间测登录页…");
            long t0 = System.nanoTime();
            long id = service.start(new BatchRunRequest(null, null, Map.of(), null), "admin").id();
            AtomicBoolean finished = new AtomicBoolean();
            Thread watcher = new Thread(() -> {
                while (!runs.find(id).orElseThrow().finished()) {
                    sleep(100);
                }
                finished.set(true);
            });
            watcher.start();
            Latencies during = visit("登录页（批量运行期间）", visitors, () -> !finished.get());
            watcher.join();
            double runSeconds = (System.nanoTime() - t0) / 1e9;
            BatchRun run = runs.find(id).orElseThrow();
            if (!run.done()) {
                throw new IllegalStateException("批量运行失败：" + run.error());
            }
            AtomicInteger afterLeft = new AtomicInteger(o.idleRequests());
            Latencies after = visit("登录页（运行结束后，空闲）", visitors, () -> afterLeft.getAndDecrement() > 0);
            long stored = platform.bean(BatchResults.class).page(id, new ResultFilter(null, null, null), 1, 1).total();
            long inPostgres = platform.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select count(*) from batch_result where run_id = ?").param(id).query(Long.class).single();
            String loadAfter = WebBench.loadAverage();
            // the same run again with the data unchanged: the export and the wide table of the first are reused
            System.out.println("再次发起同样的运行（数据未变）…");
            long t1 = System.nanoTime();
            long againId = service.start(new BatchRunRequest(null, null, Map.of(), null), "admin").id();
            while (!runs.find(againId).orElseThrow().finished()) {
                sleep(100);
            }
            double againSeconds = (System.nanoTime() - t1) / 1e9;
            BatchRun again = runs.find(againId).orElseThrow();
            if (!again.done()) {
                throw new IllegalStateException("再次运行失败：" + again.error());
            }
            return new Result(o, loaded.enterprises(), loaded.facts(), loaded.seconds(), run, runSeconds, stored, inPostgres, idle,
                    during, after, loadBefore, loadAfter, again, againSeconds);
        }
    }

    /** Closed loop: every visitor asks for the login page again as soon as it is answered, while {@code more} says so. */
    static Latencies visit(String label, List<BenchClient> visitors, BooleanSupplier more) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(visitors.size());
        try {
            List<Future<long[]>> parts = new ArrayList<>();
            long t0 = System.nanoTime();
            for (BenchClient c : visitors) {
                parts.add(pool.submit(() -> {
                    long[] times = new long[1024];
                    int n = 0;
                    while (more.getAsBoolean()) {
                        long s = System.nanoTime();
                        HttpResponse<String> r = c.get("/login");
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(label + "：/login → " + r.statusCode());
                        }
                        if (n == times.length) {
                            times = Arrays.copyOf(times, n * 2);
                        }
                        times[n++] = System.nanoTime() - s;
                    }
                    return Arrays.copyOf(times, n);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : parts) {
                all.add(f.get());
            }
            return new Latencies(label, all.stream().flatMapToLong(Arrays::stream).toArray(), System.nanoTime() - t0);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }


    static String report(Result r) {
        StringBuilder sb = new StringBuilder();
        BatchRun.Timings t = r.run().timings();
        sb.append(String.format("%n载入（COPY）%,d 户企业、%,d 条指标数据：%.1f s。批量运行 #%d（全部文件，%d 条规则，%,d 户企业）："
                        + "发起到完成 %.1f s（目标 < %.0f s：%s）；保存逐户结果 %,d 行（其中 PostgreSQL %,d 行）。%n",
                r.enterprises(), r.facts(), r.loadSeconds(), r.run().id(), r.run().rules(), r.run().enterprises(),
                r.runSeconds(), TARGET_SECONDS, r.runSeconds() < TARGET_SECONDS ? "达到" : "未达到", r.storedRows(), r.postgresRows()));
        sb.append(String.format("分段（秒）：导出 %s，读入与转置 %s，评估 %s，保存 %s。%n", sec(t.export()), sec(t.load()),
                sec(t.evaluate()), sec(t.store())));
        sb.append("系统负载（1/5/15 分钟）：开始 ").append(r.loadBefore()).append("，结束 ").append(r.loadAfter()).append("\n");
        if (r.again() != null) {
            BatchRun.Timings a = r.again().timings();
            sb.append(String.format("再次运行 #%d（数据未变，沿用导出与宽表缓存）：发起到完成 %.1f s；分段（秒）：导出 %s，读入 %s，评估 %s，保存 %s。%n",
                    r.again().id(), r.againSeconds(), sec(a.export()), sec(a.load()), sec(a.evaluate()), sec(a.store())));
        }
        sb.append("\n");
        sb.append(String.format("登录页，%d 个并发访客（闭环）：%n%n", r.options().users()));
        sb.append("| 阶段 | 请求数 | p50 ms | p90 ms | p99 ms | 最大 ms | 请求/秒 |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Latencies l : List.of(r.idle(), r.during(), r.after())) {
            sb.append(String.format("| %s | %,d | %.1f | %.1f | %.1f | %.1f | %,.0f |%n", l.label(), l.count(),
                    l.percentileMillis(50), l.percentileMillis(90), l.percentileMillis(99), l.maxMillis(), l.perSecond()));
        }
        sb.append(String.format("%n运行期间登录页 p99 为空闲时（运行前、后两者中较快的 p99 %.1f ms）的 %.2f 倍（目标 ≤ %.0f 倍：%s）。%n",
                r.idleP99(), r.loginRatio(),
                TARGET_LOGIN_RATIO, r.loginRatio() <= TARGET_LOGIN_RATIO ? "达到" : "未达到"));
        return sb.toString();
    }

    private static String sec(Long ms) {
        return ms == null ? "—" : String.format("%.1f", ms / 1000.0);
    }
}
