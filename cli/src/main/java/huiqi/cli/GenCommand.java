package huiqi.cli;

import huiqi.testdata.DocumentedBoundaries;
import huiqi.testdata.PopulationGenerator;
import huiqi.facts.IndicatorCatalog;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** ./huiqi gen --enterprises N --seed S --out DIR: a synthetic 福州/泉州 population in the import format. */
@Command(name = "gen", mixinStandardHelpOptions = true,
        description = {"生成合成企业数据（福州、泉州）：profiles.csv（企业档案）、facts.csv（长表指标）、scenarios.csv"
                + "（每条可计算规则的符合/不符合/恰在门槛/差一点/无法判定企业及应得状态）。同一 seed 输出完全相同。",
                "格式见 docs/formats.md「合成企业数据（./huiqi gen）」。"})
public final class GenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--enterprises", required = true, paramLabel = "N", description = "企业数量")
    long enterprises;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "随机种子（默认 ${DEFAULT-VALUE}）")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "输出目录（不存在则创建）")
    Path out;

    @Mixin
    CatalogOption catalog;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (enterprises < 1) {
            err.println("错误: --enterprises 应为正整数");
            return 1;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            err.println("错误: --out 不是目录: " + out);
            return 1;
        }
        IndicatorCatalog cat = catalog.load();
        long start = System.nanoTime();
        PopulationGenerator.Summary s = new PopulationGenerator(seed, cat, new DocumentedBoundaries())
                .generate(enterprises, out, done -> {
                    err.printf("  已生成 %,d / %,d 家企业%n", done, enterprises);
                    err.flush();
                });
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter o = spec.commandLine().getOut();
        o.printf("已生成 %,d 家企业、%,d 行指标数据（%d 种边界情形，%,d 家情形企业），用时 %.1f 秒%n",
                s.enterprises(), s.factRows(), s.scenarioKinds(), s.scenarioEnterprises(), seconds);
        o.println("  " + out.resolve("profiles.csv"));
        o.println("  " + out.resolve("facts.csv"));
        o.println("  " + out.resolve("scenarios.csv"));
        o.flush();
        return 0;
    }
}
