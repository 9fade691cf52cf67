package huiqi.rules.file;

import huiqi.facts.IndicatorCatalog;
import huiqi.policy.PolicyDocument;
import huiqi.policy.PolicyLibrary;
import huiqi.policy.PolicyReadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Loads every policies/&lt;doc-id&gt;/rules.yaml under a directory, keeping going past broken files. */
public final class RuleLibrary {
    /** The files that loaded, the problems of those that did not, and the warnings of those that did. */
    public record Loaded(List<RuleFile> files, List<RuleProblem> problems, List<RuleProblem> warnings) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private RuleLibrary() {
    }

    public static Loaded load(Path dir, IndicatorCatalog catalog) {
        List<RuleFile> files = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleProblem> warnings = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new RuleProblem(new SourcePos(dir.toString(), 1, 1), "目录不存在"));
            return new Loaded(files, problems, warnings);
        }
        List<Path> paths;
        try {
            paths = RuleFileLoader.findRuleFiles(dir);
        } catch (IOException e) {
            problems.add(new RuleProblem(new SourcePos(dir.toString(), 1, 1), "无法读取目录：" + e.getMessage()));
            return new Loaded(files, problems, warnings);
        }
        RuleFileLoader loader = new RuleFileLoader(catalog);
        for (Path p : paths) {
            try {
                RuleFile f = loader.load(p);
                List<RuleProblem> mismatch = new ArrayList<>(againstParsedDocument(f));
                mismatch.addAll(untested(f));
                if (mismatch.isEmpty()) {
                    files.add(f);
                }
                warnings.addAll(f.warnings());
                problems.addAll(mismatch);
            } catch (RuleLoadException e) {
                problems.addAll(e.problems());
            }
        }
        warnings.addAll(RuleClasses.acrossDocuments(files));
        return new Loaded(List.copyOf(files), List.copyOf(problems), List.copyOf(warnings));
    }

    /**
     * One stored rule file (see {@link RuleFileLoader#load(Path, String, String)}) with the same checks as a file
     * of the library: loads, agrees with its parsed document where that is on disk, every rule has examples.
     */
    public static Loaded loadText(Path file, String text, String sourceText, IndicatorCatalog catalog) {
        try {
            RuleFile f = new RuleFileLoader(catalog).load(file, text, sourceText);
            List<RuleProblem> mismatch = new ArrayList<>(againstParsedDocument(f));
            mismatch.addAll(untested(f));
            return new Loaded(mismatch.isEmpty() ? List.of(f) : List.of(), List.copyOf(mismatch), List.copyOf(f.warnings()));
        } catch (RuleLoadException e) {
            return new Loaded(List.of(), List.copyOf(e.problems()), List.of());
        }
    }

    /**
     * Cross-checks a rule file against the parsed policy document (huiqi.policy): the 文号 and the number of
     * measures must agree. A document the parser cannot read is not an error here (./huiqi parse reports it).
     */
    static List<RuleProblem> againstParsedDocument(RuleFile f) {
        Path dir = f.path().toAbsolutePath().getParent();
        PolicyDocument d;
        try {
            d = new PolicyLibrary(dir.getParent()).load(f.docId());
        } catch (PolicyReadException | RuntimeException e) {
            return List.of();
        }
        List<RuleProblem> out = new ArrayList<>();
        SourcePos top = new SourcePos(f.path().toString(), 1, 1);
        if (d.docNumber() != null && !d.docNumber().equals(f.document())) {
            out.add(new RuleProblem(top, "document '" + f.document() + "' 与原文文号 '" + d.docNumber() + "' 不一致"));
        }
        if (!d.measures().isEmpty() && d.measures().size() != f.measures()) {
            out.add(new RuleProblem(top, "measures: " + f.measures() + " 与原文解析出的措施数 " + d.measures().size() + " 不一致"));
        }
        return out;
    }

    /** Every rule needs examples: its own tests, or a file-level test that states its result. */
    static List<RuleProblem> untested(RuleFile f) {
        Set<String> atFileLevel = new HashSet<>();
        f.tests().forEach(t -> t.expectations().forEach(x -> atFileLevel.add(x.ruleId())));
        List<RuleProblem> out = new ArrayList<>();
        for (huiqi.rules.file.Rule r : f.rules()) {
            if (r.tests().isEmpty() && !atFileLevel.contains(r.id())) {
                out.add(new RuleProblem(r.pos(), "规则 " + r.id() + " 没有测试：请按条文写出门槛两侧、上限和无法判断的例子（tests）"));
            }
        }
        return out;
    }

    /** Loads indicators.yaml found from the working directory upwards. */
    public static IndicatorCatalog catalog() {
        try {
            return IndicatorCatalog.load(IndicatorCatalog.locate(Path.of("")));
        } catch (IOException e) {
            throw new IllegalStateException("无法读取 indicators.yaml：" + e.getMessage(), e);
        }
    }
}
