package huiqi.batch.run;

import huiqi.batch.sql.CompiledRules;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One evaluated variant: the engine's table (DuckDB table or Spark view) holding one row per enterprise (columns per rule, see
 * {@link CompiledRules}), the summaries per rule and per payer (CNY; USD amounts are listed per rule only),
 * and how long evaluation took (evaluating and summarizing).
 */
public record BatchResult(String table, CompiledRules compiled, long enterprises, List<RuleSummary> rules,
                          Map<String, BigDecimal> byPayer, long evaluationMillis) {
    public RuleSummary rule(String id) {
        return rules.stream().filter(r -> r.ruleId().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("结果中没有规则 " + id));
    }
}
