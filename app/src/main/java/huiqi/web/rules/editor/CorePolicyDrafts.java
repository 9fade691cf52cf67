package huiqi.web.rules.editor;

import huiqi.rules.draft.DraftRule;
import huiqi.rules.draft.MeasureDraft;
import huiqi.rules.draft.OpenQuestion;
import huiqi.web.policy.PolicyDrafts;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The drafts of {@link huiqi.rules.draft.RuleDrafter} for a stored document, shaped for its page. */
@Component
class CorePolicyDrafts implements PolicyDrafts {
    private static final Logger log = LoggerFactory.getLogger(CorePolicyDrafts.class);
    private final PolicyTexts policies;

    CorePolicyDrafts(PolicyTexts policies) {
        this.policies = policies;
    }

    @Override
    public List<MeasureDraftView> draftsOf(String policyId) {
        try {
            return policies.draft(policyId).measures().stream().map(CorePolicyDrafts::view).toList();
        } catch (RuntimeException e) { // the document's page must not fail because a draft could not be made
            log.warn("无法为 {} 起草规则：{}", policyId, e.toString());
            return List.of();
        }
    }

    private static MeasureDraftView view(MeasureDraft m) {
        return new MeasureDraftView(m.measure(), m.category().label, m.reason(),
                m.rules().stream().map(CorePolicyDrafts::rule).toList(),
                m.questions().stream().map(OpenQuestion::question).toList());
    }

    private static RuleDraftView rule(DraftRule r) {
        String payer = r.payerLevel() == null ? "待确认" : r.payerLevel() + (r.payerDepartment() == null ? "" : " " + r.payerDepartment());
        return new RuleDraftView(r.id(), r.title(), r.kind(), r.delivery(), payer,
                r.conditions().stream().map(c -> new Line(c.label(), c.expr(), c.quote())).toList(),
                r.parameters().stream().map(p -> new Line(p.label() == null ? p.name() : p.label(),
                        Quantities.human(p.literal()).orElse(p.literal()), p.quote())).toList(),
                r.amount(), r.cap());
    }
}
