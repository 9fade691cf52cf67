package huiqi.bench.tuned;

import java.math.BigDecimal;

/**
 * A rule's final amount for one enterprise (to the fen), inserted by the tuned DRL where another rule of the same
 * enterprise reads it (9-1 → 9-2 deduction and shared cap; 1-4 / 1-5 取高不重复). Joined on the enterprise's index.
 */
public final class Grant {
    private final String rule;
    private final int enterprise;
    private final BigDecimal amount;

    public Grant(String rule, int enterprise, BigDecimal amount) {
        this.rule = rule;
        this.enterprise = enterprise;
        this.amount = amount;
    }

    public String getRule() { return rule; }
    public int getEnterprise() { return enterprise; }
    public BigDecimal getAmount() { return amount; }
}
