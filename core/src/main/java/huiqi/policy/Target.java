package huiqi.policy;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A quantitative target ("力争对接新签约亿元以上招商项目200个以上"): the clause it comes from, the exact quantity
 * with its unit (multipliers 万/亿 applied), the comparator (">=", ">", "<=", "<", "=", "~") and the deadline
 * (from the clause's time phrase such as "一季度", else the document's effective-until date; null if neither).
 */
public record Target(String text, BigDecimal quantity, String unit, String comparator, LocalDate deadline) {
}
