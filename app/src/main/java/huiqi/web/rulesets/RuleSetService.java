package huiqi.web.rulesets;

import huiqi.web.rules.RuleBook;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of a rule-set version, each step audited and checked here (not only on the page):
 * <ul>
 * <li>save: every save is a new version (texts are never overwritten); it must start from the newest version
 *     ({@code baseVersion}), else {@link StaleDraft} (two officers editing at once: the second is refused, and
 *     keeps their text). 0 starts a new draft from the published version.</li>
 * <li>submit: only a version that passes {@link SubmissionCheck}; with the date it should take effect from.</li>
 * <li>approve / reject: by a reviewer who saved no part of it (four eyes, also a database constraint).
 *     Approval publishes it from its date and retires the version it replaces; the rule book reloads at once.</li>
 * </ul>
 */
@Service
public class RuleSetService {
    private final RuleSetStore store;
    private final RuleSetAudit audit;
    private final SubmissionCheck check;
    private final RuleBook book;
    private final TransactionTemplate tx;
    private final CatalogIndicators indicators;

    RuleSetService(RuleSetStore store, RuleSetAudit audit, SubmissionCheck check, RuleBook book, TransactionTemplate tx,
                   CatalogIndicators indicators) {
        this.indicators = indicators;
        this.store = store;
        this.audit = audit;
        this.check = check;
        this.book = book;
        this.tx = tx;
    }

    public Optional<RuleSetVersion> find(String policyId, int version) {
        return store.find(policyId, version);
    }

    public List<RuleSetVersion> versions(String policyId) {
        return store.versions(policyId);
    }

    public List<RuleSetVersion> awaitingReview() {
        return store.inState(RuleSetState.SUBMITTED);
    }

    public Optional<RuleSetVersion> publishedNow(String policyId) {
        return store.publishedNow(policyId);
    }

    /** The newest version of a policy's rule set, whatever its state. */
    public Optional<RuleSetVersion> head(String policyId) {
        return store.head(policyId);
    }

    /** Saves {@code yaml} as a new 草稿 on top of {@code baseVersion} (0: on the published one); returns its number. */
    public int saveDraft(String policyId, String yaml, int baseVersion, Editor who) {
        if (yaml == null || yaml.isBlank()) {
            throw new RuleSetRefused("规则文本为空，未保存");
        }
        if (yaml.length() > 500_000) {
            throw new RuleSetRefused("规则文本过长（超过 50 万字符），未保存");
        }
        if (!store.documentExists(policyId)) {
            throw new RuleSetRefused("政策文件 " + policyId + " 不存在");
        }
        Integer saved = tx.execute(s -> {
            store.ensureRuleSet(policyId);
            store.lockRuleSet(policyId);
            Optional<RuleSetVersion> head = store.head(policyId);
            int base = baseVersion;
            int next = head.map(h -> h.version() + 1).orElse(1);
            if (head.isPresent()) {
                RuleSetVersion h = head.get();
                if (h.state() == RuleSetState.SUBMITTED) {
                    throw new StaleDraft("第 " + h.version() + " 版已提交审核，审核结束前不能再修改；您的文本未保存，请复制保留",
                            policyId, yaml, h.version());
                }
                if (base == 0 && h.state().open() && h.author().equals(who.username())) {
                    base = h.version(); // the author's own open draft: saving from the editor again continues it
                }
                if (base == 0 && h.state().open()) {
                    throw new StaleDraft("该政策已有未完成的草稿第 " + h.version() + " 版（" + h.author()
                            + "），请在其上修改；您的文本未保存，请复制保留", policyId, yaml, h.version());
                }
                if (base != 0 && base != h.version()) {
                    throw new StaleDraft("您修改的是第 " + base + " 版，此后已有人保存了第 " + h.version()
                            + " 版；为免覆盖，您的文本未保存。请打开第 " + h.version() + " 版，把您的修改合并后再保存",
                            policyId, yaml, h.version());
                }
            } else if (base != 0) {
                throw new StaleDraft("第 " + base + " 版不存在", policyId, yaml, 0);
            }
            RuleSetVersion h = head.orElse(null);
            boolean continuing = h != null && h.state().open();
            Integer basedOn = continuing ? h.basedOn() : store.publishedNow(policyId).map(RuleSetVersion::version).orElse(null);
            store.insert(policyId, next, RuleSetState.DRAFT, yaml, basedOn, who.username(), null);
            if (continuing) {
                store.addAuthors(policyId, next, h.authors());
                store.supersede(policyId, h.version(), next);
            }
            audit.record(who, "保存草稿", policyId, next, null, RuleSetState.DRAFT,
                    continuing ? "在第 " + h.version() + " 版上修改" : basedOn == null ? "新建" : "基于已发布的第 " + basedOn + " 版");
            return next;
        });
        return saved;
    }

