package huiqi.bench.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The batch worker thread ("huiqi-batch", BatchRunService) of the platform in this JVM: its Java priority, set from
 * outside for a trial, and the Linux nice value it really runs at. HotSpot passes Java priorities to Linux only with
 * -XX:ThreadPriorityPolicy=1 (then MIN_PRIORITY is nice 4, NORM_PRIORITY nice 0); otherwise both read nice 0.
 */
final class BatchThreadPriority {
    static final String THREAD = "huiqi-batch";

    private BatchThreadPriority() {
    }

    /** Sets the batch thread's priority; false when there is no such thread yet. */
    static boolean set(int priority) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(THREAD)) {
                t.setPriority(priority);
                return true;
            }
        }
        return false;
    }

    /** The nice value of the native thread named {@link #THREAD} (from /proc), empty off Linux or before it exists. */
    static OptionalInt nice() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return OptionalInt.empty();
        }
        try (Stream<Path> all = Files.list(tasks)) {
            return all.map(BatchThreadPriority::niceOf).filter(OptionalInt::isPresent).findFirst().orElse(OptionalInt.empty());
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    private static OptionalInt niceOf(Path task) {
        try {
            return niceIfNamed(Files.readString(task.resolve("stat")), THREAD);
        } catch (IOException e) {
            return OptionalInt.empty(); // the thread ended meanwhile
        }
    }

    /** /proc/…/stat: "tid (comm) state …", nice is the 19th field; comm may hold spaces, so count after its ')'. */
    static OptionalInt niceIfNamed(String stat, String name) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open || !stat.substring(open + 1, close).equals(name)) {
            return OptionalInt.empty();
        }
        String[] rest = stat.substring(close + 2).trim().split(" ");
        return OptionalInt.of(Integer.parseInt(rest[16]));
    }
}
