package huiqi.bench;

import java.math.BigDecimal;

/** A rule's final amount for one firm (rounded to the fen), inserted by the DRL where another rule reads it. */
public final class Granted {
    private final String rule;
    private final Firm firm;
    private final BigDecimal amount;

    public Granted(String rule, Firm firm, BigDecimal amount) {
        this.rule = rule;
        this.firm = firm;
        this.amount = amount;
    }

    public String getRule() { return rule; }
    public Firm getFirm() { return firm; }
    public BigDecimal getAmount() { return amount; }
}
