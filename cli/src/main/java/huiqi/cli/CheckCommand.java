package huiqi.cli;

import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.Coverage;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.TestRunner;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleProblem;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** ./huiqi check [DIR]: load every rules.yaml, type-check, verify quotes, run all example tests. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "加载 DIR（默认 policies/）下全部 rules.yaml：类型与单位检查、核对引文、运行全部示例测试；"
                + "末行为 “N passed, M failed”，有失败时退出码非零。")
final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", defaultValue = "policies", description = "规则目录（默认 policies）")
    Path dir;

    @Option(names = "--coverage", paramLabel = "FILE", description = "同时生成措施覆盖情况（如 docs/coverage.md）")
    Path coverage;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        IndicatorCatalog catalog = Catalogs.near(dir);
        RuleLibrary.Loaded loaded = RuleLibrary.load(dir, catalog);
        int passed = 0;
        int failed = 0;
        for (RuleProblem p : loaded.problems()) {
            out.println((p.isError() ? "✗ " : "⚠ ") + p);
            failed += p.isError() ? 1 : 0;
        }
        loaded.warnings().forEach(w -> out.println("⚠ " + w));
        Evaluator evaluator = new Evaluator(catalog);
        for (RuleFile f : loaded.files()) {
            List<TestRunner.Outcome> outcomes = TestRunner.run(f, evaluator);
            int filePassed = 0;
            for (TestRunner.Outcome o : outcomes) {
                if (o.passed()) {
                    filePassed++;
                } else {
                    out.println("✗ " + o.pos() + " " + o.name());
                    o.failures().forEach(x -> out.println("    " + x));
                }
            }
            passed += filePassed;
            failed += outcomes.size() - filePassed;
            long computable = f.rules().stream().filter(r -> r.computable()).count();
            out.println((filePassed == outcomes.size() ? "✓ " : "✗ ") + f.path() + "（" + f.document() + "）："
                    + f.rules().size() + " 条规则（" + computable + " 条计算金额），" + f.unencoded().size() + " 项未编码，"
                    + filePassed + "/" + outcomes.size() + " 个测试通过");
        }
        if (coverage != null) {
            Path parent = coverage.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(coverage, Coverage.generate(dir, loaded.files()), StandardCharsets.UTF_8);
            out.println("已生成 " + coverage);
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
