package huiqi.bench.web;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How busy the machine's cores were over a phase, and this JVM's share of them: a phase measured "idle" is only idle
 * if the rest of the machine was. Reads the first line of /proc/stat (Linux) and this process's CPU time.
 */
public final class MachineCpu {

    /** One reading: the machine's busy and total jiffies (empty off Linux), this JVM's CPU nanoseconds, the time. */
    public record Reading(long busyJiffies, long totalJiffies, long processCpuNanos, long wallNanos) {
    }

    /** Between two readings, as fractions of all cores: the machine busy, this JVM, the rest (other processes). */
    public record Share(double machine, double jvm) {
        public double others() {
            return Math.max(0, machine - jvm);
        }
    }

    private MachineCpu() {
    }

    public static Optional<Reading> read() {
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long now = System.nanoTime();
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            long[] j = jiffies(first);
            return Optional.of(new Reading(j[0], j[1], cpu, now));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** "cpu  user nice system idle iowait irq softirq steal …" → {busy, total}; idle and iowait are not busy. */
    static long[] jiffies(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        if (!f[0].equals("cpu")) {
            throw new IllegalArgumentException("不是 /proc/stat 的 cpu 行：" + cpuLine);
        }
        long total = 0;
        long idle = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            long v = Long.parseLong(f[i]);
            total += v;
            if (i == 4 || i == 5) {
                idle += v;
            }
        }
        return new long[] {total - idle, total};
    }

    /** The shares between {@code a} and {@code b} on a machine of {@code cores} cores. */
    public static Share between(Reading a, Reading b, int cores) {
        double total = b.totalJiffies() - a.totalJiffies();
        double machine = total <= 0 ? 0 : (b.busyJiffies() - a.busyJiffies()) / total;
        double wall = b.wallNanos() - a.wallNanos();
        double jvm = wall <= 0 ? 0 : (b.processCpuNanos() - a.processCpuNanos()) / (wall * cores);
        return new Share(machine, jvm);
    }
}
