package huiqi.batch.sql;

import java.util.List;

/**
 * The whole rule set as one SELECT over the wide table (one row per enterprise, columns per rule), plus the
 * fact columns it reads. {@code select} is standard SQL apart from {@link SqlDialect}'s hooks.
 */
public record CompiledRules(String select, List<CompiledRule> rules, FactColumns facts) {
}
