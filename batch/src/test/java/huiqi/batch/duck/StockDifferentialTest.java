package huiqi.batch.duck;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.testdata.PopulationGenerator;
import huiqi.testdata.StockFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stock indicators (#17 item 4): avg() over the twelve months of a stock and end_of() agree between the interpreter and
 * DuckDB to the fen, on a population whose first enterprises sit one person below, at and above the average threshold,
 * the cap and the year-end threshold, or lack one month.
 */
class StockDifferentialTest {
    static final int ENTERPRISES = Integer.getInteger("huiqi.diff.enterprises", 50_000) / 10;
    static final List<RuleFile> RULES = List.of(new RuleFileLoader(TestPopulation.CATALOG).load(StockFixture.rules()));

    @TempDir
    Path dir;

    @Test
    void averagesAndYearEndValuesAgreeAtEveryBoundary() throws Exception {
        Differential.Outcome o = Differential.compare(dir, RULES, new PopulationGenerator(20241206L, TestPopulation.CATALOG,
                new StockFixture()), ENTERPRISES, null, Overrides.NONE);
        assertThat(o.rules()).isEqualTo(2);
        assertThat(o.eligible()).containsKeys("stock/1", "stock/2");
    }
}
