package huiqi.batch.items;

import static org.assertj.core.api.Assertions.fail;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.run.BatchResult;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The items differential tests' one comparison: every (enterprise, rule) row of a batch result against the interpreter on
 * the same enterprise, status and amount to the fen; fails on the first difference with both explanations.
 */
final class InterpreterVsSql {
    /** One compared row: what SQL said and what the interpreter said. */
    record Row(String uscc, String ruleId, String status, BigDecimal amount, RuleResult expected) { }

    private InterpreterVsSql() {
    }

    /** Compares every row of {@code r}, hands each to {@code each} and returns how many were compared. */
    static int compare(BatchRunner b, BatchResult r, Evaluator evaluator, List<RuleFile> rules,
                       Map<String, EnterpriseRecord> records, LocalDate asOf, Consumer<Row> each) throws SQLException {
        int compared = 0;
        try (Statement s = b.connection().createStatement(); ResultSet rs = s.executeQuery(b.longQuery(r, null))) {
            while (rs.next()) {
                String uscc = rs.getString("uscc");
                String ruleId = rs.getString("rule_id");
                RuleResult expected = evaluator.evaluate(rules, records.get(uscc), asOf, Overrides.NONE).results().stream()
                        .filter(x -> x.ruleId().equals(ruleId)).findFirst().orElseThrow();
                String status = rs.getString("status");
                BigDecimal amount = rs.getBigDecimal("amount");
                boolean same = expected.status().json().equals(status)
                        && (expected.amount() == null ? amount == null : amount != null && expected.amount().compareTo(amount) == 0);
                if (!same) {
                    fail("不一致：企业 " + uscc + " 规则 " + ruleId + "\n解释器：" + expected.status().json() + " " + expected.amount()
                            + "\n  " + String.join("\n  ", expected.explanation()) + "\nSQL：" + status + " " + amount);
                }
                each.accept(new Row(uscc, ruleId, status, amount, expected));
                compared++;
            }
        }
        return compared;
    }
}
