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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one rule source of the platform, used by 一企一策, 试算, batch runs and rematch alike. In the platform the rule
 * sets live in the database as versions ({@link PublishedVersions}; the shipped policies/&lt;doc-id&gt;/rules.yaml are
 * imported there on first start): {@link #inForce(LocalDate)} gives the versions in force on a date and
 * {@link #current()} those in force today. Without a version store (tests, tools) it reads the rule files of a
 * directory. A broken version or file is reported in the log and left out; the others still work.
 * {@link #reload()} swaps in a fresh load as a whole (after publishing): a caller that reads {@link #current()} or
 * {@link #inForce} once sees one consistent library.
 */
@Component
public class RuleBook {
    private static final Logger log = LoggerFactory.getLogger(RuleBook.class);

    /**
     * The rule sets in force on {@code asOf}: the library, the version of each policy's rule set (policy id →
     * version; empty when read from a directory) and each file's text.
     */
    public record InForce(LocalDate asOf, RuleLibrary.Loaded library, Map<String, Integer> versions,
                          Map<RuleFile, String> texts) {
        public List<RuleFile> files() {
            return library.files();
        }

        /** "fz-2024-2 第3版、qt-2024-3 第1版" (what a batch run records); {@code policyId} null: every policy. */
        public String describe(String policyId) {
            return versions.entrySet().stream().filter(e -> policyId == null || e.getKey().equals(policyId))
                    .map(e -> e.getKey() + " 第" + e.getValue() + "版").collect(Collectors.joining("、"));
        }

        /** The version of the policy a rule id ("fz-2024-2/7") belongs to, or null. */
        public Integer versionOfRule(String ruleId) {
            int slash = ruleId.indexOf('/');
            return versions.get(slash < 0 ? ruleId : ruleId.substring(0, slash));
        }
    }

    private final IndicatorCatalog catalog;
    private final Path dir;
    private final Evaluator evaluator;
    private final PublishedVersions published;
    private volatile RuleLibrary.Loaded loaded;
    private volatile RuleSetVersions versions = RuleSetVersions.empty();

    /** Reads the rule files of a directory (no version store). */
    public RuleBook(IndicatorCatalog catalog, String dir) {
        this(catalog, dir, null);
    }

    @Autowired
    public RuleBook(IndicatorCatalog catalog, @Value("${huiqi.policies-dir}") String dir, PublishedVersions published) {
        this.catalog = catalog;
        this.dir = Path.of(dir);
        this.evaluator = new Evaluator(catalog);
        this.published = published;
        if (published == null) {
            this.loaded = load();
        } else {
            this.versions = parseAll(RuleSetVersions.empty());
            this.loaded = null;
        }
    }

    private RuleLibrary.Loaded load() {
        RuleLibrary.Loaded fresh = RuleLibrary.load(dir, catalog);
        fresh.problems().forEach(p -> log.warn("规则文件有错误，已跳过：{}", p));
        fresh.warnings().forEach(w -> log.warn("规则文件：{}", w));
        return fresh;
    }

    private RuleSetVersions parseAll(RuleSetVersions before) {
        List<RuleSetVersions.Parsed> parsed = new ArrayList<>();
        for (PublishedVersions.Published v : published.all()) {
            RuleSetVersions.Parsed known = before.find(v.policyId(), v.version());
            if (known != null && known.version().equals(v)) {
                parsed.add(known);
                continue;
            }
            RuleLibrary.Loaded l = parse(v.policyId(), v.yaml());
            l.problems().forEach(p -> log.warn("规则集 {} 第{}版有错误，已跳过：{}", v.policyId(), v.version(), p));
            parsed.add(new RuleSetVersions.Parsed(v, l));
        }
        return new RuleSetVersions(parsed);
    }

    /**
     * A rule-set text of a policy checked as the library checks its files (type, quotes against the policy's text,
     * the parsed document, tests present): the file when it loads, else every problem with line:column.
     */
    public RuleLibrary.Loaded parse(String policyId, String yaml) {
        Path nominal = dir.resolve(policyId).resolve("rules.yaml");
        String source = published == null ? null : published.sourceText(policyId).orElse(null);
        return RuleLibrary.loadText(nominal, yaml, source, catalog);
    }

    /** The rule sets in force on a date (null: today). */
    public InForce inForce(LocalDate asOf) {
        LocalDate date = asOf == null ? LocalDate.now() : asOf;
        if (published == null) {
            RuleLibrary.Loaded l = loaded;
            return new InForce(date, l, Map.of(), Map.of());
        }
        return versions.inForce(date);
    }

    /** Reads the rule sets again (the published versions, or the files) and makes them the rules used from now on. */
    public RuleLibrary.Loaded reload() {
        if (published == null) {
            loaded = load();
        } else {
            versions = parseAll(versions);
        }
        RuleLibrary.Loaded fresh = current();
        log.info("规则库已重新加载：{} 个规则文件，{} 个问题", fresh.files().size(), fresh.problems().size());
        return fresh;
    }

    /** The library in force today (files and problems of one load). */
    public RuleLibrary.Loaded current() {
        return inForce(null).library();
    }

    public List<RuleFile> files() {
        return current().files();
    }

    /** Every problem of the files that did not load, each with file:line:column. */
    public List<RuleProblem> problems() {
        return current().problems();
    }

    /** Warnings of the files that loaded. */
    public List<RuleProblem> warnings() {
        return current().warnings();
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

    /** The Chinese name of an item kind (leases → 租赁合同), or its id when the catalog has none. */
    public String itemKindName(String kind) {
        return catalog.itemKind(kind).map(huiqi.facts.ItemKind::name).orElse(kind);
    }

    /** The rule as written in its file: from its "- id:" line to the next rule or top-level key. */
    public String definition(Rule rule) {
        try {
            InForce now = inForce(null);
            String text = now.files().stream().filter(f -> f.rules().contains(rule)).map(now.texts()::get)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            List<String> lines = text != null ? text.lines().toList() : Files.readAllLines(Path.of(rule.pos().file()));
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
