package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.rules.file.RuleLoadException;
import huiqi.rules.file.SourcePos;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs the rule-file fuzz target (RuleFileFuzzTest) found escaping as something else than RuleLoadException. */
class RuleFileFuzzFindingsTest {
    @TempDir
    Path tmp;

    @Test
    void aControlCharacterIsAProblemAtItsPlace() {
        // was org.yaml.snakeyaml.reader.ReaderException "unacceptable code point '' (0xE)" out of RuleFileLoader.load
        String yaml = RuleFixture.header(1) + "rules:\n  - id: test-1/1 \u000E\n";
        assertThatThrownBy(() -> RuleFixture.load(tmp, yaml))
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.pos()).extracting(SourcePos::line, SourcePos::column)
                                    .containsExactly(6, 18);
                            assertThat(p.message()).contains("U+000E");
                        }));
    }
}
