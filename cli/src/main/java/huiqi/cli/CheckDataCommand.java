package huiqi.cli;

import huiqi.enterprise.EnterpriseImporter;
import huiqi.enterprise.ImportBatch;
import huiqi.enterprise.ImportProblem;
import huiqi.enterprise.ImportRejectedException;
import huiqi.enterprise.InMemoryEnterpriseStore;
import huiqi.facts.IndicatorCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** ./huiqi check-data FILE…: validates 企业档案/指标 files exactly as an import would, storing nothing. */
@Command(name = "check-data", mixinStandardHelpOptions = true,
        description = {"按导入规则校验企业档案和指标文件（CSV：UTF-8/带 BOM/GBK；XLSX），不写入任何数据。"
                + "多个文件视为一次导入（指标可引用同批档案中的企业）。",
                "退出码：0 全部通过；1 有问题（逐条列出 文件、行、列、原因）。格式见 docs/formats.md。"})
public final class CheckDataCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "profiles.csv、facts.csv、*.xlsx …")
    List<Path> files;

    @Mixin
    CatalogOption catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        IndicatorCatalog cat = catalog.load();
        PrintWriter out = spec.commandLine().getOut();
        try {
            ImportBatch batch = new EnterpriseImporter(cat, new InMemoryEnterpriseStore()).validate(files);
            out.printf("校验通过：%d 个文件，%,d 行企业档案，%,d 行指标数据%n", files.size(), batch.profiles().size(), batch.facts().size());
            out.flush();
            return 0;
        } catch (ImportRejectedException e) {
            out.printf("校验未通过（导入会被整体拒绝），共 %d 个问题：%n", e.problems().size());
            for (ImportProblem p : e.problems()) {
                out.println("  " + p);
            }
            out.flush();
            return 1;
        }
    }
}
