package huiqi.fuzzing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What every fuzz target (issue #15, docs/security.md §模糊测试) promises besides its own documented error types:
 * no input takes more than a second. The budget of a fuzzing run ({@code scripts/fuzz}) is kept here so that all
 * targets share it; {@code mvn verify} only replays the stored inputs and ignores it.
 */
public final class Fuzzing {
    /** Inputs per target in one fuzzing run (JAZZER_FUZZ=1). */
    public static final long INPUTS = 100_000;
    /** Upper bound of one target's run; reaching it before {@link #INPUTS} is reported by scripts/fuzz. */
    public static final String MAX_DURATION = "3h";
    /** Longest time one input may take. */
    public static final Duration PER_INPUT = Duration.ofSeconds(1);

    private Fuzzing() {
    }

    /** One call of the code under test; the documented error types are caught inside, anything else escapes. */
    @FunctionalInterface
    public interface Target {
        void run() throws Exception;
    }

    /**
     * Runs the target and fails if it took longer than {@link #PER_INPUT}. A slow first run is repeated once and only
     * a slow second run counts, so that class loading, JIT warm-up or a moment of a busy machine is not a finding.
     */
    public static void withinTime(String what, Target target) throws Exception {
        long first = timed(target);
        if (first <= PER_INPUT.toNanos()) {
            return;
        }
        long second = timed(target);
        if (second > PER_INPUT.toNanos()) {
            throw new AssertionError(what + " took " + second / 1_000_000 + " ms on one input (limit "
                    + PER_INPUT.toMillis() + " ms; first run " + first / 1_000_000 + " ms)");
        }
    }

    private static long timed(Target target) throws Exception {
        long t0 = System.nanoTime();
        target.run();
        return System.nanoTime() - t0;
    }

    /**
     * A fresh directory for the files a target writes on every input: in memory (/dev/shm) where there is one, since
     * opening and truncating a file on a busy disk took most of an input's time (CSV import: ~110 inputs/s).
     */
    public static Path scratchDirectory(String prefix) {
        try {
            Path shm = Path.of("/dev/shm");
            Path dir = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, prefix) : Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A documented error must still explain itself: a message the user can read. */
    public static void requireMessage(Exception e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("documented error without a message: " + e.getClass().getName(), e);
        }
    }
}
