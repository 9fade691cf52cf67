package huiqi.bench.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The machine's busy share from /proc/stat and this JVM's part of it. */
class MachineCpuTest {

    @Test
    void idleAndIowaitAreNotBusy() {
        // user 100, nice 0, system 50, idle 800, iowait 50, irq 0, softirq 0, steal 0 (guest columns ignored)
        assertThat(MachineCpu.jiffies("cpu  100 0 50 800 50 0 0 0 7 7")).containsExactly(150, 1000);
        assertThatThrownBy(() -> MachineCpu.jiffies("cpu0 1 2 3 4")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharesOfAllCores() {
        // 10 s on 2 cores = 2,000 jiffies at 100 Hz; 1,500 busy; this JVM used 5 s of CPU = a quarter of the cores
        MachineCpu.Reading a = new MachineCpu.Reading(10_000, 50_000, 1_000_000_000L, 0);
        MachineCpu.Reading b = new MachineCpu.Reading(11_500, 52_000, 6_000_000_000L, 10_000_000_000L);
        MachineCpu.Share s = MachineCpu.between(a, b, 2);
        assertThat(s.machine()).isCloseTo(0.75, Offset.offset(1e-9));
        assertThat(s.jvm()).isCloseTo(0.25, Offset.offset(1e-9));
        assertThat(s.others()).isCloseTo(0.5, Offset.offset(1e-9));
        assertThat(new MachineCpu.Share(0.2, 0.3).others()).as("never below zero").isZero();
    }

    @Test
    void readsThisMachineOnLinux() {
        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/stat"))) {
            MachineCpu.Reading r = MachineCpu.read().orElseThrow();
            assertThat(r.totalJiffies()).isGreaterThanOrEqualTo(r.busyJiffies()).isPositive();
            assertThat(r.processCpuNanos()).isPositive();
        }
    }
}
