package huiqi.bench.platform;

import huiqi.bench.web.GcPauses;
import huiqi.bench.web.Latencies;
import huiqi.bench.web.PacedVisitors;
import huiqi.web.batch.BatchRun;
import huiqi.web.batch.BatchRunRequest;
import huiqi.web.batch.BatchRunService;
import huiqi.web.batch.BatchRunStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * {@code --priority-trial N}: does the batch thread's low priority keep the login page faster? N rounds of two runs
 * with the data unchanged (evaluation and store: DuckDB on the batch thread, PostgreSQL COPY of the results), one at
 * normal priority and one at the product's low priority, in the order AB, BA, AB … so that a drift of the machine's
 * load weighs on both alike; paced visitors measure the login page during each. Takes effect only with
 * -XX:ThreadPriorityPolicy=1 (the report gives the nice value each run really had).
 */
final class PriorityTrial {

    /** One run of the trial. */
    record Trial(int priority, OptionalInt nice, double runSeconds, LoginPhase during) {
    }

    private PriorityTrial() {
    }

    static List<Trial> run(BatchRunService service, BatchRunStore runs, IntFunction<PacedVisitors> paced,
                           PacedVisitors.Request login, GcPauses gc, int rounds) throws Exception {
        List<LoginPhase.Timed> timed = new ArrayList<>();
        List<Integer> priorities = new ArrayList<>();
        List<OptionalInt> nices = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            int[] order = round % 2 == 0 ? new int[] {Thread.NORM_PRIORITY, Thread.MIN_PRIORITY}
                    : new int[] {Thread.MIN_PRIORITY, Thread.NORM_PRIORITY};
            for (int priority : order) {
                if (!BatchThreadPriority.set(priority)) {
                    throw new IllegalStateException("没有找到批量线程 " + BatchThreadPriority.THREAD);
                }
                nices.add(BatchThreadPriority.nice());
                long t0 = System.nanoTime();
                long id = service.start(new BatchRunRequest(null, null, Map.of(), null), "admin").id();
                AtomicBoolean finished = new AtomicBoolean();
                Thread watcher = new Thread(() -> {
                    while (!runs.find(id).orElseThrow().finished()) {
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    finished.set(true);
                });
                watcher.start();
                String label = "试验第 " + (round + 1) + " 轮，批量线程优先级 " + priority;
                // as in the main phase: until the worker is idle (it may still write a wide table to the cache)
                timed.add(LoginPhase.measure(() -> paced.apply(10 + timed.size()).run(label, login,
                        () -> !finished.get() || service.busy())));
                watcher.join();
                seconds.add((System.nanoTime() - t0) / 1e9);
                priorities.add(priority);
                BatchRun run = runs.find(id).orElseThrow();
                if (!run.done()) {
                    throw new IllegalStateException("试验运行失败：" + run.error());
                }
            }
        }
        BatchThreadPriority.set(Thread.MIN_PRIORITY); // the product's setting again
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < timed.size(); i++) {
            trials.add(new Trial(priorities.get(i), nices.get(i), seconds.get(i), timed.get(i).with(gc)));
        }
        return trials;
    }

    static String report(List<Trial> trials) {
        if (trials.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(
                "%n批量线程优先级试验（数据未变的运行，正常 / 低优先级按 AB、BA… 交替；开环访客同上）：%n%n"
                        + "| 运行 | Java 优先级 | nice | 发起到完成 s | 请求数 | p50 ms | p90 ms | p99 ms | 最大 ms | GC 停顿 ≥ 1 ms（次） | 停顿合计 ms | 本 JVM CPU | 其他进程 CPU |%n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n"));
        for (Trial t : trials) {
            Latencies l = t.during().latencies();
            sb.append(String.format("| %s | %d | %s | %.1f | %,d | %.1f | %.1f | %.1f | %.1f | %d | %d | %s | %s |%n", l.label(), t.priority(),
                    t.nice().isPresent() ? Integer.toString(t.nice().getAsInt()) : "—", t.runSeconds(), l.count(),
                    l.percentileMillis(50), l.percentileMillis(90), l.percentileMillis(99), l.maxMillis(),
                    t.during().gc().countAtLeast(1), t.during().gc().totalMillis(),
                    t.during().cpu().map(c -> String.format("%.0f%%", c.jvm() * 100)).orElse("—"),
                    t.during().cpu().map(c -> String.format("%.0f%%", c.others() * 100)).orElse("—")));
        }
        Latencies normal = pooled(trials, Thread.NORM_PRIORITY, "正常优先级合计");
        Latencies low = pooled(trials, Thread.MIN_PRIORITY, "低优先级合计");
        sb.append(String.format("%n合并：正常优先级 p99 %.1f ms（%,d 个请求），低优先级 p99 %.1f ms（%,d 个请求）；运行时间合计 %.1f / %.1f s。%n",
                normal.percentileMillis(99), normal.count(), low.percentileMillis(99), low.count(),
                seconds(trials, Thread.NORM_PRIORITY), seconds(trials, Thread.MIN_PRIORITY)));
        return sb.toString();
    }

    private static Latencies pooled(List<Trial> trials, int priority, String label) {
        return Latencies.pooled(label, trials.stream().filter(t -> t.priority() == priority).map(t -> t.during().latencies()).toList());
    }

    private static double seconds(List<Trial> trials, int priority) {
        return trials.stream().filter(t -> t.priority() == priority).mapToDouble(Trial::runSeconds).sum();
    }
}
