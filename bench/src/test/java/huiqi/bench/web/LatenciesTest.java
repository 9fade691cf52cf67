package huiqi.bench.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles over the recorded response times, whatever order the users finished in. */
class LatenciesTest {

    @Test
    void percentilesByNearestRank() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L; // 100 ms … 1 ms, unsorted on purpose
        }
        Latencies l = new Latencies("t", nanos, 2_000_000_000L);
        assertThat(l.percentileMillis(50)).isEqualTo(50.0);
        assertThat(l.percentileMillis(90)).isEqualTo(90.0);
        assertThat(l.percentileMillis(99)).isEqualTo(99.0);
        assertThat(l.percentileMillis(100)).isEqualTo(100.0);
        assertThat(l.maxMillis()).isEqualTo(100.0);
        assertThat(l.meanMillis()).isEqualTo(50.5);
        assertThat(l.perSecond()).isEqualTo(50.0);
    }

    @Test
    void aSingleSlowRequestIsTheP99OfAHundredButNotOfAThousand() {
        long[] hundred = new long[100];
        java.util.Arrays.fill(hundred, 5_000_000L);
        hundred[17] = 500_000_000L;
        assertThat(new Latencies("t", hundred, 1).percentileMillis(99)).isEqualTo(5.0);
        assertThat(new Latencies("t", hundred, 1).percentileMillis(100)).isEqualTo(500.0);
        long[] two = hundred.clone();
        two[3] = 400_000_000L;
        assertThat(new Latencies("t", two, 1).percentileMillis(99)).isEqualTo(400.0);
    }

    @Test
    void pooledIsOneSampleOfAllRequests() {
        long[] fast = new long[100];
        java.util.Arrays.fill(fast, 2_000_000L);
        long[] slow = new long[100];
        java.util.Arrays.fill(slow, 6_000_000L);
        Latencies p = Latencies.pooled("both", java.util.List.of(new Latencies("a", fast, 1_000_000_000L), new Latencies("b", slow, 3_000_000_000L)));
        assertThat(p.count()).isEqualTo(200);
        assertThat(p.percentileMillis(50)).isEqualTo(2.0);
        assertThat(p.percentileMillis(51)).isEqualTo(6.0);
        assertThat(p.percentileMillis(99)).isEqualTo(6.0);
        assertThat(p.perSecond()).isEqualTo(50.0);
    }

    @Test
    void optionsHaveTheIssueDefaults() {
        WebBench.Options o = WebBench.Options.parse(new String[0]);
        assertThat(o.users()).isEqualTo(20);
        assertThat(WebBench.Options.parse(new String[] {"--users", "4", "--requests", "1_000"}).requests()).isEqualTo(1000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebBench.Options.parse(new String[] {"--users", "30", "--requests", "10"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
