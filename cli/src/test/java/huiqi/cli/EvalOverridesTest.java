package huiqi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.whatif.Overlay;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** eval --set reads its values exactly as batch --set (Overlay): same refusals, same Chinese messages. */
class EvalOverridesTest {

    @ParameterizedTest
    @ValueSource(strings = {"-0.03元/千瓦时", "1e1000", "1e1000000", "12345678901234567890", "很多"})
    void evalRefusesWhatBatchRefusesWithTheSameMessage(String value) {
        String set = "fz-2024-2/7.rate=" + value;
        String batchMessage;
        try {
            Overlay.parse(List.of(set));
            throw new AssertionError("batch --set accepted " + set);
        } catch (IllegalArgumentException e) {
            batchMessage = e.getMessage();
        }
        Path policies = RuleCommandsTest.policies();
        Path example = policies.getParent().resolve("docs/examples/enterprise-fz.json");
        ParseCommandTest.Run r = ParseCommandTest.run("eval", "--enterprise", example.toString(), "--rules", policies.toString(),
                "--set", set);
        assertThat(r.exit()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).contains(batchMessage).doesNotContain("at huiqi.");
        assertThat(batchMessage).startsWith("参数 fz-2024-2/7.rate 的值");
    }
}
