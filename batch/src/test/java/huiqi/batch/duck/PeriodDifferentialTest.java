package huiqi.batch.duck;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.testdata.PeriodFixture;
import huiqi.testdata.PopulationGenerator;
import huiqi.testdata.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * days(P) and avg() (#17): the days of a leap February and of a window across the year end, the average of a flow's
 * months one fen below, at and above a threshold, and a stock's monthly average over a quarter holding the leap
 * February, agree between the interpreter and DuckDB to the fen; a missing month leaves each undeterminable.
 */
class PeriodDifferentialTest {
    static final int ENTERPRISES = Integer.getInteger("huiqi.diff.enterprises", 50_000) / 10;
    static final List<RuleFile> RULES = List.of(new RuleFileLoader(TestPopulation.CATALOG).load(PeriodFixture.rules()));

    @TempDir
    Path dir;

    @Test
    void daysAndAveragesAgreeAtEveryBoundary() throws Exception {
        Differential.Outcome o = Differential.compare(dir, RULES, generator(), ENTERPRISES, null, Overrides.NONE);
        assertThat(o.rules()).isEqualTo(4);
        assertThat(o.eligible()).containsKeys("period/1", "period/2", "period/3", "period/4");
    }

    /** The fixture's promise: each boundary enterprise gets the status its case says (or the comparison proves less). */
    @Test
    void everyBoundaryEnterpriseGetsItsCaseStatus() {
        PopulationGenerator g = generator();
        Evaluator evaluator = new Evaluator(TestPopulation.CATALOG);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < g.scenarios().size(); i++) {
            Scenario s = g.scenarioOf(i);
            RuleResult r = evaluator.evaluate(RULES, g.record(i), null, Overrides.NONE).results().stream()
                    .filter(x -> x.ruleId().equals(s.boundary().ruleId())).findFirst().orElseThrow();
            if (!r.status().json().equals(s.expected())) {
                wrong.add(s.boundary().ruleId() + " " + s.boundary().description() + " " + s.boundaryCase().id() + "：应为 "
                        + s.expected() + "，实为 " + r.status().json() + " " + r.explanation());
            }
        }
        assertThat(g.scenarios()).hasSize(32);
        assertThat(wrong).isEmpty();
    }

    private static PopulationGenerator generator() {
        return new PopulationGenerator(20261207L, TestPopulation.CATALOG, new PeriodFixture());
    }
}
