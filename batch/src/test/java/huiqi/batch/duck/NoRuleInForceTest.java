package huiqi.batch.duck;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.run.BatchOptions;
import huiqi.rules.eval.Overrides;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A date on which no rule is in force reads no fact: loading still works, and the caller sees that no rule compiles. */
class NoRuleInForceTest {
    @TempDir
    Path dir;

    @Test
    void loadsWithoutAnyFactColumn() throws Exception {
        TestPopulation.generate(50, 3, dir);
        try (BatchRunner b = BatchRunner.open(dir, TestPopulation.CATALOG, TestPopulation.RULES,
                BatchOptions.defaults().withAsOf(LocalDate.of(2099, 1, 1)))) {
            assertThat(b.enterprises()).isEqualTo(50);
            assertThat(b.compile(Overrides.NONE).rules()).isEmpty();
        }
    }
}
