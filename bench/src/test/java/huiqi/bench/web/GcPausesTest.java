package huiqi.bench.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Garbage-collection pauses as the collectors announce them, and their share per phase of a bench. */
class GcPausesTest {

    @Test
    void aPhaseHasThePausesThatStartedInItsWindow() {
        try (GcPauses g = new GcPauses()) {
            g.record(new GcPauses.Pause(900, 40, "G1 Young Generation", "G1 Evacuation Pause"));
            g.record(new GcPauses.Pause(1_000, 0, "G1 Young Generation", "G1 Evacuation Pause"));
            g.record(new GcPauses.Pause(1_500, 7, "G1 Young Generation", "G1 Evacuation Pause"));
            g.record(new GcPauses.Pause(1_999, 1, "G1 Young Generation", "G1 Evacuation Pause"));
            g.record(new GcPauses.Pause(2_000, 90, "G1 Old Generation", "System.gc()"));
            GcPauses.Summary s = g.between(1_000, 2_000);
            assertThat(s.pauses()).extracting(GcPauses.Pause::startMillis).containsExactly(1_000L, 1_500L, 1_999L);
            assertThat(s.countAtLeast(1)).as("the 0 ms one is below a millisecond").isEqualTo(2);
            assertThat(s.countAtLeast(5)).isEqualTo(1);
            assertThat(s.totalMillis()).isEqualTo(8);
            assertThat(s.maxMillis()).isEqualTo(7);
            assertThat(g.between(3_000, 4_000).maxMillis()).isZero();
        }
    }

    @Test
    void listensToTheCollectorsOfThisJvm() throws Exception {
        try (GcPauses g = GcPauses.listen()) {
            long from = GcPauses.uptimeMillis() - 1_000; // the collectors' clock runs a few ms behind uptime
            System.gc();
            // other collections may be announced first (the test JVM allocates on other threads too): wait for this one
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!announced(g.between(from, Long.MAX_VALUE).pauses()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(announced(g.between(from, Long.MAX_VALUE).pauses())).as("System.gc() is announced").isTrue();
        }
    }

    private static boolean announced(List<GcPauses.Pause> pauses) {
        return pauses.stream().anyMatch(p -> p.cause().equals("System.gc()"));
    }
}
