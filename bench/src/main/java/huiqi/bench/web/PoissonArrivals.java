package huiqi.bench.web;

import java.util.SplittableRandom;

/**
 * Arrivals of independent users at a fixed mean rate (a Poisson process): the gaps between intended start times
 * are exponentially distributed with mean 1 / rate. Seeded, so two phases of a bench see the same kind of traffic.
 */
public final class PoissonArrivals {
    private final double perSecond;
    private final SplittableRandom random;

    public PoissonArrivals(double perSecond, long seed) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("到达速率必须大于 0");
        }
        this.perSecond = perSecond;
        this.random = new SplittableRandom(seed);
    }

    public double perSecond() {
        return perSecond;
    }

    /** Nanoseconds from one intended start to the next. */
    public long nextGapNanos() {
        // 1 - u lies in (0, 1]: the logarithm is finite
        return (long) (-Math.log(1 - random.nextDouble()) / perSecond * 1e9);
    }
}
