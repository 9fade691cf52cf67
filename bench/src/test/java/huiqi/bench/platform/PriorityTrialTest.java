package huiqi.bench.platform;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.bench.web.GcPauses;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The batch-thread priority trial: the nice value read from /proc, and the report of the alternating runs. */
class PriorityTrialTest {

    @Test
    void niceIsTheNineteenthFieldOfTheNamedThreadsStat() {
        String stat = "4242 (huiqi-batch) S 1 4242 4242 0 -1 4194368 18 0 0 0 7 3 0 0 24 4 37 0 12345 0 0";
        assertThat(BatchThreadPriority.niceIfNamed(stat, "huiqi-batch")).isEqualTo(OptionalInt.of(4));
        assertThat(BatchThreadPriority.niceIfNamed(stat.replace("huiqi-batch", "http-nio-1"), "huiqi-batch")).isEmpty();
        String spaced = "7 (a) b) R 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 1 0 0";
        assertThat(BatchThreadPriority.niceIfNamed(spaced, "a) b")).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void theBatchThreadOfThisJvmIsFoundByName() throws Exception {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException ignored) {
                // ended by the test
            }
        }, BatchThreadPriority.THREAD);
        assertThat(BatchThreadPriority.set(Thread.MIN_PRIORITY)).as("no such thread yet").isFalse();
        t.start();
        try {
            assertThat(BatchThreadPriority.set(Thread.MIN_PRIORITY)).isTrue();
            assertThat(t.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
            if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task"))) {
                assertThat(BatchThreadPriority.nice()).as("read from /proc on Linux").isPresent();
            }
        } finally {
            t.interrupt();
            t.join();
        }
    }

    @Test
    void theReportPoolsEachPriority() {
        List<PriorityTrial.Trial> trials = List.of(
                new PriorityTrial.Trial(Thread.NORM_PRIORITY, OptionalInt.of(0), 20.0, PlatformBenchTest.phase("试验第 1 轮，批量线程优先级 5", 30, 5)),
                new PriorityTrial.Trial(Thread.MIN_PRIORITY, OptionalInt.of(4), 21.0, PlatformBenchTest.phase("试验第 1 轮，批量线程优先级 1", 10)),
                new PriorityTrial.Trial(Thread.MIN_PRIORITY, OptionalInt.of(4), 22.0, PlatformBenchTest.phase("试验第 2 轮，批量线程优先级 1", 12)),
                new PriorityTrial.Trial(Thread.NORM_PRIORITY, OptionalInt.empty(), 19.0, PlatformBenchTest.phase("试验第 2 轮，批量线程优先级 5", 40)));
        String report = PriorityTrial.report(trials);
        assertThat(report).contains("| 试验第 1 轮，批量线程优先级 5 | 5 | 0 | 20.0 | 100 | 30.0 | 30.0 | 30.0 | 30.0 | 1 | 5 | — | — |")
                .contains("| 试验第 2 轮，批量线程优先级 5 | 5 | — | 19.0 |")
                .contains("正常优先级 p99 40.0 ms（200 个请求），低优先级 p99 12.0 ms（200 个请求）；运行时间合计 39.0 / 43.0 s");
        assertThat(PriorityTrial.report(List.of())).isEmpty();
        assertThat(GcPauses.uptimeMillis()).isPositive();
    }
}
