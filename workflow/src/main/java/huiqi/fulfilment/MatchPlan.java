package huiqi.fulfilment;

import java.math.BigDecimal;
import java.util.List;

/**
 * What re-matching changes: cases to create (first payments, top-ups, recoveries) and open cases to
 * withdraw because their amount no longer stands. Paid cases and ledger entries are never touched.
 */
public record MatchPlan(List<NewCase> create, List<Withdrawal> withdraw, int unchanged) {

    public record NewCase(Match match, int seq, CaseKind kind, BigDecimal amount) {
    }

    public record Withdrawal(long caseId, String reason) {
    }

    public boolean isEmpty() {
        return create.isEmpty() && withdraw.isEmpty();
    }
}
