package huiqi.bench.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Open-loop arrivals: their rate, and times that count the wait behind a slow server (no coordinated omission). */
class PacedVisitorsTest {

    @Test
    void poissonGapsHaveTheMeanOfTheRateAndRepeatForASeed() {
        PoissonArrivals a = new PoissonArrivals(50, 7);
        long sum = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            long gap = a.nextGapNanos();
            assertThat(gap).isNotNegative();
            sum += gap;
        }
        assertThat(sum / (double) n / 1e6).isCloseTo(20.0, org.assertj.core.data.Offset.offset(0.6));
        assertThat(new PoissonArrivals(50, 7).nextGapNanos()).isEqualTo(new PoissonArrivals(50, 7).nextGapNanos());
        assertThatThrownBy(() -> new PoissonArrivals(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFastServerAnswersInItsServiceTimeAtTheScheduledRate() throws Exception {
        Latencies l = new PacedVisitors(new PoissonArrivals(100, 1), 4)
                .run("fast", w -> Thread.sleep(2), PacedVisitors.forSeconds(1));
        assertThat(l.count()).isBetween(60, 140);
        assertThat(l.percentileMillis(50)).isBetween(2.0, 30.0);
    }

    @Test
    void aServerThatStallsDelaysTheRequestsThatArriveMeanwhileAndThatWaitIsMeasured() throws Exception {
        // one worker, 100 arrivals a second, the first answer takes 500 ms: some 50 requests arrive during the stall
        // and each waits for it. A closed loop would have sent one request in that time and seen 1 slow of n.
        AtomicInteger sent = new AtomicInteger();
        Latencies l = new PacedVisitors(new PoissonArrivals(100, 3), 1).run("stall", w -> {
            if (sent.getAndIncrement() == 0) {
                Thread.sleep(500);
            }
        }, PacedVisitors.forSeconds(1.0));
        assertThat(l.count()).isGreaterThan(60);
        assertThat(l.percentileMillis(90)).as("a tenth and more of the requests waited behind the stall").isGreaterThan(100.0);
        assertThat(l.percentileMillis(50)).isLessThan(l.percentileMillis(90));
    }

    @Test
    void warmUpStopsWhenTwoWindowsAgreeAndAtItsLimitOtherwise() throws Exception {
        WarmUp w = new WarmUp(2, 5, 0.15);
        long[] p = {40, 20, 11, 10, 10};
        AtomicInteger i = new AtomicInteger();
        WarmUp.Outcome o = w.run(() -> window(p[i.getAndIncrement()]));
        assertThat(o.stable()).isTrue();
        assertThat(o.windows()).hasSize(4); // 11 and 10 agree within 15 %
        AtomicInteger j = new AtomicInteger();
        WarmUp.Outcome never = w.run(() -> window(j.getAndIncrement() % 2 == 0 ? 10 : 20));
        assertThat(never.stable()).isFalse();
        assertThat(never.windows()).hasSize(5);
        assertThat(new WarmUp(4, 6, 0.15).run(() -> window(10)).windows()).as("at least minWindows").hasSize(4);
    }

    @Test
    void aTailToleranceAlsoWaitsForTheP99ToSettle() throws Exception {
        // p50 and p90 agree from the second window on; p99 (the 99th of 100) comes down 60 → 30 → 14 → 12 ms
        long[] tails = {60, 30, 14, 12, 12};
        AtomicInteger i = new AtomicInteger();
        WarmUp.Outcome bodyOnly = new WarmUp(2, 5, 0.15).run(() -> window(10, tails[i.getAndIncrement()]));
        assertThat(bodyOnly.windows()).as("p50/p90 only: stops at the first two windows").hasSize(2);
        AtomicInteger j = new AtomicInteger();
        WarmUp.Outcome withTail = new WarmUp(2, 5, 0.15, 0.25).run(() -> window(10, tails[j.getAndIncrement()]));
        assertThat(withTail.stable()).isTrue();
        assertThat(withTail.windows()).as("14 and 12 agree within 25 %, 30 and 14 do not").hasSize(4);
        assertThat(new WarmUp(2, 5, 0.15, 0.25).comparesTail()).isTrue();
        assertThat(new WarmUp(2, 5, 0.15).comparesTail()).isFalse();
        assertThatThrownBy(() -> new WarmUp(2, 5, 0.15, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** 100 requests: 98 of {@code ms}, the slowest two of {@code tailMs}, so p50 = p90 = ms and p99 = tailMs. */
    private static Latencies window(long ms, long tailMs) {
        long[] n = new long[100];
        java.util.Arrays.fill(n, ms * 1_000_000L);
        n[98] = tailMs * 1_000_000L;
        n[99] = tailMs * 1_000_000L;
        return new Latencies("w", n, 1_000_000_000L);
    }

    private static Latencies window(long ms) {
        long[] n = new long[50];
        java.util.Arrays.fill(n, ms * 1_000_000L);
        return new Latencies("w", n, 1_000_000_000L);
    }
}
