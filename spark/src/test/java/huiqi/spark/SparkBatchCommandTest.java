package huiqi.spark;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.testdata.DocumentedBoundaries;
import huiqi.testdata.PopulationGenerator;
import huiqi.cli.Main;
import huiqi.facts.IndicatorCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** ./huiqi batch --engine spark: same options, same printed summaries and the same result file as DuckDB. */
class SparkBatchCommandTest {
    @TempDir
    Path dir;

    @Test
    void sparkEnginePrintsAndWritesWhatDuckDbDoes() throws Exception {
        Path catalogFile = IndicatorCatalog.locate(Path.of(""));
        Path rules = catalogFile.getParent().resolve("policies");
        Path data = dir.resolve("data");
        new PopulationGenerator(5, IndicatorCatalog.load(catalogFile), new DocumentedBoundaries()).generate(400, data, null);
        Path budget = dir.resolve("budget.yaml");
        Files.writeString(budget, """
                budgets:
                  - { id: 用电奖励预算, payer: 市级·市财政局, rules: [fz-2024-2/7], amount: 10万元, policy: pro-rata }
                """);
        List<String> common = List.of("batch", "--data", data.toString(), "--rules", rules.toString(),
                "--set", "fz-2024-2/7.rate=0.03元/千瓦时", "--budget", budget.toString());
        String[] duck = run(common, "--out", dir.resolve("duck.csv").toString());
        String[] spark = run(common, "--out", dir.resolve("spark.csv").toString(), "--engine", "spark", "--master", "local[2]");
        assertThat(spark[1]).as(spark[2]).isEqualTo("0");
        assertThat(duck[1]).as(duck[2]).isEqualTo("0");
        assertThat(spark[2]).contains("转置", "评估完成");
        // the summaries are the same apart from the timing line
        assertThat(withoutTimes(spark[0])).isEqualTo(withoutTimes(duck[0])).contains("试算与基准的差异", "预算分配", "400 家企业");
        assertThat(Files.readAllLines(dir.resolve("spark.csv"))).isEqualTo(Files.readAllLines(dir.resolve("duck.csv")));
        // hs-2023-5/5-1 borne by each lessor: the parts files agree line for line too
        assertThat(Files.readAllLines(dir.resolve("duck.parts.csv"))).hasSizeGreaterThan(1);
        assertThat(Files.readAllLines(dir.resolve("spark.parts.csv"))).isEqualTo(Files.readAllLines(dir.resolve("duck.parts.csv")));
    }

    /** Without the timing line, and the two runs' output file names (duck.* / spark.*) made the same. */
    private static String withoutTimes(String out) {
        return out.replaceAll("读入与转置 .*", "").replaceAll("/(duck|spark)\\.parts\\.csv", "/out.parts.csv");
    }

    /** stdout, exit code, stderr. */
    private static String[] run(List<String> common, String... more) {
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args.toArray(String[]::new));
        return new String[] {out.toString(), String.valueOf(code), err.toString()};
    }
}
