package huiqi.rules;

import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.rules.file.RuleLoadException;
import huiqi.rules.file.RuleProblem;
import huiqi.rules.file.SourcePos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads every policies/&lt;doc-id&gt;/rules.yaml under a directory, keeping going past broken files. */
public final class RuleLibrary {
    /** The files that loaded and the problems of those that did not. */
    public record Loaded(List<RuleFile> files, List<RuleProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private RuleLibrary() {
    }

    public static Loaded load(Path dir, IndicatorCatalog catalog) {
        List<RuleFile> files = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new RuleProblem(new SourcePos(dir.toString(), 1, 1), "目录不存在"));
            return new Loaded(files, problems);
        }
        List<Path> paths;
        try {
            paths = RuleFileLoader.findRuleFiles(dir);
        } catch (IOException e) {
            problems.add(new RuleProblem(new SourcePos(dir.toString(), 1, 1), "无法读取目录：" + e.getMessage()));
            return new Loaded(files, problems);
        }
        RuleFileLoader loader = new RuleFileLoader(catalog);
        for (Path p : paths) {
            try {
                files.add(loader.load(p));
            } catch (RuleLoadException e) {
                problems.addAll(e.problems());
            }
        }
        return new Loaded(List.copyOf(files), List.copyOf(problems));
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
