package huiqi.rules.eval;

import huiqi.enterprise.Enterprise;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * All rule results for one enterprise. {@code total} sums the CNY amounts of eligible results;
 * {@code byPayer} splits that total by payer; other currencies are summed in {@code byCurrency}.
 */
public record Evaluation(Enterprise enterprise, LocalDate asOf, List<RuleResult> results, BigDecimal total,
                         Map<String, BigDecimal> byPayer, Map<String, BigDecimal> byCurrency) {
}
