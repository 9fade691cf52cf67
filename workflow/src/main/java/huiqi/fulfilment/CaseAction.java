package huiqi.fulfilment;

import huiqi.rules.Labels;
import static huiqi.fulfilment.ActorRole.ADMIN;
import static huiqi.fulfilment.ActorRole.ENTERPRISE;
import static huiqi.fulfilment.ActorRole.FINANCE;
import static huiqi.fulfilment.ActorRole.OFFICER;
import static huiqi.fulfilment.ActorRole.SYSTEM;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every action on a case: the states it may start from, the state it leads to, who may take it and what
 * input it needs. {@link #APPLY} (申请) creates a case (申请-type benefits), so it starts from no state.
 */
public enum CaseAction {
    PUSH("推送", EnumSet.of(CaseState.PENDING_PUSH), CaseState.PUSHED, EnumSet.of(ADMIN, OFFICER, SYSTEM), Needs.NOTHING),
    CONFIRM("确认", EnumSet.of(CaseState.PUSHED), CaseState.UNIT_REVIEW, EnumSet.of(ENTERPRISE), Needs.BANK_AND_FACTS),
    DISPUTE("异议", EnumSet.of(CaseState.PUSHED), CaseState.DISPUTED, EnumSet.of(ENTERPRISE), Needs.REASON),
    REPUSH("重新推送", EnumSet.of(CaseState.DISPUTED), CaseState.PUSHED, EnumSet.of(ADMIN, OFFICER), Needs.REASON),
    // Segregation of duties: only the reviewing unit approves, only the payer's 财政经办 pays, the administrator neither.
    APPROVE("审核通过", EnumSet.of(CaseState.UNIT_REVIEW), CaseState.AWAITING_PAYMENT, EnumSet.of(OFFICER), Needs.NOTHING),
    REJECT("驳回", EnumSet.of(CaseState.UNIT_REVIEW, CaseState.DISPUTED), CaseState.REJECTED, EnumSet.of(ADMIN, OFFICER), Needs.REASON),
    PAY("拨付", EnumSet.of(CaseState.AWAITING_PAYMENT), CaseState.PAID, EnumSet.of(FINANCE), Needs.NOTHING),
    WITHDRAW("撤销", EnumSet.of(CaseState.PENDING_PUSH, CaseState.PUSHED, CaseState.DISPUTED, CaseState.UNIT_REVIEW, CaseState.AWAITING_PAYMENT),
            CaseState.WITHDRAWN, EnumSet.of(ADMIN, SYSTEM), Needs.REASON),
    APPLY("申请", EnumSet.noneOf(CaseState.class), CaseState.UNIT_REVIEW, EnumSet.of(ENTERPRISE), Needs.APPLICATION);

    enum Needs { NOTHING, REASON, BANK_AND_FACTS, APPLICATION }

    private final String label;
    private final Set<CaseState> from;
    private final CaseState to;
    private final Set<ActorRole> roles;
    private final Needs needs;

    CaseAction(String label, Set<CaseState> from, CaseState to, Set<ActorRole> roles, Needs needs) {
        this.label = label;
        this.from = from;
        this.to = to;
        this.roles = roles;
        this.needs = needs;
    }

    public Set<CaseState> from() {
        return from;
    }

    public CaseState to() {
        return to;
    }

    public Set<ActorRole> roles() {
        return roles;
    }

    Needs needs() {
        return needs;
    }

    public boolean needsReason() {
        return needs == Needs.REASON;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Accepts the label or the English name. */
    public static CaseAction parse(String s) {
        return Labels.parse(values(), CaseAction::label, s)
                .orElseThrow(() -> new IllegalArgumentException("未知的操作：" + s));
    }
}
