package huiqi.bench.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.bench.web.GcPauses;
import huiqi.bench.web.Latencies;
import huiqi.bench.web.WarmUp;
import huiqi.web.batch.BatchRun;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The options and the verdict of ./huiqi bench --platform, without starting the platform. */
class PlatformBenchTest {

    @Test
    void optionsDefaultToOneHundredThousandAndAreChecked() {
        PlatformBench.Options o = PlatformBench.Options.parse(new String[0]);
        assertThat(o.enterprises()).isEqualTo(100_000);
        assertThat(PlatformBench.Options.parse(new String[] {"--enterprises", "1_000_000", "--users", "3"}).enterprises())
                .isEqualTo(1_000_000);
        assertThatThrownBy(() -> PlatformBench.Options.parse(new String[] {"--users", "0"}))
                .hasMessageContaining("users ≥ 1");
        assertThatThrownBy(() -> PlatformBench.Options.parse(new String[] {"--fast"})).hasMessageContaining("未知参数");
    }

    static Latencies ms(String label, long ms) {
        long[] n = new long[100];
        Arrays.fill(n, ms * 1_000_000L);
        return new Latencies(label, n, 1_000_000_000L);
    }

    static LoginPhase phase(String label, long ms, long... gcPauses) {
        List<GcPauses.Pause> pauses = Arrays.stream(gcPauses).mapToObj(d -> new GcPauses.Pause(1_000, d, "G1 Young Generation", "G1 Evacuation Pause")).toList();
        return new LoginPhase(ms(label, ms), new GcPauses.Summary(500, 31_000, pauses),
                label.equals("之后") ? java.util.Optional.of(new huiqi.bench.web.MachineCpu.Share(0.96, 0.02)) : java.util.Optional.empty());
    }

    static PlatformBench.Result result(double seconds, long idleMs, long duringMs, long afterMs) {
        BatchRun run = new BatchRun(7, null, null, "", null, null, null, BatchRun.DONE, 100, "完成", null, "admin", null,
                null, null, 100_000L, 24, new BatchRun.Timings(1000L, 2000L, 3000L, null, null, 4000L), null);
        return new PlatformBench.Result(PlatformBench.Options.parse(new String[0]), 100_000, 5_500_000, 30, run, seconds,
                2_400_000, 300_000, phase("空闲", idleMs), phase("运行期间", duringMs, 0, 1, 12, 3), phase("之后", afterMs), "1 / 1 / 1", "2 / 2 / 2",
                run, 12.5, new WarmUp.Outcome(List.of(ms("预热", 9), ms("预热", 3), ms("预热", 3)), true),
                new WarmUp.Outcome(List.of(ms("开环预热", 4), ms("开环预热", 4)), true),
                new PlatformBench.Saturation(ms("闭环（空闲）", 4), ms("闭环（再次运行期间）", 14)),
                new ChangedRerun.Outcome(1_000, 2.5, run, 20.0), List.of());
    }

