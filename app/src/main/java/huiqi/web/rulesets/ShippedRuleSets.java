package huiqi.web.rulesets;

import huiqi.app.StartupStep;
import huiqi.rules.file.RuleFileLoader;
import huiqi.web.rules.RuleBook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start: every shipped policies/&lt;doc-id&gt;/rules.yaml becomes version 1 of its policy's rule set, 已发布
 * from its document's date (effective date, else date of issue), text byte for byte. A policy that already has a
 * version is left alone, so a second start imports nothing and officers' versions survive. Runs after the policy
 * library is seeded (the quotes are checked against the stored documents), then reloads the rule book.
 */
@Component
@Order(20)
class ShippedRuleSets implements StartupStep {
    /** For a shipped file whose document states no date: its rules' own validity decides. */
    static final LocalDate UNDATED = LocalDate.of(2000, 1, 1);

    private final RuleSetStore store;
    private final RuleSetAudit audit;
    private final RuleBook book;
    private final TransactionTemplate tx;
    private final Path dir;

    ShippedRuleSets(RuleSetStore store, RuleSetAudit audit, RuleBook book, TransactionTemplate tx,
                    @Value("${huiqi.policies-dir}") String dir) {
        this.store = store;
        this.audit = audit;
        this.book = book;
        this.tx = tx;
        this.dir = Path.of(dir);
    }

    @Override
    public List<String> run(boolean demo) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        int imported = 0;
        int present = 0;
        try {
            for (Path file : RuleFileLoader.findRuleFiles(dir)) {
                String policyId = file.getParent().getFileName().toString();
                String yaml = Files.readString(file, StandardCharsets.UTF_8);
                Boolean done = tx.execute(s -> {
                    store.ensureRuleSet(policyId);
                    store.lockRuleSet(policyId);
                    if (store.hasVersions(policyId)) {
                        return false;
                    }
                    LocalDate from = store.documentDate(policyId).orElse(UNDATED);
                    store.insert(policyId, 1, RuleSetState.PUBLISHED, yaml, null, Editor.SYSTEM.username(), from);
                    audit.record(Editor.SYSTEM, "导入发布", policyId, 1, null, RuleSetState.PUBLISHED,
                            "首次启动导入 " + dir.relativize(file) + "，生效日期 " + from);
                    return true;
                });
                if (Boolean.TRUE.equals(done)) {
                    imported++;
                } else {
                    present++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        book.reload();
        return List.of("规则集：本次导入 " + imported + " 个（已发布第 1 版），已在库中 " + present + " 个（不重复导入）");
    }
}
