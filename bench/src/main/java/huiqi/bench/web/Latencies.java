package huiqi.bench.web;

import java.util.Arrays;
import java.util.List;

/** Response times of one phase (nanoseconds) and the wall time it took; percentiles by nearest rank. */
public record Latencies(String label, long[] nanos, long wallNanos) {

    public Latencies {
        nanos = nanos.clone();
        Arrays.sort(nanos);
    }

    /** All requests of {@code parts} as one sample (their wall times added): one estimate over several windows. */
    public static Latencies pooled(String label, List<Latencies> parts) {
        long[] all = parts.stream().flatMapToLong(l -> Arrays.stream(l.nanos)).toArray();
        return new Latencies(label, all, parts.stream().mapToLong(Latencies::wallNanos).sum());
    }

    public int count() {
        return nanos.length;
    }

    /** The smallest time at or below which {@code p} percent of the requests finished (nearest rank). */
    public double percentileMillis(double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * nanos.length);
        return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
    }

    public double maxMillis() {
        return nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6;
    }

    public double meanMillis() {
        return Arrays.stream(nanos).average().orElse(Double.NaN) / 1e6;
    }

    public double perSecond() {
        return wallNanos == 0 ? Double.NaN : nanos.length / (wallNanos / 1e9);
    }
}
