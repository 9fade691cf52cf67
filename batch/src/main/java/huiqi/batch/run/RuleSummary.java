package huiqi.batch.run;

import java.math.BigDecimal;

/** Per rule: how many enterprises are eligible, ineligible, undeterminable, and the total amount granted. */
public record RuleSummary(String ruleId, String title, String currency, long eligible, long ineligible,
                          long undeterminable, BigDecimal total) {
}
