package huiqi.fulfilment;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One eligible benefit of one enterprise as the rules engine found it: the rule, the enterprise, who pays
 * (and so which unit handles it), the benefit period and the amount in yuan (already rounded to the fen).
 */
public record Match(String ruleId, String title, String uscc, String enterpriseName, String payer, String unit,
                    String period, BigDecimal amount, String delivery, String ruleClass, String explanation) {
    public Match {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(uscc, "uscc");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("匹配金额不能为负：" + amount);
        }
    }

    public CaseKey key() {
        return new CaseKey(ruleId, uscc, period, payer);
    }
}
