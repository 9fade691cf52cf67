package huiqi.web.rules.editor;

import huiqi.facts.IndicatorCatalog;
import huiqi.policy.PolicyParser;
import huiqi.rules.draft.DocumentDraft;
import huiqi.rules.draft.DraftYaml;
import huiqi.rules.draft.RuleDrafter;
import huiqi.web.policy.PolicyStore;
import huiqi.web.rulesets.RuleSetService;
import huiqi.web.rulesets.RuleSetVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the editor needs of a policy: its text (the quotes are checked against it), its measures' texts (shown beside
 * the rules), the text an officer starts from ({@link #start}: a stored version of the rule database, else the
 * shipped rules.yaml) and the draft {@link RuleDrafter} makes from its text.
 */
@Component
public class PolicyTexts {
    private final PolicyStore store;
    private final Path policiesDir;
    private final RuleDrafter drafter;
    private final RuleSetService ruleSets;

    public PolicyTexts(PolicyStore store, IndicatorCatalog catalog, @Value("${huiqi.policies-dir}") String policiesDir,
                       RuleSetService ruleSets) {
        this.store = store;
        this.ruleSets = ruleSets;
        this.policiesDir = Path.of(policiesDir);
        this.drafter = new RuleDrafter(catalog);
    }

    public PolicyStore.StoredDocument document(String policyId) {
        return store.find(policyId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "政策文件不存在"));
    }

    /** The text quotes must come from: the shipped source.txt where there is one (what the loader reads), else the upload's. */
    public String sourceText(String policyId) {
        return read(policiesDir.resolve(policyId).resolve("source.txt")).orElseGet(() -> document(policyId).document().sourceText());
    }

    public Map<Integer, String> measureTexts(String policyId) {
        Map<Integer, String> out = new LinkedHashMap<>();
        store.measures(policyId).forEach(m -> out.put(m.number(), m.text()));
        return out;
    }

    /**
     * The text the editor opens with and the version a save builds on (0: on the published one): the version asked
     * for; else the open draft (草稿 / 已退回) at the head of the rule set, which a save continues; else the version
     * in force; else the shipped rules.yaml; else the draft made from the text.
     */
    public Start start(String policyId, Integer version) {
        Optional<RuleSetVersion> head = ruleSets.head(policyId);
        if (version != null) {
            RuleSetVersion v = ruleSets.find(policyId, version)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "规则版本不存在"));
            boolean continues = head.isPresent() && head.get().version() == v.version() && v.state().open();
            return new Start(v.yaml(), continues ? v.version() : 0, false, "第 " + v.version() + " 版（" + v.stateLabel() + "）");
        }
        if (head.isPresent() && head.get().state().open()) {
            RuleSetVersion h = head.get();
            return new Start(h.yaml(), h.version(), false, "第 " + h.version() + " 版（" + h.stateLabel() + "）");
        }
        Optional<RuleSetVersion> published = ruleSets.publishedNow(policyId);
        if (published.isPresent()) {
            return new Start(published.get().yaml(), 0, false, "现行第 " + published.get().version() + " 版");
        }
        return ruleFile(policyId).map(y -> new Start(y, 0, false, "随平台提供的规则文件"))
                .orElseGet(() -> Start.drafted(draftYaml(policyId)));
    }

    /** What the editor opens: the text, the version a save builds on, whether it is a machine draft, and where from. */
    public record Start(String yaml, int baseVersion, boolean drafted, String describe) {
        static Start drafted(String yaml) {
            return new Start(yaml, 0, true, "由原文生成的草稿");
        }
    }

    public Optional<String> ruleFile(String policyId) {
        return read(policiesDir.resolve(policyId).resolve("rules.yaml"));
    }

    public DocumentDraft draft(String policyId) {
        return drafter.draft(new PolicyParser().parse(sourceText(policyId)), policyId);
    }

    /**
     * The draft as rules.yaml text. Its {@code document:} is what the policy library holds for the document (the 文号
     * the officer confirmed on upload; without one, the title), not what the drafter read from the text: 一企一策 shows
     * it to enterprises.
     */
    public String draftYaml(String policyId) {
        String yaml = DraftYaml.render(draft(policyId));
        var stored = document(policyId).document();
        String name = stored.docNumber() != null && !stored.docNumber().isBlank() ? stored.docNumber()
                : stored.title() + "（未标文号）";
        yaml = yaml.replaceFirst("(?m)^document: .*$", java.util.regex.Matcher.quoteReplacement("document: " + YamlScalars.quoted(name)));
        return withStoredRegion(yaml, stored.region() == null ? null : stored.region().code());
    }

    /**
     * The region the officer confirmed for the document (the parser often finds none in the text) restricts every
     * drafted rule: without it a 莆田 measure would match enterprises anywhere. A division code is written as the
     * prefix its enterprises' codes share (350300 → 3503, 350000 → 35).
     */
    static String withStoredRegion(String yaml, String code) {
        if (code == null || !code.matches("\\d{6}")) {
            return yaml;
        }
        String prefix = code.replaceFirst("(00)+$", "");
        String line = "region: " + YamlScalars.quoted(prefix);
        if (java.util.regex.Pattern.compile("(?m)^region: ").matcher(yaml).find()) {
            return yaml.replaceFirst("(?m)^region: .*$", java.util.regex.Matcher.quoteReplacement(line));
        }
        return yaml.replaceFirst("(?m)^(measures: .*)$", "$1\n" + java.util.regex.Matcher.quoteReplacement(line));
    }

    private static Optional<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
