package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.rules.file.RuleFileLoader;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.file.RuleLoadException;
import huiqi.rules.file.RuleProblem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 同类政策 classes are declared per document; a class reused by another document is warned about. */
class RuleClassesTest {
    @TempDir
    Path tmp;

    private static String file(String classes, String stacking) {
        return RuleFixture.header(1) + classes + stacking + """
                rules:
                  - { id: test-1/1, measure: 1, title: 用电奖励, quote: 用电奖励, kind: 奖补, delivery: 申请, class: 用电奖励,
                      payer: { level: 市级, department: 市财政局 }, amount: "electricity_kwh[2024-02] * 0.01元/千瓦时",
                      tests: [ { name: 例, facts: { "electricity_kwh[2024-02]": 100000千瓦时 }, expect: 1000 } ] }
                """;
    }

    @Test
    void anUndeclaredClassIsAnErrorWhereClassesAreDeclaredAndAWarningElsewhere() throws Exception {
        assertThatThrownBy(() -> RuleFixture.load(tmp, file("classes: { 用气奖励: 用气量奖励 }\n", "")))
                .isInstanceOf(RuleLoadException.class).hasMessageContaining("同类政策标签 '用电奖励' 没有在 classes 中声明（已声明：用气奖励）");
        assertThat(RuleFixture.load(tmp, file("", "")).warnings()).extracting(RuleProblem::message)
                .anyMatch(m -> m.contains("没有在文件的 classes 中声明"));
        assertThat(RuleFixture.load(tmp, file("classes: { 用电奖励: 用电量奖励 }\n", "")).warnings()).isEmpty();
    }

    /** A whole document (all 3 measures of the fixture's source accounted for), as the library loads it. */
    private static String document(String classes, String stacking, String docId) {
        return file(classes, stacking).replace("measures: 1", "measures: 3").replace("test-1/", docId + "/") + """
                unencoded:
                  - { measure: 2, category: not-encodable, reason: 测试 }
                  - { measure: 3, category: not-encodable, reason: 测试 }
                """;
    }

    @Test
    void aClassUsedByTwoDocumentsIsWarnedUnlessBothShareIt() throws Exception {
        RuleFixture.write(tmp, "test-1", document("classes: { 用电奖励: 用电量奖励 }\n", "stacking: 取高不重复\n", "test-1"));
        RuleFixture.write(tmp, "test-2", document("classes: { 用电奖励: 用电量奖励 }\n", "", "test-2"));
        RuleLibrary.Loaded loaded = RuleLibrary.load(tmp.resolve("policies"), RuleFixture.CATALOG);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.files()).hasSize(2);
        assertThat(loaded.warnings()).extracting(RuleProblem::message)
                .anyMatch(m -> m.contains("同类政策标签 '用电奖励' 也用于") && m.contains("取高不重复"));

        RuleFixture.write(tmp, "test-1", document("classes: { 用电奖励: { label: 用电量奖励, shared: true } }\n", "", "test-1"));
        RuleFixture.write(tmp, "test-2", document("classes: { 用电奖励: { label: 用电量奖励, shared: true } }\n", "", "test-2"));
        assertThat(RuleLibrary.load(tmp.resolve("policies"), RuleFixture.CATALOG).warnings()).isEmpty();
        assertThat(new RuleFileLoader(RuleFixture.CATALOG).load(tmp.resolve("policies/test-1/rules.yaml")).classes().get("用电奖励").shared())
                .isTrue();
    }
}