    /** Gives up an open draft (it becomes 已废止); a new draft may then start from the published version. */
    public void discard(String policyId, int version, int lockVersion, Editor who) {
        tx.executeWithoutResult(s -> {
            RuleSetVersion v = locked(policyId, version, lockVersion);
            if (!v.state().open() || v.supersededBy() != null) {
                throw new RuleSetRefused("只能放弃最新的草稿或退回的版本，第 " + version + " 版状态为" + v.stateLabel());
            }
            store.transition(v, RuleSetState.RETIRED, "review_comment = coalesce(review_comment, ?)", "草稿已放弃");
            audit.record(who, "放弃草稿", policyId, version, v.state(), RuleSetState.RETIRED, null);
        });
    }

    /** Submits a version for review; refused with every reason when it does not pass {@link SubmissionCheck}. */
    public void submit(String policyId, int version, LocalDate effectiveFrom, int lockVersion, Editor who) {
        tx.executeWithoutResult(s -> {
            RuleSetVersion v = locked(policyId, version, lockVersion);
            if (!v.state().open() || v.supersededBy() != null) {
                throw new RuleSetRefused("第 " + version + " 版状态为" + v.stateLabel() + (v.supersededBy() == null ? ""
                        : "（已被第 " + v.supersededBy() + " 版取代）") + "，不能提交审核");
            }
            List<String> problems = check.problems(policyId, v.yaml());
            if (!problems.isEmpty()) {
                throw new RuleSetRefused(problems);
            }
            LocalDate from = effectiveFrom == null ? LocalDate.now() : effectiveFrom;
            store.transition(v, RuleSetState.SUBMITTED, "submitted_at = now(), requested_from = ?, "
                    + "authors = case when ? = any (authors) then authors else authors || array[?]::text[] end, "
                    + "reviewer = null, reviewed_at = null, review_comment = null", from, who.username(), who.username());
            audit.record(who, "提交审核", policyId, version, v.state(), RuleSetState.SUBMITTED, "拟生效日期 " + from);
        });
    }

    /** Publishes a submitted version from its requested date; the version it replaces is retired. */
    public void approve(String policyId, int version, int lockVersion, Editor who) {
        List<huiqi.facts.IndicatorCatalog.Indicator> added = new java.util.ArrayList<>();
        tx.executeWithoutResult(s -> {
            RuleSetVersion v = reviewable(policyId, version, lockVersion, who);
            added.addAll(indicators.record(v, who));
            LocalDate from = v.requestedFrom() == null ? LocalDate.now() : v.requestedFrom();
            store.transition(v, RuleSetState.PUBLISHED, "reviewer = ?, reviewed_at = now(), effective_from = ?, published_at = now()",
                    who.username(), from);
            for (RuleSetVersion old : store.versions(policyId)) {
                if (old.version() != version && old.state() == RuleSetState.PUBLISHED) {
                    store.transition(old, RuleSetState.RETIRED, "superseded_by = ?", version);
                    audit.record(who, "废止", policyId, old.version(), RuleSetState.PUBLISHED, RuleSetState.RETIRED,
                            "自 " + from + " 起由第 " + version + " 版取代");
                }
            }
            audit.record(who, "审核发布", policyId, version, RuleSetState.SUBMITTED, RuleSetState.PUBLISHED, "生效日期 " + from
                    + (added.isEmpty() ? "" : "；指标目录新增 " + added.stream().map(i -> i.id() + "（" + i.name() + "）")
                    .collect(java.util.stream.Collectors.joining("、"))));
        });
        indicators.addToCatalog(added);
        book.reload();
    }

    /** Returns a submitted version to its authors with the reviewer's comment. */
    public void reject(String policyId, int version, int lockVersion, String comment, Editor who) {
        if (comment == null || comment.isBlank()) {
            throw new RuleSetRefused("退回时请写明意见，作者据此修改");
        }
        tx.executeWithoutResult(s -> {
            RuleSetVersion v = reviewable(policyId, version, lockVersion, who);
            store.transition(v, RuleSetState.RETURNED, "reviewer = ?, reviewed_at = now(), review_comment = ?",
                    who.username(), comment.strip());
            audit.record(who, "退回", policyId, version, RuleSetState.SUBMITTED, RuleSetState.RETURNED, comment.strip());
        });
    }

    private RuleSetVersion reviewable(String policyId, int version, int lockVersion, Editor who) {
        if (!who.reviewer()) {
            throw new RuleSetRefused("只有管理员或政策审核人员可以审核规则");
        }
        RuleSetVersion v = locked(policyId, version, lockVersion);
        if (v.state() != RuleSetState.SUBMITTED) {
            throw new RuleSetRefused("第 " + version + " 版状态为" + v.stateLabel() + "，不在待审核中");
        }
        if (v.authors().contains(who.username())) {
            throw new RuleSetRefused("您参与编写了第 " + version + " 版，不能审核自己的修改（需由另一位审核人员审核）");
        }
        return v;
    }

    private RuleSetVersion locked(String policyId, int version, int lockVersion) {
        RuleSetVersion v = store.lock(policyId, version)
                .orElseThrow(() -> new RuleSetRefused("规则集 " + policyId + " 第 " + version + " 版不存在"));
        if (v.lockVersion() != lockVersion) {
            throw new RuleSetRefused("第 " + version + " 版已被他人处理（当前状态：" + v.stateLabel() + "），请刷新页面后再操作");
        }
        return v;
    }
}
