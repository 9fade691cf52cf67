package huiqi.batch.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.batch.duck.BatchRunner;
import huiqi.batch.duck.TestPopulation;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.Parameter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A what-if that evaluates again only the rules its parameters reach gives, for every overridable parameter of
 * the three documents, exactly the result rows and summaries of a full evaluation with the same overlay.
 */
class IncrementalWhatIfTest {
    @TempDir
    Path dir;

    @Test
    void everyParameterChangedAloneOrTogetherEqualsAFullRun() throws Exception {
        TestPopulation.generate(600, 21, dir);
        Map<String, Parameter> declared = Evaluator.parameters(TestPopulation.RULES);
        Map<String, Overrides.Override> all = new HashMap<>();
        int total = TestPopulation.RULES.stream().mapToInt(f -> f.rules().size()).sum();
        int partial = 0;
        try (BatchRunner b = BatchRunner.open(dir, TestPopulation.CATALOG, TestPopulation.RULES, BatchOptions.defaults())) {
            BatchResult base = b.run(Overrides.NONE);
            for (Map.Entry<String, Parameter> e : declared.entrySet()) {
                Parameter p = e.getValue();
                if (p.table() != null || p.isDate() || p.isPending() || p.values().isEmpty()) {
                    continue;
                }
                // moves thresholds, rates and caps alike (a cap of 0 or a doubled threshold changes who qualifies)
                BigDecimal v = p.values().firstEntry().getValue().multiply(new BigDecimal("1.5"));
                Overrides.Override o = new Overrides.Override(v, p.unit());
                all.put(e.getKey(), o);
                Overrides overlay = new Overrides(Map.of(e.getKey(), o));
                BatchResult incremental = b.whatIf(base, overlay);
                assertThat(b.rulesEvaluated(incremental)).as(e.getKey()).isPositive();
                if (b.rulesEvaluated(incremental) < total) {
                    partial++;
                }
                assertSame(b, incremental, b.run(overlay), e.getKey());
            }
            Overrides together = new Overrides(all);
            BatchResult first = b.whatIf(base, together);
            assertThat(b.rulesEvaluated(first)).isLessThanOrEqualTo(total);
            assertSame(b, first, b.run(together), "all parameters");
            // from a variant back to the baseline: the changed parameters are those the variant set
            assertSame(b, b.whatIf(first, Overrides.NONE), base, "back to the baseline");
        }
        assertThat(partial).as("overlays that evaluated fewer than all rules").isPositive();
    }

    private static void assertSame(BatchRunner b, BatchResult incremental, BatchResult full, String what) throws Exception {
        assertThat(incremental.rules()).as(what).isEqualTo(full.rules());
        assertThat(incremental.byPayer()).as(what).isEqualTo(full.byPayer());
        String x = b.longQuery(incremental, null);
        String y = b.longQuery(full, null);
        String diff = "SELECT count(*) FROM ((SELECT * FROM (" + x + ") a EXCEPT ALL SELECT * FROM (" + y + ") c) UNION ALL "
                + "(SELECT * FROM (" + y + ") d EXCEPT ALL SELECT * FROM (" + x + ") e)) z";
        try (Statement s = b.connection().createStatement(); ResultSet rs = s.executeQuery(diff)) {
            rs.next();
            assertThat(rs.getLong(1)).as(what + "：逐家逐条不同的行数").isZero();
        }
    }
}
