package huiqi.web.rules;

import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.eval.Evaluation;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
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
 * The one rule source of the platform: the encoded rules of the policy library (policies/&lt;doc-id&gt;/rules.yaml),
 * loaded and type-checked once at startup and used by 一企一策, 试算, batch runs and rematch alike. A broken file
 * is reported in the log and left out; the others still work. {@link #reload()} swaps in a fresh load as a whole
 * (for rule publishing): a caller that reads {@link #current()} once sees one consistent library.
 */
@Component
public class RuleBook {
    private static final Logger log = LoggerFactory.getLogger(RuleBook.class);

    private final IndicatorCatalog catalog;
    private final Path dir;
    private final Evaluator evaluator;
    private volatile RuleLibrary.Loaded loaded;

    public RuleBook(IndicatorCatalog catalog, @Value("${huiqi.policies-dir}") String dir) {
        this.catalog = catalog;
        this.dir = Path.of(dir);
        this.evaluator = new Evaluator(catalog);
        this.loaded = load();
    }

    private RuleLibrary.Loaded load() {
        RuleLibrary.Loaded fresh = RuleLibrary.load(dir, catalog);
        fresh.problems().forEach(p -> log.warn("规则文件有错误，已跳过：{}", p));
        fresh.warnings().forEach(w -> log.warn("规则文件：{}", w));
        return fresh;
    }

    /** Loads the rule files again and makes them the rules every feature uses from now on. */
    public RuleLibrary.Loaded reload() {
        RuleLibrary.Loaded fresh = load();
        loaded = fresh;
        log.info("规则库已重新加载：{} 个规则文件，{} 个问题", fresh.files().size(), fresh.problems().size());
        return fresh;
    }

    /** The library as loaded now (files and problems of one load). */
    public RuleLibrary.Loaded current() {
        return loaded;
    }

    public List<RuleFile> files() {
        return loaded.files();
    }

    /** Every problem of the files that did not load, each with file:line:column. */
    public List<RuleProblem> problems() {
        return loaded.problems();
    }

    /** Warnings of the files that loaded. */
    public List<RuleProblem> warnings() {
        return loaded.warnings();
    }

    public Optional<RuleFile> fileOf(String docId) {
        return files().stream().filter(f -> f.docId().equals(docId)).findFirst();
    }

    public List<Rule> rules() {
        return files().stream().flatMap(f -> f.rules().stream()).toList();
    }

    public Optional<Rule> rule(String id) {
        return rules().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Every rule for one enterprise (its profile and facts), any date, no overrides: 一企一策 and 试算. */
    public Evaluation evaluate(EnterpriseRecord record) {
        return evaluate(files(), record);
    }

    /** The same over the files of one load (a rematch explains its matches with the rule set its run used). */
    public Evaluation evaluate(List<RuleFile> files, EnterpriseRecord record) {
        return evaluator.evaluate(files, record, null, Overrides.NONE);
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
