package huiqi.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The boundary table's small language: thresholds derived from parameters, and readable errors for bad entries. */
class BoundaryTableTest {
    final Map<String, BigDecimal> params = Map.of("cap", new BigDecimal("300000"), "rate", new BigDecimal("0.02"),
            "daily", new BigDecimal("4000"));

    @Test
    void thresholdsAreNumbersOrOneExactOperationOverParameters() {
        assertThat(DocumentedBoundaries.amount("500000", params)).isEqualTo(new BigDecimal("500000"));
        assertThat(DocumentedBoundaries.amount("cap / rate", params)).isEqualByComparingTo("15000000");
        assertThat(DocumentedBoundaries.amount("daily * 60", params)).isEqualTo(new BigDecimal("240000"));
        assertThatThrownBy(() -> DocumentedBoundaries.amount("cap - rate", params))
                .hasMessageContaining("门槛应为数或");
    }

    @Test
    void everyEntryHasAKnownProbeAndRemoval() {
        assertThat(new DocumentedBoundaries().boundaries()).hasSize(70)
                .extracting(Boundary::ruleId).contains("fz-2024-2/7", "qt-2024-3/33", "gl-2023-1/24-2",
                        "yl-2022-1/4", "pt-2023-1/3", "qz-2023-1/1", "cx-2023-1/5-1", "cx-2023-1/5-2",
                        "hs-2023-5/5-1", "hs-2023-5/5-2", "xs-2023-13/1");
        assertThatThrownBy(() -> BoundaryProbes.named("no-such-probe", Map.of()))
                .hasMessageContaining("没有名为 no-such-probe 的探针");
        assertThatThrownBy(() -> BoundaryProbes.named("flag", Map.of("district", "鼓楼区")))
                .hasMessageContaining("缺少设置 attribute");
    }

    @Test
    void theUndeterminableCaseRemovesWhatTheEntryNames() {
        Boundary fz7 = new DocumentedBoundaries().boundaries().get(0);
        SyntheticEnterprise e = new PopulationGenerator(1, huiqi.rules.file.RuleLibrary.catalog(), new DocumentedBoundaries())
                .enterprise(0);
        fz7.apply(e, BoundaryCase.AT_THRESHOLD);
        assertThat(e.factValue("electricity_kwh", "2024-02")).isEqualByComparingTo("500000");
        fz7.apply(e, BoundaryCase.UNDETERMINABLE);
        assertThat(e.factValue("electricity_kwh", "2024-02")).isNull();
    }
}
