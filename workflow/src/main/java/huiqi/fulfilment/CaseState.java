package huiqi.fulfilment;

/**
 * Where a fulfilment case (one benefit for one enterprise) stands. The names follow the 兑现 chain
 * 待推送 → 已推送 → 企业确认 → 部门审核 → 财政拨付 → 已兑现; 企业异议, 已驳回 and 已撤销 are the side exits.
 */
public enum CaseState {
    待推送(false),
    已推送(false),
    企业异议(false),
    /** The enterprise confirmed (免申即享) or applied (申请): waiting for the responsible unit. */
    部门审核(false),
    /** Approved, waiting for the payer to record the payment. */
    财政拨付(false),
    已兑现(true),
    已驳回(true),
    /** No longer matched after new data, withdrawn before any money moved. */
    已撤销(true);

    private final boolean terminal;

    CaseState(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean terminal() {
        return terminal;
    }

    public String label() {
        return name();
    }

    public static CaseState parse(String s) {
        for (CaseState st : values()) {
            if (st.name().equals(s)) {
                return st;
            }
        }
        throw new IllegalArgumentException("未知的兑现状态：" + s);
    }
}
