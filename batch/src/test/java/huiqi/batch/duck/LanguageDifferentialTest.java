package huiqi.batch.duck;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.quantity.Units;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import huiqi.testdata.LanguageFixture;
import huiqi.testdata.PopulationGenerator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule-language v2 constructs (tables by band, ratio, date, grade and region; an unpublished parameter; validity
 * open at either end or ending at an unpublished event) agree between the interpreter and DuckDB to the fen, on a
 * population whose first enterprises sit one step below, at and above every band bound, or lack the fact read.
 */
class LanguageDifferentialTest {
    static final int ENTERPRISES = Integer.getInteger("huiqi.diff.enterprises", 50_000) / 10;
    static final List<RuleFile> RULES = List.of(new RuleFileLoader(TestPopulation.CATALOG).load(LanguageFixture.rules()));

    @TempDir
    Path dir;

    private static PopulationGenerator generator() {
        return new PopulationGenerator(20241206L, TestPopulation.CATALOG, new LanguageFixture());
    }

    @Test
    void everyConstructAgreesWithoutAnEvaluationDate() throws Exception {
        Differential.Outcome o = Differential.compare(dir, RULES, generator(), ENTERPRISES, null, Overrides.NONE);
        assertThat(o.rules()).isEqualTo(11);
        // every table rule and both validity rules grant something; the unpublished standard never does
        assertThat(o.eligible()).containsKeys("lang-v2/1", "lang-v2/2", "lang-v2/3", "lang-v2/4", "lang-v2/5", "lang-v2/7",
                "lang-v2/8", "lang-v2/9", "lang-v2/10", "lang-v2/11");
        assertThat(o.eligible()).doesNotContainKey("lang-v2/6");
    }

    @Test
    void beforeAnOpenStartOnlyTheRuleOpenAtItsStartIsInForce() throws Exception {
        Differential.Outcome o = Differential.compare(dir, RULES, generator(), ENTERPRISES, LanguageFixture.AS_OF.get(1), Overrides.NONE);
        assertThat(o.eligible()).containsKey("lang-v2/9").doesNotContainKeys("lang-v2/7", "lang-v2/8");
    }

    @Test
    void whileTheEventDateIsUnpublishedItsRuleIsNeverEligible() throws Exception {
        LocalDate march = LanguageFixture.AS_OF.get(2);
        Differential.Outcome o = Differential.compare(dir, RULES, generator(), ENTERPRISES, march, Overrides.NONE);
        assertThat(o.eligible()).containsKey("lang-v2/8").doesNotContainKeys("lang-v2/7", "lang-v2/9");
    }

    @Test
    void aWhatIfValueStandsInForTheUnpublishedStandard() throws Exception {
        var standard = new Overrides.Override(new BigDecimal("250"), Units.YUAN.per(huiqi.quantity.Unit.base("人")));
        Differential.Outcome o = Differential.compare(dir, RULES, generator(), ENTERPRISES, null,
                new Overrides(Map.of("lang-v2/6.standard", standard)));
        assertThat(o.eligible()).containsKey("lang-v2/6");
    }
}
