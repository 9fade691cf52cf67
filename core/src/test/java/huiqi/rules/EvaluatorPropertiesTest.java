package huiqi.rules;

import huiqi.rules.file.RuleLibrary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.longs;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.FactValue;
import huiqi.facts.Facts;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.facts.Provenance;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The real fz-2024-2/7 rule against the clause computed by hand: ≥ 50万千瓦时 (含) → kWh × 0.02, at most
 * 30万, rounded once to the fen HALF_UP; below → 0; missing data → undeterminable, never 0.
 */
class EvaluatorPropertiesTest {
    private static final IndicatorCatalog CATALOG = RuleLibrary.catalog();
    private static final RuleFile FZ = new RuleFileLoader(CATALOG)
            .load(PoliciesCheckTest.repoRoot().resolve("policies/fz-2024-2/rules.yaml"));
    private static final Evaluator EVALUATOR = new Evaluator(CATALOG);

    /** Electricity in kWh with 3 decimals: anywhere up to 3,000万, and around the threshold and the cap. */
    static Gen<BigDecimal> kwh() {
        return Generate.oneOf(thousandths(0, 30_000_000), thousandths(499_999, 500_001), thousandths(14_999_999, 15_000_001));
    }

    private static Gen<BigDecimal> thousandths(long from, long to) {
        return longs().between(from * 1000, to * 1000).map(u -> BigDecimal.valueOf(u, 3));
    }

    private static RuleResult fz7(Boolean aboveScale, BigDecimal kwh) {
        Map<String, Object> attrs = new HashMap<>();
        if (aboveScale != null) {
            attrs.put("above_scale_industrial", aboveScale);
        }
        Facts facts = Facts.empty();
        if (kwh != null) {
            facts.put(new FactValue("electricity_kwh", Period.parse("2024-02"), kwh, Provenance.of("p")));
        }
        EnterpriseRecord e = new EnterpriseRecord(new Enterprise("U", "企业", "350104", null, null, attrs), facts);
        return EVALUATOR.evaluateFile(FZ, e, null, Overrides.NONE).get("fz-2024-2/7");
    }

    @Test
    void amountMatchesTheClause() {
        qt().withExamples(300).forAll(kwh()).checkAssert(EvaluatorPropertiesTest::amountMatchesTheClause);
    }

    private static void amountMatchesTheClause(BigDecimal kwh) {
        RuleResult r = fz7(true, kwh);
        if (kwh.compareTo(new BigDecimal("500000")) >= 0) {
            BigDecimal expected = kwh.multiply(new BigDecimal("0.02")).min(new BigDecimal("300000"))
                    .setScale(2, RoundingMode.HALF_UP);
            assertThat(r.status()).isEqualTo(Status.ELIGIBLE);
            assertThat(r.amount()).isEqualByComparingTo(expected);
        } else {
            assertThat(r.status()).isEqualTo(Status.INELIGIBLE);
            assertThat(r.amount()).isEqualByComparingTo("0");
            assertThat(r.nearMiss()).contains("距 50万千瓦时 差");
        }
    }

    @Test
    void missingElectricityIsNeverZero() {
        qt().withExamples(50).forAll(booleans().all()).checkAssert(EvaluatorPropertiesTest::missingElectricityIsNeverZero);
    }

    private static void missingElectricityIsNeverZero(Boolean aboveScale) {
        RuleResult r = fz7(aboveScale, null);
        if (aboveScale) {
            assertThat(r.status()).isEqualTo(Status.UNDETERMINABLE);
            assertThat(r.amount()).isNull();
            assertThat(r.missing()).containsExactly("electricity_kwh[2024-02]");
        } else {
            assertThat(r.status()).isEqualTo(Status.INELIGIBLE);
        }
    }

    @Test
    void conditionOrderDoesNotChangeTheStatus() {
        qt().withExamples(100).forAll(kwh(), booleans().all(), booleans().all())
                .checkAssert(EvaluatorPropertiesTest::conditionOrderDoesNotChangeTheStatus);
    }

    private static void conditionOrderDoesNotChangeTheStatus(BigDecimal kwh, Boolean known, Boolean above) {
        // false dominates unknown regardless of which condition is unknown
        RuleResult r = fz7(known ? above : null, kwh);
        boolean enough = kwh.compareTo(new BigDecimal("500000")) >= 0;
        Status expected = !enough || known && !above ? Status.INELIGIBLE : known ? Status.ELIGIBLE : Status.UNDETERMINABLE;
        assertThat(r.status()).isEqualTo(expected);
    }

}
