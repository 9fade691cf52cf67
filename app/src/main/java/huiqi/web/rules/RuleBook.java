package huiqi.web.rules;

import huiqi.facts.IndicatorCatalog;
import huiqi.rules.RuleLibrary;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The encoded rules of the policy library (policies/&lt;doc-id&gt;/rules.yaml), loaded and type-checked once
 * at startup. A broken file is reported in the log and left out; the others still work.
 */
@Component
public class RuleBook {
    private static final Logger log = LoggerFactory.getLogger(RuleBook.class);

    private final List<RuleFile> files;
    private final List<RuleProblem> problems;

    public RuleBook(IndicatorCatalog catalog, @Value("${huiqi.policies-dir}") String dir) {
        RuleLibrary.Loaded loaded = RuleLibrary.load(Path.of(dir), catalog);
        this.files = loaded.files();
        this.problems = loaded.problems();
        problems.forEach(p -> log.warn("规则文件有错误，已跳过：{}", p));
    }

    public List<RuleFile> files() {
        return files;
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    public Optional<RuleFile> fileOf(String docId) {
        return files.stream().filter(f -> f.docId().equals(docId)).findFirst();
    }

    public List<Rule> rules() {
        return files.stream().flatMap(f -> f.rules().stream()).toList();
    }

    public Optional<Rule> rule(String id) {
        return rules().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The rule as written in its file: from its "- id:" line to the next rule or top-level key. */
    public String definition(Rule rule) {
        try {
            List<String> lines = Files.readAllLines(Path.of(rule.pos().file()));
            int start = Math.max(0, rule.pos().line() - 1);
            while (start > 0 && !lines.get(start).stripLeading().startsWith("- ")) {
                start--;
            }
            int indent = lines.get(start).indexOf('-');
            List<String> out = new ArrayList<>();
            out.add(lines.get(start));
            for (int i = start + 1; i < lines.size(); i++) {
                String l = lines.get(i);
                int lead = l.length() - l.stripLeading().length();
                if (!l.isBlank() && lead <= indent) {
                    break;
                }
                out.add(l);
            }
            return String.join("\n", out).stripTrailing();
        } catch (IOException | RuntimeException e) {
            return rule.id();
        }
    }
}
