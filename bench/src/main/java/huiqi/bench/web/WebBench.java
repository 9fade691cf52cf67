package huiqi.bench.web;

import huiqi.enterprise.EnterpriseRecord;
import huiqi.web.enterprise.PgEnterpriseStore;
import huiqi.web.matching.MatchReport;
import huiqi.web.matching.PolicyPages;
import huiqi.web.matching.RuleMatching;
import huiqi.web.rules.RuleBook;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ./huiqi bench --web: server time of the 一企一策 page under concurrent users. Starts the real platform
 * (demo mode, embedded PostgreSQL in a temporary directory), signs in one HTTP client per user as the
 * enterprises with the most facts, warms up, then measures a trivial page (the login page: same server,
 * security chain and template engine, no work) and the 一企一策 page with the same number of users, and
 * finally times the page's parts single-threaded in-process (loading the facts, evaluating every rule,
 * the whole request) to show where the time goes.
 */
public final class WebBench {
    static final double TARGET_P99_MS = 50;
    private static final String PASSWORD = "demo123";

    record Options(int users, int requests, int warmup, int enterprises, int profileRounds) {
        static Options parse(String[] args) {
            int users = 20;
            int requests = 2000;
            int warmup = 1000;
            int enterprises = 3000;
            int rounds = 20;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--users" -> users = Integer.parseInt(args[++i]);
                    case "--requests" -> requests = Integer.parseInt(args[++i].replace("_", ""));
                    case "--warmup" -> warmup = Integer.parseInt(args[++i].replace("_", ""));
                    case "--enterprises" -> enterprises = Integer.parseInt(args[++i].replace("_", ""));
                    case "--profile-rounds" -> rounds = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("未知参数 " + args[i]);
                }
            }
            if (users < 1 || requests < users || warmup < 0 || enterprises < users || rounds < 1) {
                throw new IllegalArgumentException("需要 users ≥ 1，requests ≥ users，enterprises ≥ users");
            }
            return new Options(users, requests, warmup, enterprises, rounds);
        }
    }

    /** Single-threaded medians of the parts of one 一企一策 request, in milliseconds. */
    record Breakdown(double loadMs, double evaluateMs, double matchMs, double keptMs, double pageMs, double loginMs) {
    }

    record Result(Options options, int rules, List<String> enterprises, int minFacts, int maxFacts,
                  double eligibleAverage, int pageBytes, Latencies baseline, Latencies policy, Breakdown parts,
                  double startSeconds, String loadBefore, String loadAfter, double baselineCpuMs, double policyCpuMs) {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.err.println("用法：./huiqi bench --web [--users 20] [--requests 2000] [--warmup 1000] [--enterprises 3000] [--profile-rounds 20]");
            System.exit(2);
            return;
        }
        System.out.printf("机器：%d 核，最大堆 %,d MB，Java %s；启动平台（演示模式，%,d 户演示企业）…%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), o.enterprises());
        Result r = run(o);
        System.out.print(report(r));
        System.exit(r.policy().percentileMillis(99) <= TARGET_P99_MS ? 0 : 3);
    }

    static Result run(Options o) throws Exception {
        String loadBefore = loadAverage();
        long started = System.nanoTime();
        try (PlatformUnderTest platform = new PlatformUnderTest(o.enterprises())) {
            double startSeconds = (System.nanoTime() - started) / 1e9;
            JdbcClient jdbc = platform.bean(JdbcClient.class);
            // the enterprises with the fullest facts (most indicators, then most rows) that have an account
            List<Map<String, Object>> chosen = jdbc.sql("""
                            select f.uscc, count(distinct f.indicator) as indicators, count(*) as facts
                            from enterprise_fact f join app_user u on u.username = f.uscc and u.role = 'ENTERPRISE'
                            group by f.uscc order by 2 desc, 3 desc, 1 limit ?""")
                    .param(o.users()).query().listOfRows();
            if (chosen.size() < o.users()) {
                throw new IllegalStateException("演示企业不足 " + o.users() + " 户");
            }
            List<String> usccs = chosen.stream().map(m -> (String) m.get("uscc")).toList();
            int minFacts = chosen.stream().mapToInt(m -> ((Number) m.get("facts")).intValue()).min().orElse(0);
            int maxFacts = chosen.stream().mapToInt(m -> ((Number) m.get("facts")).intValue()).max().orElse(0);
            List<BenchClient> clients = new ArrayList<>();
            for (String u : usccs) {
                clients.add(BenchClient.login(platform.base(), u, PASSWORD));
            }
            IntFunction<String> policyOf = i -> "/enterprises/" + usccs.get(i) + "/policy";
            // warm-up: both pages, all users, results thrown away
            phase("预热", clients, o.warmup() / 2, i -> "/login");
            phase("预热", clients, o.warmup(), policyOf);
            long cpu0 = processCpuNanos();
            Latencies baseline = phase("登录页（基线）", clients, o.requests(), i -> "/login");
            long cpu1 = processCpuNanos();
            Latencies policy = phase("一企一策", clients, o.requests(), policyOf);
            long cpu2 = processCpuNanos();
            int bytes = clients.get(0).get(policyOf.apply(0)).body().getBytes(StandardCharsets.UTF_8).length;

            RuleMatching matching = platform.bean(RuleMatching.class);
            double eligible = usccs.stream().mapToInt(u -> matching.match(u).eligible().size()).average().orElse(0);
            Breakdown parts = breakdown(platform, clients.get(0), usccs, o.profileRounds());
            return new Result(o, platform.bean(RuleBook.class).rules().size(), usccs, minFacts, maxFacts, eligible,
                    bytes, baseline, policy, parts, startSeconds, loadBefore, loadAverage(),
                    (cpu1 - cpu0) / 1e6 / o.requests(), (cpu2 - cpu1) / 1e6 / o.requests());
        }
    }

    /**
     * {@code total} GET requests shared by all clients at once (closed loop: each user sends its next request
     * when the previous one is answered); client i always asks for {@code path(i)}.
     */
    static Latencies phase(String label, List<BenchClient> clients, int total, IntFunction<String> path) throws Exception {
        int users = clients.size();
        ExecutorService pool = Executors.newFixedThreadPool(users);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger failures = new AtomicInteger();
        List<Future<long[]>> parts = new ArrayList<>();
        try {
            for (int u = 0; u < users; u++) {
                int user = u;
                int mine = total / users + (u < total % users ? 1 : 0);
                parts.add(pool.submit(() -> {
                    long[] times = new long[mine];
                    String p = path.apply(user);
                    go.await();
                    for (int k = 0; k < mine; k++) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = clients.get(user).get(p);
                        times[k] = System.nanoTime() - t0;
                        if (r.statusCode() != 200 && failures.getAndIncrement() == 0) {
                            System.err.println(label + "：" + p + " → " + r.statusCode());
                        }
                    }
                    return times;
                }));
            }
            long t0 = System.nanoTime();
            go.countDown();
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : parts) {
                all.add(f.get());
            }
            long wall = System.nanoTime() - t0;
            if (failures.get() > 0) {
                throw new IllegalStateException(label + "：" + failures.get() + " 个请求没有得到 200");
            }
            return new Latencies(label, all.stream().flatMapToLong(Arrays::stream).toArray(), wall);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Where one request's time goes, single-threaded, median over rounds × enterprises. */
    static Breakdown breakdown(PlatformUnderTest platform, BenchClient client, List<String> usccs, int rounds) {
        PgEnterpriseStore store = platform.bean(PgEnterpriseStore.class);
        RuleMatching matching = platform.bean(RuleMatching.class);
        int n = rounds * usccs.size();
        long[] load = new long[n];
        long[] eval = new long[n];
        long[] match = new long[n];
        long[] kept = new long[n];
        long[] page = new long[n];
        long[] login = new long[n];
        PolicyPages pages = platform.bean(PolicyPages.class);
        int k = 0;
        for (int r = 0; r < rounds; r++) {
            for (String u : usccs) {
                long t0 = System.nanoTime();
                EnterpriseRecord record = store.record(u).orElseThrow();
                long t1 = System.nanoTime();
                matching.evaluate(record);
                long t2 = System.nanoTime();
                MatchReport report = matching.match(u);
                long t3 = System.nanoTime();
                if (report.uscc() == null) {
                    throw new IllegalStateException();
                }
                long k0 = System.nanoTime();
                pages.of(u).orElseThrow();
                kept[k] = System.nanoTime() - k0;
                // the page as the first user's client sees it (officer-or-self rule: an enterprise sees only itself)
                if (u.equals(usccs.get(0))) {
                    long p0 = System.nanoTime();
                    client.get("/enterprises/" + u + "/policy");
                    page[k] = System.nanoTime() - p0;
                    long l0 = System.nanoTime();
                    client.get("/login");
                    login[k] = System.nanoTime() - l0;
                } else {
                    page[k] = -1;
                    login[k] = -1;
                }
                load[k] = t1 - t0;
                eval[k] = t2 - t1;
                match[k] = t3 - t2;
                k++;
            }
        }
        return new Breakdown(median(load), median(eval), median(match), median(kept),
                median(Arrays.stream(page).filter(t -> t >= 0).toArray()),
                median(Arrays.stream(login).filter(t -> t >= 0).toArray()));
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[s.length / 2] / 1e6;
    }

    /**
     * CPU time this process (server and clients) has used: per request it shows a page's cost apart from how busy
     * the rest of the machine is, which the response times do not.
     */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The 1, 5 and 15 minute load averages as "a / b / c" (未知 where /proc/loadavg cannot be read). */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "未知";
        }
    }

    static String report(Result r) {
        StringBuilder sb = new StringBuilder();
        Options o = r.options();
        sb.append(String.format("%n平台启动（含 %,d 户演示企业生成与导入）%.1f s；规则 %d 条；%d 个并发用户，各以一户企业身份登录"
                        + "（所选企业事实数据 %d–%d 条，平均可享受政策 %.1f 项，页面 %,d 字节）；预热 %,d 次；每页各测 %,d 次。%n",
                o.enterprises(), r.startSeconds(), r.rules(), o.users(), r.minFacts(), r.maxFacts(), r.eligibleAverage(),
                r.pageBytes(), o.warmup() + o.warmup() / 2, o.requests()));
        sb.append("系统负载（1/5/15 分钟）：开始 ").append(r.loadBefore()).append("，结束 ").append(r.loadAfter()).append("\n\n");
        sb.append("| 页面 | 请求数 | p50 ms | p90 ms | p99 ms | 最大 ms | 平均 ms | 请求/秒 | CPU ms/请求 |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        double[] cpu = {r.baselineCpuMs(), r.policyCpuMs()};
        List<Latencies> both = List.of(r.baseline(), r.policy());
        for (int i = 0; i < both.size(); i++) {
            Latencies l = both.get(i);
            sb.append(String.format("| %s | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %,.0f | %.2f |%n", l.label(), l.count(),
                    l.percentileMillis(50), l.percentileMillis(90), l.percentileMillis(99), l.maxMillis(),
                    l.meanMillis(), l.perSecond(), cpu[i]));
        }
        sb.append("（CPU ms/请求：本进程——平台与模拟用户——在该阶段用去的 CPU 时间除以请求数，不受机器上其他进程的影响。）\n");
        double p99 = r.policy().percentileMillis(99);
        sb.append(String.format("%n一企一策 p99 %.1f ms（目标 < %.0f ms：%s），为基线 p99 的 %.1f 倍；p50 为基线的 %.1f 倍。%n",
                p99, TARGET_P99_MS, p99 <= TARGET_P99_MS ? "达到" : "未达到", p99 / r.baseline().percentileMillis(99),
                r.policy().percentileMillis(50) / r.baseline().percentileMillis(50)));
        Breakdown b = r.parts();
        sb.append(String.format("单线程剖析（中位数）：未保存时 读档案与事实 %.2f ms，评估全部规则 %.2f ms，读取+评估+整理结果 %.2f ms；"
                        + "已保存时取页面内容 %.2f ms（一次数据版本查询）；整页请求 %.2f ms，登录页请求 %.2f ms"
                        + "（整页比登录页多 %.2f ms：取内容、填入本人的名称与令牌、%d KB 的传输）。%n",
                b.loadMs(), b.evaluateMs(), b.matchMs(), b.keptMs(), b.pageMs(), b.loginMs(), b.pageMs() - b.loginMs(),
                Math.round(r.pageBytes() / 1024.0)));
        return sb.toString();
    }
}
