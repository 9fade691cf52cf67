package huiqi.bench.platform;

import huiqi.bench.web.GcPauses;
import huiqi.bench.web.Latencies;
import huiqi.bench.web.MachineCpu;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * One measured phase of the login page: its response times, the garbage collections that fell into it and how busy
 * the machine was meanwhile (empty off Linux).
 */
record LoginPhase(Latencies latencies, GcPauses.Summary gc, Optional<MachineCpu.Share> cpu) {

    LoginPhase(Latencies latencies, GcPauses.Summary gc) {
        this(latencies, gc, Optional.empty());
    }

    /** A phase measured, its collections read later (the collectors announce them shortly after the fact). */
    record Timed(Latencies latencies, long fromMillis, long toMillis, Optional<MachineCpu.Share> cpu) {
        LoginPhase with(GcPauses gc) {
            return new LoginPhase(latencies, gc.between(fromMillis, toMillis), cpu);
        }
    }

    static Timed measure(Callable<Latencies> phase) throws Exception {
        long from = GcPauses.uptimeMillis();
        Optional<MachineCpu.Reading> before = MachineCpu.read();
        Latencies l = phase.call();
        Optional<MachineCpu.Reading> after = MachineCpu.read();
        Optional<MachineCpu.Share> cpu = before.isPresent() && after.isPresent()
                ? Optional.of(MachineCpu.between(before.get(), after.get(), Runtime.getRuntime().availableProcessors()))
                : Optional.empty();
        return new Timed(l, from, GcPauses.uptimeMillis(), cpu);
    }

    double p99() {
        return latencies.percentileMillis(99);
    }
}
