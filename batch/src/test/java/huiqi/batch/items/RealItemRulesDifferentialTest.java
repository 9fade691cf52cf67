package huiqi.batch.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.duck.TestPopulation;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.testdata.ExhibitionFixture;
import huiqi.testdata.HireFixture;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Items of the real rules that read them (#17 item 1): the interpreter and DuckDB agree to the fen on every rule of the
 * document, for a population whose items sit on each rule's boundaries ({@link HireFixture}: 鼓政办规〔2023〕1号 第14条,
 * per person; {@link ExhibitionFixture}: 泉台管办发明电〔2024〕3号 第24条, per exhibition and per traveller).
 */
class RealItemRulesDifferentialTest {
    @TempDir
    Path dir;

    @Test
    void hiresOfGl14AgreeAtEveryBoundary() throws Exception {
        RuleFile file = new RuleFileLoader(TestPopulation.CATALOG).load(HireFixture.rules());
        int n = 300;
        Map<String, Long> outcomes = compare(file, HireFixture.generate(dir, n, 14), n);
        assertThat(outcomes).containsKeys("gl-2023-1/14 eligible", "gl-2023-1/14 ineligible", "gl-2023-1/14 undeterminable");
        // more than one person counted for some enterprises
        assertThat(outcomes).containsKeys("gl-2023-1/14 1000", "gl-2023-1/14 2000");
    }

    @Test
    void exhibitionsAndTravellersOfQt24AgreeAtEveryBoundary() throws Exception {
        RuleFile file = new RuleFileLoader(TestPopulation.CATALOG).load(ExhibitionFixture.rules());
        int n = 300;
        Map<String, Long> outcomes = compare(file, ExhibitionFixture.generate(dir, n, 24), n);
        assertThat(outcomes).containsKeys("qt-2024-3/24-1 eligible", "qt-2024-3/24-1 ineligible", "qt-2024-3/24-1 undeterminable",
                "qt-2024-3/24-2 eligible", "qt-2024-3/24-2 ineligible", "qt-2024-3/24-2 undeterminable");
    }

    /** Every rule of {@code file} for every enterprise, interpreter against DuckDB; counts "rule status" and "rule amount". */
    private Map<String, Long> compare(RuleFile file, Map<String, EnterpriseRecord> records, int n) throws Exception {
        List<RuleFile> rules = List.of(file);
        Evaluator evaluator = new Evaluator(TestPopulation.CATALOG);
        Map<String, Map<String, RuleResult>> expected = new HashMap<>();
        Map<String, Long> outcomes = new HashMap<>();
        try (BatchRunner b = BatchRunner.open(dir, TestPopulation.CATALOG, rules, BatchOptions.defaults())) {
            BatchResult r = b.run(Overrides.NONE);
            int compared = 0;
            try (Statement s = b.connection().createStatement(); ResultSet rs = s.executeQuery(b.longQuery(r, null))) {
                while (rs.next()) {
                    String uscc = rs.getString("uscc");
                    String ruleId = rs.getString("rule_id");
                    RuleResult want = expected.computeIfAbsent(uscc, u -> evaluator.evaluate(rules, records.get(u), null, Overrides.NONE)
                            .results().stream().collect(Collectors.toMap(RuleResult::ruleId, Function.identity()))).get(ruleId);
                    String status = rs.getString("status");
                    BigDecimal amount = rs.getBigDecimal("amount");
                    boolean same = want.status().json().equals(status)
                            && (want.amount() == null ? amount == null : amount != null && want.amount().compareTo(amount) == 0);
                    if (!same) {
                        fail("不一致：企业 " + uscc + " 规则 " + ruleId + "\n解释器：" + want.status().json() + " " + want.amount()
                                + "\n  " + String.join("\n  ", want.explanation()) + "\nSQL：" + status + " " + amount);
                    }
                    outcomes.merge(ruleId + " " + status, 1L, Long::sum);
                    if (amount != null) {
                        outcomes.merge(ruleId + " " + amount.stripTrailingZeros().toPlainString(), 1L, Long::sum);
                    }
                    compared++;
                }
            }
            assertThat(compared).isEqualTo(file.rules().size() * n);
        }
        return outcomes;
    }
}
