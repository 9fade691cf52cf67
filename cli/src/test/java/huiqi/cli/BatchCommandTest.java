package huiqi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.testdata.DocumentedBoundaries;
import huiqi.testdata.PopulationGenerator;
import huiqi.facts.IndicatorCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchCommandTest {
    @TempDir
    Path dir;

    @Test
    void batchWithWhatIfAndBudgetPrintsSummariesAndWritesTheFile() throws Exception {
        Path catalogFile = IndicatorCatalog.locate(Path.of(""));
        Path rules = catalogFile.getParent().resolve("policies");
        new PopulationGenerator(3, IndicatorCatalog.load(catalogFile), new DocumentedBoundaries()).generate(800, dir, null);
        Path budget = dir.resolve("budget.yaml");
        Files.writeString(budget, """
                budgets:
                  - { id: 用电奖励预算, payer: 市级·市财政局, rules: [fz-2024-2/7], amount: 10万元, policy: pro-rata }
                """);
        Path out = dir.resolve("out.csv");
        ParseCommandTest.Run r = ParseCommandTest.run("batch", "--data", dir.toString(), "--rules", rules.toString(),
                "--out", out.toString(), "--set", "fz-2024-2/7.rate=0.03元/千瓦时", "--budget", budget.toString(),
                "--threads", "1", "--memory-limit", "1GB");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("按规则汇总（试算：fz-2024-2/7.rate=0.03元/千瓦时）", "fz-2024-2/7", "按付款方汇总",
                "市级·市财政局", "试算与基准的差异", "预算分配", "用电奖励预算", "800 家企业");
        assertThat(r.err()).contains("转置", "评估完成");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo(
                "uscc,rule_id,status,amount,currency,payer,payer_amount,payer2,payer2_amount,allocated,shortfall");
        assertThat((lines.size() - 1) % 800).isZero(); // one row per enterprise and rule
        assertThat(lines.size() - 1).isGreaterThanOrEqualTo(800 * 2);
        // hs-2023-5/5-1 is borne by each lease's lessor: who bears how much, next to the result
        Path parts = dir.resolve("out.parts.csv");
        assertThat(r.out()).contains("逐项付款方拆分", parts.toString());
        List<String> partLines = Files.readAllLines(parts);
        assertThat(partLines.get(0)).isEqualTo("uscc,rule_id,payer,role,bearer,amount,items");
        assertThat(partLines.subList(1, partLines.size())).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains(",hs-2023-5/5-1,市级·黄石市人民政府国有资产监督管理委员会,出租方,"));
    }

    @Test
    void aRulesDirectoryWithoutRulesIsAClearErrorNotSql() throws Exception {
        Path catalogFile = IndicatorCatalog.locate(Path.of(""));
        new PopulationGenerator(5, IndicatorCatalog.load(catalogFile), new DocumentedBoundaries()).generate(20, dir, null);
        Path empty = Files.createDirectories(dir.resolve("no-rules"));
        Files.copy(catalogFile, empty.resolve("indicators.yaml"));
        ParseCommandTest.Run r = ParseCommandTest.run("batch", "--data", dir.toString(), "--rules", empty.toString(),
                "--out", dir.resolve("out.csv").toString(), "--threads", "1", "--memory-limit", "512MB");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("没有可评估的规则").doesNotContain("Parser Error");
    }

    @Test
    void partsFileSitsNextToTheResult() {
        assertThat(BatchCommand.partsFile("out.csv")).isEqualTo("out.parts.csv");
        assertThat(BatchCommand.partsFile("/a.b/out")).isEqualTo("/a.b/out.parts");
        assertThat(BatchCommand.partsFile("s3a://x/out.parquet")).isEqualTo("s3a://x/out.parts.parquet");
    }

    @Test
    void aSecondRunOfTheSameFilesReadsTheWideTableCache() throws Exception {
        Path catalogFile = IndicatorCatalog.locate(Path.of(""));
        String rules = catalogFile.getParent().resolve("policies").toString();
        new PopulationGenerator(4, IndicatorCatalog.load(catalogFile), new DocumentedBoundaries()).generate(300, dir, null);
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");
        ParseCommandTest.Run a = ParseCommandTest.run("batch", "--data", dir.toString(), "--rules", rules, "--out", first.toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.err()).contains("转置", "宽表已写入缓存");
        assertThat(dir.resolve(".huiqi-cache")).isDirectory();
        ParseCommandTest.Run b = ParseCommandTest.run("batch", "--data", dir.toString(), "--rules", rules, "--out", second.toString());
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(b.err()).contains("已从缓存读入 300 家企业的宽表").doesNotContain("转置");
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
        Path none = dir.resolve("none");
        ParseCommandTest.Run c = ParseCommandTest.run("batch", "--data", dir.toString(), "--rules", rules, "--out",
                dir.resolve("third.csv").toString(), "--no-cache", "--cache", none.toString());
        assertThat(c.err()).contains("转置").doesNotContain("缓存");
        assertThat(none).doesNotExist();
    }

    @Test
    void unknownParameterIsAReadableError() throws Exception {
        Path catalogFile = IndicatorCatalog.locate(Path.of(""));
        new PopulationGenerator(3, IndicatorCatalog.load(catalogFile), new DocumentedBoundaries()).generate(5, dir, null);
        ParseCommandTest.Run r = ParseCommandTest.run("batch", "--data", dir.toString(),
                "--rules", catalogFile.getParent().resolve("policies").toString(), "--out", dir.resolve("o.csv").toString(),
                "--set", "fz-2024-2/7.nope=1元");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("错误: 试算覆盖了未知参数 'fz-2024-2/7.nope'");
    }
}
