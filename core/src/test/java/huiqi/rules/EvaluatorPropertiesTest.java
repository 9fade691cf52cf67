package huiqi.rules;

import static org.assertj.core.api.Assertions.assertThat;

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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The real fz-2024-2/7 rule against the clause computed by hand: ≥ 50万千瓦时 (含) → kWh × 0.02, at most
 * 30万, rounded once to the fen HALF_UP; below → 0; missing data → undeterminable, never 0.
 */
class EvaluatorPropertiesTest {
    private static final IndicatorCatalog CATALOG = RuleLibrary.catalog();
    private static final RuleFile FZ = new RuleFileLoader(CATALOG)
            .load(PoliciesCheckTest.repoRoot().resolve("policies/fz-2024-2/rules.yaml"));
    private static final Evaluator EVALUATOR = new Evaluator(CATALOG);

    @Provide
    Arbitrary<BigDecimal> kwh() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("30000000")).ofScale(3),
                Arbitraries.bigDecimals().between(new BigDecimal("499999"), new BigDecimal("500001")).ofScale(3),
                Arbitraries.bigDecimals().between(new BigDecimal("14999999"), new BigDecimal("15000001")).ofScale(3));
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

    @Property(tries = 300)
    void amountMatchesTheClause(@ForAll("kwh") BigDecimal kwh) {
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

    @Property(tries = 50)
    void missingElectricityIsNeverZero(@ForAll Boolean aboveScale) {
        RuleResult r = fz7(aboveScale, null);
        if (aboveScale) {
            assertThat(r.status()).isEqualTo(Status.UNDETERMINABLE);
            assertThat(r.amount()).isNull();
            assertThat(r.missing()).containsExactly("electricity_kwh[2024-02]");
        } else {
            assertThat(r.status()).isEqualTo(Status.INELIGIBLE);
        }
    }

    @Property(tries = 100)
    void conditionOrderDoesNotChangeTheStatus(@ForAll("kwh") BigDecimal kwh, @ForAll Boolean known, @ForAll Boolean above) {
        // false dominates unknown regardless of which condition is unknown
        RuleResult r = fz7(known ? above : null, kwh);
        boolean enough = kwh.compareTo(new BigDecimal("500000")) >= 0;
        Status expected = !enough || known && !above ? Status.INELIGIBLE : known ? Status.ELIGIBLE : Status.UNDETERMINABLE;
        assertThat(r.status()).isEqualTo(expected);
    }

}
