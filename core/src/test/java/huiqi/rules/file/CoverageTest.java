package huiqi.rules.file;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.facts.IndicatorCatalog;
import huiqi.rules.PoliciesCheckTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/coverage.md is generated; this fails when it no longer matches the rule files. */
class CoverageTest {
    @Test
    void coverageFileIsUpToDate() throws Exception {
        Path root = PoliciesCheckTest.repoRoot();
        IndicatorCatalog catalog = RuleLibrary.catalog();
        RuleLibrary.Loaded loaded = RuleLibrary.load(root.resolve("policies"), catalog);
        String expected = Coverage.generate(root.resolve("policies"), loaded.files());
        String actual = Files.readString(root.resolve("docs/coverage.md"), StandardCharsets.UTF_8);
        assertThat(actual)
                .as("docs/coverage.md 已过期：请运行 ./huiqi check --coverage docs/coverage.md 并提交")
                .isEqualTo(expected);
    }

    @Test
    void accountsForAllMeasuresOfTheLibrary() throws Exception {
        Path root = PoliciesCheckTest.repoRoot();
        String md = Files.readString(root.resolve("docs/coverage.md"), StandardCharsets.UTF_8);
        // the seeds' 27 + 37 + 35 = 99 measures, and yl-2022-1 5, pt-2023-1 3, qz-2023-1 1, cx-2023-1 8, hs-2023-5 6,
        // xs-2023-13 9 (cx and xs: each chapter without numbered items is one measure)
        assertThat(md).contains("共 131 项措施").contains("（fz-2024-2，27 项措施）").contains("（yl-2022-1，5 项措施）")
                .contains("（cx-2023-1，8 项措施）").contains("（hs-2023-5，6 项措施）")
                .contains("（xs-2023-13，9 项措施）");
        long rows = md.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).count();
        assertThat(rows).isEqualTo(131);
    }

    @Test
    void readsMeasureTitlesFromSource() {
        var m = Coverage.measuresInSource("前言\n1. 第一项措施。内容\n2.第二项，更多内容。\n3、第三项。");
        assertThat(m).containsEntry(1, "第一项措施").containsEntry(2, "第二项").containsEntry(3, "第三项");
    }
}
