package huiqi.web.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LowCpuPriorityTest {
    @Test
    void aThreadLowersItselfToNice19AndNoOtherThread() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self")), "Linux only");
        OptionalInt before = LowCpuPriority.niceOf(Files.readString(Path.of("/proc/thread-self/stat")));
        AtomicReference<OptionalInt> lowered = new AtomicReference<>();
        Thread t = new Thread(() -> lowered.set(LowCpuPriority.lowerCurrentThread()), "low-priority-test");
        t.start();
        t.join();
        assertThat(lowered.get()).hasValue(LowCpuPriority.NICE);
        assertThat(LowCpuPriority.niceOf(Files.readString(Path.of("/proc/thread-self/stat")))).isEqualTo(before);
    }

    @Test
    void niceIsThe19thFieldCountedAfterTheCommand() {
        assertThat(LowCpuPriority.niceOf("4242 (huiqi batch) R 1 2 3 4 5 6 7 8 9 10 11 12 13 14 39 19 7 0 100"))
                .hasValue(19);
        assertThat(LowCpuPriority.niceOf("no command here")).isEmpty();
    }
}
