package huiqi.web.rules.editor;

import huiqi.facts.IndicatorCatalog;
import huiqi.policy.PolicyParser;
import huiqi.rules.draft.DocumentDraft;
import huiqi.rules.draft.DraftYaml;
import huiqi.rules.draft.RuleDrafter;
import huiqi.web.policy.PolicyStore;
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
 * the rules), the rule file it has today (policies/&lt;id&gt;/rules.yaml) and the draft {@link RuleDrafter} makes
 * from its text. Stored versions of rule sets are the rule database's (#16 items 1, 4): it replaces
 * {@link #ruleFile} as the source of the text an officer starts from.
 */
@Component
public class PolicyTexts {
    private final PolicyStore store;
    private final Path policiesDir;
    private final RuleDrafter drafter;

    public PolicyTexts(PolicyStore store, IndicatorCatalog catalog, @Value("${huiqi.policies-dir}") String policiesDir) {
        this.store = store;
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

    public Optional<String> ruleFile(String policyId) {
        return read(policiesDir.resolve(policyId).resolve("rules.yaml"));
    }

    public DocumentDraft draft(String policyId) {
        return drafter.draft(new PolicyParser().parse(sourceText(policyId)), policyId);
    }

    public String draftYaml(String policyId) {
        return DraftYaml.render(draft(policyId));
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
