package huiqi.fulfilment;

import static huiqi.fulfilment.ActorRole.ADMIN;
import static huiqi.fulfilment.ActorRole.ENTERPRISE;
import static huiqi.fulfilment.ActorRole.FINANCE;
import static huiqi.fulfilment.ActorRole.OFFICER;
import static huiqi.fulfilment.ActorRole.SYSTEM;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every action on a case: the states it may start from, the state it leads to, who may take it and what
 * input it needs. {@link #申请} creates a case (申请-type benefits), so it starts from no state.
 */
public enum CaseAction {
    推送(EnumSet.of(CaseState.待推送), CaseState.已推送, EnumSet.of(ADMIN, OFFICER, SYSTEM), Needs.NOTHING),
    确认(EnumSet.of(CaseState.已推送), CaseState.部门审核, EnumSet.of(ENTERPRISE), Needs.BANK_AND_FACTS),
    异议(EnumSet.of(CaseState.已推送), CaseState.企业异议, EnumSet.of(ENTERPRISE), Needs.REASON),
    重新推送(EnumSet.of(CaseState.企业异议), CaseState.已推送, EnumSet.of(ADMIN, OFFICER), Needs.REASON),
    // Segregation of duties: only the reviewing unit approves, only the payer's 财政经办 pays, the administrator neither.
    审核通过(EnumSet.of(CaseState.部门审核), CaseState.财政拨付, EnumSet.of(OFFICER), Needs.NOTHING),
    驳回(EnumSet.of(CaseState.部门审核, CaseState.企业异议), CaseState.已驳回, EnumSet.of(ADMIN, OFFICER), Needs.REASON),
    拨付(EnumSet.of(CaseState.财政拨付), CaseState.已兑现, EnumSet.of(FINANCE), Needs.NOTHING),
    撤销(EnumSet.of(CaseState.待推送, CaseState.已推送, CaseState.企业异议, CaseState.部门审核, CaseState.财政拨付),
            CaseState.已撤销, EnumSet.of(ADMIN, SYSTEM), Needs.REASON),
    申请(EnumSet.noneOf(CaseState.class), CaseState.部门审核, EnumSet.of(ENTERPRISE), Needs.APPLICATION);

    enum Needs { NOTHING, REASON, BANK_AND_FACTS, APPLICATION }

    private final Set<CaseState> from;
    private final CaseState to;
    private final Set<ActorRole> roles;
    private final Needs needs;

    CaseAction(Set<CaseState> from, CaseState to, Set<ActorRole> roles, Needs needs) {
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

    public static CaseAction parse(String s) {
        for (CaseAction a : values()) {
            if (a.name().equals(s)) {
                return a;
            }
        }
        throw new IllegalArgumentException("未知的操作：" + s);
    }
}
