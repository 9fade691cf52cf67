package huiqi.web.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Puts the calling thread at the lowest CPU priority (nice 19) on Linux, so that while a batch run computes, the web's
 * threads get a core as soon as they ask. Java thread priorities cannot do this: Linux JVMs ignore them unless started
 * with -XX:ThreadPriorityPolicy=1, and then MIN_PRIORITY is only nice 4. Raising one's own nice value needs no rights;
 * the thread's id comes from /proc/thread-self and {@code renice} (util-linux) sets it. Best effort: off Linux, or
 * without renice, the thread keeps its priority.
 */
final class LowCpuPriority {
    static final int NICE = 19;

    private LowCpuPriority() {
    }

    /** Lowers the calling thread; returns its nice value afterwards, empty when it cannot be read. */
    static OptionalInt lowerCurrentThread() {
        Path self = Path.of("/proc/thread-self");
        if (!Files.exists(self)) {
            return OptionalInt.empty();
        }
        try {
            String tid = Files.readSymbolicLink(self).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", String.valueOf(NICE), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
            }
            return niceOf(Files.readString(self.resolve("stat")));
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /** /proc/…/stat: "tid (comm) state …"; nice is the 19th field, counted after comm's ')' (comm may hold spaces). */
    static OptionalInt niceOf(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return OptionalInt.empty();
        }
        String[] rest = stat.substring(close + 2).trim().split(" ");
        return rest.length > 16 ? OptionalInt.of(Integer.parseInt(rest[16])) : OptionalInt.empty();
    }
}
