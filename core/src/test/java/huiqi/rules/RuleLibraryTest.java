package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.rules.file.RuleLibrary;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleLibraryTest {
    @TempDir
    Path tmp;

    @Test
    void aRuleWithoutExamplesFailsTheCheck() throws Exception {
        RuleFixture.write(tmp, RuleFixture.rule1("    amount: 1元\n"));
        RuleLibrary.Loaded loaded = RuleLibrary.load(tmp.resolve("policies"), RuleFixture.CATALOG);
        assertThat(loaded.problems()).anyMatch(p -> p.message().contains("规则 test-1/1 没有测试")
                && p.pos().line() == 6 && p.pos().file().endsWith("rules.yaml"));
    }

    @Test
    void aRuleTestedAtFileLevelIsFine() throws Exception {
        RuleFixture.write(tmp, RuleFixture.rule1("    amount: 1元\n")
                + "tests:\n  - { name: 文件级, facts: {}, expect: { test-1/1: 1 } }\n");
        RuleLibrary.Loaded loaded = RuleLibrary.load(tmp.resolve("policies"), RuleFixture.CATALOG);
        assertThat(loaded.problems()).noneMatch(p -> p.message().contains("没有测试"));
    }

    @Test
    void aMissingDirectoryIsAProblemNotAnException() {
        assertThat(RuleLibrary.load(tmp.resolve("nope"), RuleFixture.CATALOG).problems()).hasSize(1);
    }
}
