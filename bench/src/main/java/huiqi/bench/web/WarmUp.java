package huiqi.bench.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Load until the server's times settle (the JIT has compiled the request path, caches are filled): windows of
 * requests one after the other, at least {@code minWindows}, until two consecutive windows agree on p50 and p90
 * within {@code tolerance} (relative) and, unless {@code tailTolerance} is infinite, on p99 within
 * {@code tailTolerance}; at most {@code maxWindows}.
 */
public record WarmUp(int minWindows, int maxWindows, double tolerance, double tailTolerance) {

    public WarmUp {
        if (minWindows < 2 || maxWindows < minWindows || !(tolerance > 0) || !(tailTolerance > 0)) {
            throw new IllegalArgumentException("需要 2 ≤ minWindows ≤ maxWindows，tolerance > 0，tailTolerance > 0");
        }
    }

    /** p50 and p90 only. */
    public WarmUp(int minWindows, int maxWindows, double tolerance) {
        this(minWindows, maxWindows, tolerance, Double.POSITIVE_INFINITY);
    }

    /** Whether p99 has to agree as well. */
    public boolean comparesTail() {
        return tailTolerance != Double.POSITIVE_INFINITY;
    }

    /** What the warm-up did: every window, and whether the last two agreed (false: it stopped at maxWindows). */
    public record Outcome(List<Latencies> windows, boolean stable) {
    }

    public Outcome run(Callable<Latencies> window) throws Exception {
        List<Latencies> windows = new ArrayList<>();
        while (windows.size() < maxWindows) {
            windows.add(window.call());
            int n = windows.size();
            if (n >= minWindows && agree(windows.get(n - 2), windows.get(n - 1))) {
                return new Outcome(windows, true);
            }
        }
        return new Outcome(windows, false);
    }

    boolean agree(Latencies a, Latencies b) {
        return close(a.percentileMillis(50), b.percentileMillis(50), tolerance)
                && close(a.percentileMillis(90), b.percentileMillis(90), tolerance)
                && (!comparesTail() || close(a.percentileMillis(99), b.percentileMillis(99), tailTolerance));
    }

    private static boolean close(double x, double y, double tolerance) {
        return Math.abs(x - y) <= tolerance * Math.max(x, y);
    }
}
