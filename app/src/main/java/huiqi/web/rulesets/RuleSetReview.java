package huiqi.web.rulesets;

import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleLibrary;
import huiqi.web.fulfilment.AuditLog;
import huiqi.web.rules.RuleBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the version page shows: what keeps an open version from review, what the signed-in user may do with it,
 * its structured diff against the published version, its history from the audit log, and (on request, it runs
 * the batch engine) its impact. Impacts are kept per (version, published version): both texts never change.
 */
@Component
class RuleSetReview {
    private static final Logger log = LoggerFactory.getLogger(RuleSetReview.class);

    record Page(List<String> problems, boolean canSave, boolean canSubmit, boolean canReview, boolean ownVersion,
                RuleSetVersion published, List<RuleSetDiff.Change> diff, List<String> parseProblems,
                List<AuditLog.Entry> history) {
    }

    record ImpactOutcome(RuleSetImpact.Impact impact, String error, java.time.OffsetDateTime computedAt) {
        ImpactOutcome(RuleSetImpact.Impact impact, String error) {
            this(impact, error, null);
        }
    }

    record PolicyRow(String policyId, RuleSetVersion published, RuleSetVersion head) {
    }

    private final RuleSetService service;
    private final RuleSetStore store;
    private final SubmissionCheck check;
    private final RuleBook book;
    private final RuleSetImpact impacts;
    private final AuditLog audit;
    private final Map<String, ImpactOutcome> computed = new ConcurrentHashMap<>();
    private final ImpactStore stored;

    RuleSetReview(RuleSetService service, RuleSetStore store, SubmissionCheck check, RuleBook book,
                  RuleSetImpact impacts, AuditLog audit, ImpactStore stored) {
        this.stored = stored;
        this.service = service;
        this.store = store;
        this.check = check;
        this.book = book;
        this.impacts = impacts;
        this.audit = audit;
    }

    List<PolicyRow> policies() {
        List<PolicyRow> out = new ArrayList<>();
        for (String id : store.policies()) {
            List<RuleSetVersion> vs = store.versions(id);
            out.add(new PolicyRow(id, store.publishedNow(id).orElse(null), vs.isEmpty() ? null : vs.get(0)));
        }
        return out;
    }

    Page page(RuleSetVersion v, Editor who) {
        boolean head = v.supersededBy() == null && store.versions(v.policyId()).get(0).version() == v.version();
        boolean open = v.state().open() && head;
        List<String> problems = open || v.state() == RuleSetState.SUBMITTED ? check.problems(v.policyId(), v.yaml()) : List.of();
        boolean own = v.authors().contains(who.username());
        boolean editor = who.role().equals("ADMIN") || who.role().equals("OFFICER");
        RuleSetVersion published = service.publishedNow(v.policyId()).orElse(null);
        List<RuleSetDiff.Change> diff = List.of();
        List<String> parseProblems = new ArrayList<>();
        RuleFile mine = parsed(v, parseProblems);
        if (mine != null && (published == null || published.version() != v.version())) {
            RuleFile base = published == null ? null : parsed(published, new ArrayList<>());
            diff = new ArrayList<>(RuleSetDiff.newIndicators(published == null ? "" : published.yaml(), v.yaml()));
            diff.addAll(RuleSetDiff.of(base, mine));
        }
        List<AuditLog.Entry> history = audit.find(new AuditLog.Filter(null, null, "rule_set",
                v.policyId() + "#" + v.version(), 100));
        return new Page(problems, editor && (open || v.wasPublished() && head), editor && open && problems.isEmpty(),
                who.reviewer() && v.state() == RuleSetState.SUBMITTED && !own, own, published, diff, parseProblems,
                history);
    }

    ImpactOutcome impact(RuleSetVersion v) {
        RuleSetVersion published = service.publishedNow(v.policyId()).orElse(null);
        String key = v.policyId() + "#" + v.version() + "/" + (published == null ? 0 : published.version());
        ImpactOutcome known = computed.get(key);
        if (known != null) {
            return known;
        }
        int baseVersion = published == null ? 0 : published.version();
        var kept = stored.find(v.policyId(), v.version(), baseVersion);
        if (kept.isPresent()) {
            ImpactOutcome o = new ImpactOutcome(kept.get().impact(), null, kept.get().computedAt());
            computed.put(key, o);
            return o;
        }
        List<String> problems = new ArrayList<>();
        RuleFile mine = parsed(v, problems);
        if (mine == null) {
            return new ImpactOutcome(null, "该版本未通过检查，无法测算影响：" + String.join("；", problems));
        }
        RuleFile base = published == null ? null : parsed(published, new ArrayList<>());
        try {
            ImpactStore.Stored saved = stored.save(v.policyId(), v.version(), baseVersion, impacts.compute(base, mine, huiqi.rules.file.NewIndicators.of(v.yaml())));
            ImpactOutcome o = new ImpactOutcome(saved.impact(), null, saved.computedAt());
            computed.put(key, o);
            return o;
        } catch (Exception e) {
            log.warn("规则集 {} 第{}版影响测算失败", v.policyId(), v.version(), e);
            return new ImpactOutcome(null, "影响测算失败：" + e.getMessage());
        }
    }

    private RuleFile parsed(RuleSetVersion v, List<String> problems) {
        RuleLibrary.Loaded l = book.parse(v.policyId(), v.yaml());
        l.problems().forEach(p -> problems.add("第 " + p.pos().line() + " 行：" + p.message()));
        return l.files().isEmpty() ? null : l.files().get(0);
    }
}
