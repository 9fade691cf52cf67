package huiqi.bench.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Open-loop visitors: requests start on a fixed schedule of arrivals whatever the server does (a slow answer does not
 * hold back the next user, unlike a closed loop), and each request's time runs from its intended start, so time spent
 * waiting for a free worker or for the dispatcher that was itself held up counts as well (no coordinated omission).
 */
public final class PacedVisitors {

    /** One request, sent by worker {@code worker} (each worker may keep its own connection). */
    @FunctionalInterface
    public interface Request {
        void send(int worker) throws Exception;
    }

    private final PoissonArrivals arrivals;
    private final int workers;

    /** {@code workers}: requests in flight at most; more arrivals wait in line (and their wait is measured). */
    public PacedVisitors(PoissonArrivals arrivals, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers ≥ 1");
        }
        this.arrivals = arrivals;
        this.workers = workers;
    }

    /** Starts requests on schedule while {@code more} says so, then waits for the ones in flight. */
    public Latencies run(String label, Request request, BooleanSupplier more) throws Exception {
        int[] next = {0};
        ThreadLocal<Integer> workerId = ThreadLocal.withInitial(() -> {
            synchronized (next) {
                return next[0]++;
            }
        });
        ExecutorService pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        List<Future<Long>> sent = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            long intended = t0;
            while (more.getAsBoolean()) {
                intended += arrivals.nextGapNanos();
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (!more.getAsBoolean()) {
                    break;
                }
                long start = intended;
                sent.add(pool.submit(() -> {
                    request.send(workerId.get());
                    return System.nanoTime() - start;
                }));
            }
            long[] nanos = new long[sent.size()];
            for (int i = 0; i < nanos.length; i++) {
                nanos[i] = sent.get(i).get();
            }
            return new Latencies(label, nanos, System.nanoTime() - t0);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stops starting requests {@code seconds} from now. */
    public static BooleanSupplier forSeconds(double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        return () -> System.nanoTime() < end;
    }
}
