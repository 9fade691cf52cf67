package huiqi.web.batch;

import huiqi.batch.budget.Budget;
import huiqi.batch.whatif.Overlay;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A validated request for a run: the document (null = all), the evaluation date (null = each rule's first
 * valid day), the what-if overlay as "参数全名=值" lines and an optional budget for one payer.
 */
public record BatchRunSpec(String docId, LocalDate asOf, List<String> overrides, Overlay overlay, BudgetSpec budget) {

    /** A payer's budget over every amount rule of the run that it pays (CNY). */
    public record BudgetSpec(String payer, BigDecimal amount, Budget.Policy policy) {
        public String method() {
            return policy.code();
        }
    }

    /** First-come orders claims by this profile column: when the enterprise entered the platform's register. */
    public static final String ORDER_COLUMN = "registered_at";

    public static String methodLabel(String method) {
        return "first-come".equals(method) ? "先到先得（按建档时间）" : "按比例分配";
    }
}
