package huiqi.fulfilment;

import huiqi.rules.Labels;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a fulfilment case (one benefit for one enterprise) stands. The labels follow the 兑现 chain
 * 待推送 → 已推送 → 企业确认 → 部门审核 → 财政拨付 → 已兑现; 企业异议, 已驳回 and 已撤销 are the side exits.
 * The database, the audit log, exports, JSON and pages keep the Chinese label.
 */
public enum CaseState {
    PENDING_PUSH("待推送", false),
    PUSHED("已推送", false),
    DISPUTED("企业异议", false),
    /** The enterprise confirmed (免申即享) or applied (申请): waiting for the responsible unit. */
    UNIT_REVIEW("部门审核", false),
    /** Approved, waiting for the payer to record the payment. */
    AWAITING_PAYMENT("财政拨付", false),
    PAID("已兑现", true),
    REJECTED("已驳回", true),
    /** No longer matched after new data, withdrawn before any money moved. */
    WITHDRAWN("已撤销", true);

    private final String label;
    private final boolean terminal;

    CaseState(String label, boolean terminal) {
        this.label = label;
        this.terminal = terminal;
    }

    public boolean terminal() {
        return terminal;
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
    public static CaseState parse(String s) {
        return Labels.parse(values(), CaseState::label, s)
                .orElseThrow(() -> new IllegalArgumentException("未知的兑现状态：" + s));
    }
}
