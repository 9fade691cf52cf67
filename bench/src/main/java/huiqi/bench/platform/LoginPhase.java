package huiqi.bench.platform;

import huiqi.bench.web.GcPauses;
import huiqi.bench.web.Latencies;
import java.util.concurrent.Callable;

/** One measured phase of the login page: its response times and the garbage collections that fell into it. */
record LoginPhase(Latencies latencies, GcPauses.Summary gc) {

    /** A phase measured, its collections read later (the collectors announce them shortly after the fact). */
    record Timed(Latencies latencies, long fromMillis, long toMillis) {
        LoginPhase with(GcPauses gc) {
            return new LoginPhase(latencies, gc.between(fromMillis, toMillis));
        }
    }

    static Timed measure(Callable<Latencies> phase) throws Exception {
        long from = GcPauses.uptimeMillis();
        Latencies l = phase.call();
        return new Timed(l, from, GcPauses.uptimeMillis());
    }

    double p99() {
        return latencies.percentileMillis(99);
    }
}
