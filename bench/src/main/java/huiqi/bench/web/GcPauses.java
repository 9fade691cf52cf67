package huiqi.bench.web;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The garbage collections of this JVM as the collectors announce them (start, duration in whole milliseconds, JVM
 * uptime), so that a bench can say how many pauses fell into each of its phases. On Java 17 G1 announces its young and
 * full collections; the short remark and cleanup pauses of a concurrent cycle are not announced (-Xlog:gc shows them).
 */
public final class GcPauses implements AutoCloseable {

    /** One collection: when it started (ms of JVM uptime) and how long it took. */
    public record Pause(long startMillis, long durationMillis, String collector, String cause) {
    }

    /** The collections of one phase of {@code [fromMillis, toMillis)} uptime. */
    public record Summary(long fromMillis, long toMillis, List<Pause> pauses) {
        public Summary {
            pauses = List.copyOf(pauses);
        }

        /** Pauses of at least {@code millis}. */
        public long countAtLeast(long millis) {
            return pauses.stream().filter(p -> p.durationMillis() >= millis).count();
        }

        public long totalMillis() {
            return pauses.stream().mapToLong(Pause::durationMillis).sum();
        }

        public long maxMillis() {
            return pauses.stream().mapToLong(Pause::durationMillis).max().orElse(0);
        }
    }

    private final List<Pause> pauses = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (n, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            record(new Pause(info.getGcInfo().getStartTime(), info.getGcInfo().getDuration(), info.getGcName(), info.getGcCause()));
        }
    };

    /** Listens from now on to every collector of this JVM. */
    public static GcPauses listen() {
        GcPauses g = new GcPauses();
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter e) {
                e.addNotificationListener(g.listener, null, null);
                g.emitters.add(e);
            }
        }
        return g;
    }

    /**
     * Milliseconds since this JVM started. The collectors count from when the JVM's management started, a few
     * milliseconds later, so a pause's {@link Pause#startMillis()} reads that much early on this clock: nothing for
     * phases of seconds, but a window should not be cut to the millisecond.
     */
    public static long uptimeMillis() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    synchronized void record(Pause p) {
        pauses.add(p);
    }

    /** The collections that started in {@code [fromMillis, toMillis)}. */
    public synchronized Summary between(long fromMillis, long toMillis) {
        return new Summary(fromMillis, toMillis,
                pauses.stream().filter(p -> p.startMillis() >= fromMillis && p.startMillis() < toMillis).toList());
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
