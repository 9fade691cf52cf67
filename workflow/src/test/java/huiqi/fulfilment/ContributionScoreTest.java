package huiqi.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContributionScoreTest {

    static Map<ContributionFactor, BigDecimal> f(Object... kv) {
        Map<ContributionFactor, BigDecimal> m = new EnumMap<>(ContributionFactor.class);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((ContributionFactor) kv[i], new BigDecimal(kv[i + 1].toString()));
        }
        return m;
    }

    @Test
    void percentilesAreMidRanks() {
        Map<String, Map<ContributionFactor, BigDecimal>> facts = new HashMap<>();
        facts.put("a", f(ContributionFactor.TAX, 100));
        facts.put("b", f(ContributionFactor.TAX, 200));
        facts.put("c", f(ContributionFactor.TAX, 300));
        facts.put("d", f(ContributionFactor.TAX, 300));
        var s = ContributionScore.score(facts, ContributionWeights.DEFAULT);
        assertThat(s.get("a").score()).isEqualByComparingTo("12.5");   // (0 + 0.5) / 4
        assertThat(s.get("b").score()).isEqualByComparingTo("37.5");
        assertThat(s.get("c").score()).isEqualByComparingTo("75.0");   // (2 + 1) / 4
        assertThat(s.get("a").missing()).containsExactly(ContributionFactor.EMPLOYMENT, ContributionFactor.OUTPUT,
                ContributionFactor.INVESTMENT);
    }

    @Test
    void theScoreIsTheWeightedMeanOverKnownFactors() {
        Map<String, Map<ContributionFactor, BigDecimal>> facts = new HashMap<>();
        facts.put("big", f(ContributionFactor.TAX, 900, ContributionFactor.EMPLOYMENT, 10));
        facts.put("small", f(ContributionFactor.TAX, 100, ContributionFactor.EMPLOYMENT, 500));
        var s = ContributionScore.score(facts, ContributionWeights.DEFAULT);
        // big: tax pct 75, employment pct 25 → (0.4×75 + 0.3×25) / 0.7 = 53.6
        assertThat(s.get("big").score()).isEqualByComparingTo("53.6");
        assertThat(s.get("small").score()).isEqualByComparingTo("46.4");
        var taxOnly = ContributionScore.score(facts, new ContributionWeights(BigDecimal.ONE, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO));
        assertThat(taxOnly.get("big").score()).isEqualByComparingTo("75.0");
    }

    @Test
    void noKnownFactorMeansNoScoreNotZero() {
        Map<String, Map<ContributionFactor, BigDecimal>> facts = new HashMap<>();
        facts.put("empty", f());
        facts.put("x", f(ContributionFactor.OUTPUT, 5));
        var s = ContributionScore.score(facts, ContributionWeights.DEFAULT);
        assertThat(s.get("empty").determinable()).isFalse();
        assertThat(s.get("empty").score()).isNull();
    }

    @Test
    void weightsMustBeSensible() {
        assertThatThrownBy(() -> new ContributionWeights(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO))
                .hasMessageContaining("不能全为 0");
        assertThatThrownBy(() -> new ContributionWeights(BigDecimal.ONE.negate(), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE))
                .hasMessageContaining("非负");
    }
}
