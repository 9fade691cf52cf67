package huiqi.cli;

import huiqi.policy.Amount;
import huiqi.policy.Chapter;
import huiqi.policy.Measure;
import huiqi.policy.PolicyDocument;
import huiqi.policy.PolicyJson;
import huiqi.policy.PolicyParser;
import huiqi.policy.PolicyReadException;
import huiqi.policy.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** ./huiqi parse FILE [--json]: a policy document as an outline or as JSON (docs/formats.md). */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"解析政策文件（.txt UTF-8/GBK、.docx、带文字层的 .pdf）：文号、发文机关、日期、区划、章节、措施、责任单位、目标与金额。",
                "退出码：0 成功（问题写在“提示”/warnings 中）；1 文件无法读取（不存在、为空、不是文本）。"})
public final class ParseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "政策文件路径，例如 policies/fz-2024-2/source.txt")
    Path file;

    @Option(names = "--json", description = "输出 JSON（字段见 docs/formats.md）")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PolicyDocument doc;
        try {
            doc = new PolicyParser().parse(file);
        } catch (PolicyReadException e) {
            err.println("错误: " + e.getMessage());
            return 1;
        }
        if (json) {
            out.println(PolicyJson.toJson(doc));
        } else {
            printOutline(doc, out);
        }
        out.flush();
        return 0;
    }

    static void printOutline(PolicyDocument doc, PrintWriter out) {
        out.println(orDash(doc.title()));
        out.println("文号: " + orDash(doc.docNumber()));
        out.println("发文机关: " + orDash(doc.issuer())
                + (doc.region() == null ? "" : "（" + doc.region().name() + " " + doc.region().code()
                + (doc.level() == null ? "" : "，" + doc.level().label() + "级") + "）"));
        out.println("印发日期: " + orDash(doc.issuedOn()) + "   施行: " + orDash(doc.effectiveFrom())
                + " 至 " + orDash(doc.effectiveUntil()));
        out.println("共 " + doc.chapters().size() + " 章、" + doc.measures().size() + " 条措施");
        Integer chapter = null;
        for (Measure m : doc.measures()) {
            if (!Objects.equals(m.chapter(), chapter)) {
                chapter = m.chapter();
                Integer wanted = chapter;
                doc.chapters().stream().filter(c -> wanted != null && c.number() == wanted).findFirst()
                        .map(Chapter::title).ifPresent(t -> out.println("\n【第" + wanted + "章】" + t));
            }
            out.println("  " + m.number() + ". " + m.title());
            if (!m.leadUnits().isEmpty()) {
                out.println("       牵头单位: " + String.join("、", m.leadUnits()));
            }
            if (!m.responsibleUnits().isEmpty()) {
                out.println("       责任单位: " + String.join("、", m.responsibleUnits()));
            }
            if (!m.inheritedUnits().isEmpty()) {
                out.println("       统一落实: " + String.join("、", m.inheritedUnits()));
            }
            for (Target t : m.targets()) {
                out.println("       目标: " + t.comparator() + " " + t.quantity().toPlainString() + t.unit()
                        + (t.deadline() == null ? "" : "（" + t.deadline() + " 前）") + "  ← " + t.text());
            }
            for (Amount a : m.amounts()) {
                out.println("       金额: " + a.value().toPlainString() + a.unit() + "  ← " + a.text());
            }
        }
        List<String> warnings = doc.warnings();
        if (!warnings.isEmpty()) {
            out.println("\n提示:");
            warnings.forEach(w -> out.println("  - " + w));
        }
    }

    private static String orDash(Object o) {
        return o == null ? "—" : o.toString();
    }
}
