package huiqi.batch.budget;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A payer's budget for one rule or a group of rules. When the payer's claims (its share of the eligible
 * amounts) exceed the budget, {@link Policy} decides who gets what.
 *
 * @param orderBy for {@link Policy#FIRST_COME}: the profile column holding each enterprise's application time
 *                (ISO date or timestamp text, earliest first; enterprises without one come last; ties by uscc)
 */
public record Budget(String id, String payer, List<String> rules, BigDecimal amount, Policy policy, String orderBy) {
    public enum Policy {
        /** Everyone gets the same fraction (budget ÷ claims), to the fen; see {@link BudgetAllocator}. */
        PRO_RATA("按比例", "pro-rata"),
        /** In application order each claim is paid in full while the budget lasts; the one that crosses it gets the rest. */
        FIRST_COME("先到先得", "first-come");

        private final String label;
        private final String code;

        Policy(String label, String code) {
            this.label = label;
            this.code = code;
        }

        public String label() {
            return label;
        }

        /** How budget files, the API and batch_run_budget.method write it. */
        public String code() {
            return code;
        }

        /** Accepts the label, the code or the English name. */
        public static Optional<Policy> parse(String text) {
            String t = text == null ? "" : text.strip();
            for (Policy p : values()) {
                if (p.label.equals(t) || p.code.equals(t) || p.name().equals(t)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    public Budget {
        rules = List.copyOf(rules);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("预算不能为负：" + amount);
        }
        if (policy == Policy.FIRST_COME && (orderBy == null || orderBy.isBlank())) {
            throw new IllegalArgumentException("先到先得（first-come）需要 order_by：申请时间所在的档案列");
        }
    }
}
