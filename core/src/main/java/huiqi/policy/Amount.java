package huiqi.policy;

import java.math.BigDecimal;

/**
 * A money amount or rate granted by a measure ("单家企业奖励最高不超过30万元" → 300000 元,
 * "0.02元/千瓦时", "50%"): the clause it comes from, the exact value and its unit.
 */
public record Amount(String text, BigDecimal value, String unit) {
}