    @Test
    void theRatioIsTakenAgainstBothIdlePhasesAsOneSample() {
        // idle before: 100 requests at 30 ms; after: 100 at 20 ms. Pooled, the 198th of 200 is 30 ms; the faster of the
        // two (20 ms, the earlier rule) would make 50 ms read 2.5× instead of 1.67×.
        PlatformBench.Result r = result(60, 30, 50, 20);
        assertThat(r.idleP99()).isEqualTo(30.0);
        assertThat(r.loginRatio()).isCloseTo(5.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.idleSpread()).isEqualTo(1.5);
        assertThat(r.met()).isTrue();
        PlatformBench.Result slow = result(60, 30, 70, 20);
        assertThat(slow.loginRatio()).isCloseTo(7.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(slow.met()).isFalse();
        assertThat(PlatformBench.report(slow)).contains("= 2.33 倍").contains("目标 ≤ 2 倍：未达到").contains("导出 1.0").contains("2,400,000 行（其中 PostgreSQL 300,000 行）")
                .contains("再次运行 #7（数据未变，沿用导出与宽表缓存）：发起到完成 12.5 s")
                .contains("改动 1,000 户企业的数据（数据导入 2.5 s）后再次运行 #7：发起到完成 20.0 s");
    }

    @Test
    void idlePhasesThatDisagreeByMoreThanTheTargetDecideNothing() {
        // the run's p99 sits between the two idle phases, yet idle before is 2.5× idle after: the machine moved more
        // than the bar, so the bench says it cannot decide and does not count the target as met
        PlatformBench.Result r = result(60, 50, 30, 20);
        assertThat(r.idleSpread()).isEqualTo(2.5);
        assertThat(r.loginRatio()).isLessThan(1.0);
        assertThat(r.idleSteady()).isFalse();
        assertThat(r.met()).isFalse();
        assertThat(PlatformBench.report(r)).contains("两段空闲 p99 相差 2.50 倍").contains("本次不能判定目标，记为未达到")
                .doesNotContain("目标 ≤ 2 倍：达到");
    }

    @Test
    void everyPhaseCountsItsGarbageCollectionPauses() {
        String report = PlatformBench.report(result(60, 20, 30, 25));
        // during: pauses of 0, 1, 12 and 3 ms → three of at least 1 ms, 16 ms in all, the longest 12 ms
        assertThat(report).contains("| 运行期间 | 100 | 30.0 | 30.0 | 30.0 | 30.0 | 100 | 3 | 16 | 12 | 0.5–31.0 |")
                .contains("| 空闲 | 100 | 20.0 | 20.0 | 20.0 | 20.0 | 100 | 0 | 0 | 0 | 0.5–31.0 | — | — | — |")
                .as("after: the machine 96 % busy, 2 % of it this JVM, 94 % other processes")
                .contains("| 之后 | 100 | 25.0 | 25.0 | 25.0 | 25.0 | 100 | 0 | 0 | 0 | 0.5–31.0 | 96% | 2% | 94% |");
    }

    @Test
    void bothTargetsMustHold() {
        assertThat(result(60, 20, 30, 25).met()).isTrue();
        assertThat(result(130, 20, 30, 25).met()).as("slower than two minutes").isFalse();
        assertThat(PlatformBench.report(result(130, 20, 30, 25))).contains("目标 < 120 s：未达到");
    }

    @Test
    void theClosedLoopFigureIsASecondLabelledLineThatDecidesNothing() {
        PlatformBench.Result r = result(60, 20, 30, 25);
        assertThat(r.saturation().ratio()).isEqualTo(3.5);
        assertThat(r.met()).as("paced 30 / 25 = 1.2×, whatever the closed loop says").isTrue();
        assertThat(PlatformBench.report(r)).contains("开环访客（泊松到达，共 50 次/秒").contains("= 1.20 倍").contains("目标 ≤ 2 倍：达到")
                .contains("分别对运行前、运行后的空闲：1.50 / 1.20 倍")
                .contains("闭环饱和").contains("闭环：再次运行期间 p99 为空闲时的 3.50 倍")
                .contains("预热：3 个 5 秒窗口（闭环），最后两窗 p50、p90 相差 ≤ 15%")
                .contains("开环预热：2 个 15 秒窗口（与下面同样的开环访客），最后两窗 p50、p90 相差 ≤ 15%、p99 相差 ≤ 25%");
    }

    @Test
    void rateAndIdleSecondsAreOptions() {
        PlatformBench.Options o = PlatformBench.Options.parse(new String[] {"--rate", "20", "--idle-seconds", "10"});
        assertThat(o.rate()).isEqualTo(20.0);
        assertThat(o.idleSeconds()).isEqualTo(10.0);
        assertThatThrownBy(() -> PlatformBench.Options.parse(new String[] {"--rate", "0"})).hasMessageContaining("rate > 0");
        assertThat(o.priorityTrial()).as("off unless asked for").isZero();
        assertThat(PlatformBench.Options.parse(new String[] {"--priority-trial", "2"}).priorityTrial()).isEqualTo(2);
        assertThatThrownBy(() -> PlatformBench.Options.parse(new String[] {"--priority-trial", "-1"})).hasMessageContaining("priority-trial ≥ 0");
    }
}
