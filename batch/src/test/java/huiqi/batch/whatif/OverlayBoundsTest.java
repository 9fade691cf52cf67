package huiqi.batch.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.quantity.Units;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What-if values (--set and YAML files) are read by the one bounded number reader and are never negative. */
class OverlayBoundsTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void warmUp() {
        Overlay.parse(List.of("a.rate=0.03元/千瓦时"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e1000", "1e1000000", "1e1000000元/千瓦时", "12345678901234567890", "0.0000001"})
    void outOfRangeValuesAreRefusedAtOnce(String value) throws Exception {
        assertThatThrownBy(() -> Overlay.parse(List.of("fz-2024-2/7.rate=" + value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("参数 fz-2024-2/7.rate 的值").hasMessageContaining("超出范围");
        assertThat(fastestMillis(() -> Overlay.parse(List.of("fz-2024-2/7.rate=" + value)))).as("ms").isLessThan(100);
        Path yaml = tmp.resolve("o.yaml");
        Files.writeString(yaml, "set:\n  fz-2024-2/7.rate: \"" + value + "\"\n");
        assertThatThrownBy(() -> Overlay.load(yaml)).hasMessageContaining("超出范围");
    }

    @Test
    void negativeValuesAreRefusedWhereverWritten() {
        assertThatThrownBy(() -> Overlay.parse(List.of("fz-2024-2/7.rate=-0.03元/千瓦时")))
                .hasMessage("参数 fz-2024-2/7.rate 的值须为不小于 0 的数字，不能为负：'-0.03元/千瓦时'");
        assertThatThrownBy(() -> Overlay.parse(List.of("fz-2024-2/7.rate=－0.03元/千瓦时"))).hasMessageContaining("不能为负");
    }

    @Test
    void valuesAreInBaseUnits() {
        Overlay o = Overlay.parse(List.of("a.threshold=40万千瓦时", "a.share=60%", "a.rate=1.5e-2元/千瓦时"));
        assertThat(o.overrides().get("a.threshold").orElseThrow().value()).isEqualByComparingTo("400000");
        assertThat(o.overrides().get("a.share").orElseThrow().value()).isEqualByComparingTo("0.6");
        assertThat(o.overrides().get("a.rate").orElseThrow().unit()).isEqualTo(Units.YUAN.per(Units.KWH));
        assertThat(o.overrides().get("a.rate").orElseThrow().value()).isEqualByComparingTo("0.015");
    }

    /** The fastest of three runs in ms: a CPU-bound expansion is slow every time, a scheduling hiccup is not. */
    static long fastestMillis(Runnable refusal) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            try {
                refusal.run();
            } catch (RuntimeException expected) {
                // the refusal is what is timed
            }
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        return best;
    }
}
