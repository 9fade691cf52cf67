package huiqi.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** indicators.yaml's plausibility fields: sign, integral, periods (catalog default and per indicator), past. */
class IndicatorCatalogTest {
    @Test
    void anIndicatorMayOverrideThePeriodRangeAndBadDeclarationsAreRefused() {
        IndicatorCatalog c = IndicatorCatalog.parse(new StringReader("""
                periods: { from: 2000, ahead: 0 }
                indicators:
                  - { id: a, name: A, unit: 元, granularity: month }
                  - { id: b, name: B, unit: 人, granularity: month, integral: true, sign: any, periods: { from: 2015 } }
                """), "t.yaml");
        assertThat(c.indicator("a").orElseThrow().periods().fromYear()).isEqualTo(2000);
        assertThat(c.indicator("b").orElseThrow().periods().fromYear()).isEqualTo(2015);
        assertThat(c.indicator("b").orElseThrow().periods().yearsAhead()).isZero();
        assertThatThrownBy(() -> IndicatorCatalog.parse(new StringReader(
                "indicators:\n  - { id: a, name: A, unit: 元, granularity: month, sign: positive }\n"), "t.yaml"))
                .hasMessageContaining("sign 应为 nonnegative 或 any");
        assertThatThrownBy(() -> IndicatorCatalog.parse(new StringReader(
                "indicators:\n  - { id: a, name: A, unit: 元, granularity: month, integral: yes please }\n"), "t.yaml"))
                .hasMessageContaining("integral 应为 true 或 false");
    }

    @Test
    void aMissingDeclarationKeepsTheDefaults() {
        IndicatorCatalog c = IndicatorCatalog.parse(new StringReader("""
                indicators:
                  - { id: a, name: A, unit: 元, granularity: month }
                attributes:
                  - { id: d, name: D, type: date, past: true }
                """), "t.yaml");
        assertThat(c.indicator("a").orElseThrow().sign()).isEqualTo(Sign.NONNEGATIVE);
        assertThat(c.indicator("a").orElseThrow().integral()).isFalse();
        assertThat(c.indicator("a").orElseThrow().periods()).isEqualTo(PeriodRange.DEFAULT);
        assertThat(c.attribute("d").orElseThrow().past()).isTrue();
    }

    @Test
    void theRangeCountsFromTheCurrentYear() {
        PeriodRange r = new PeriodRange(2000, 1);
        java.time.LocalDate today = java.time.LocalDate.of(2026, 6, 1);
        assertThat(r.contains(Period.parse("2027-12"), today)).isTrue();
        assertThat(r.contains(Period.parse("2028-01"), today)).isFalse();
        assertThat(r.contains(Period.parse("1999-12"), today)).isFalse();
        assertThat(r.contains(Period.parse("2000-01"), today)).isTrue();
    }

    @Test
    void anImpossibleDateIsExplainedInChinese() {
        assertThatThrownBy(() -> Period.parse("2024-13")).hasMessageContaining("月份应为 1-12")
                .hasMessageNotContaining("MonthOfYear");
        assertThatThrownBy(() -> Period.parse("2024-02-30")).hasMessageNotContaining("Invalid");
    }

    /** #17 item 4: every indicator of the real catalog says whether it is a flow or a stock; headcounts are stocks. */
    @Test
    @SuppressWarnings("unchecked")
    void everyIndicatorOfTheCatalogDeclaresFlowOrStock() throws Exception {
        java.nio.file.Path file = IndicatorCatalog.locate(java.nio.file.Path.of(""));
        Object root = new org.yaml.snakeyaml.Yaml().load(java.nio.file.Files.readString(file));
        var entries = (java.util.List<java.util.Map<String, Object>>) ((java.util.Map<String, Object>) root).get("indicators");
        assertThat(entries).isNotEmpty().allSatisfy(m -> assertThat(m).as(String.valueOf(m.get("id"))).containsKey("kind"));
        IndicatorCatalog c = IndicatorCatalog.load(file);
        for (String stock : java.util.List.of("insured_headcount", "unemployment_insured_headcount", "employees", "total_assets")) {
            assertThat(c.indicator(stock).orElseThrow().kind()).as(stock).isEqualTo(IndicatorKind.STOCK);
        }
        for (String flow : java.util.List.of("revenue", "electricity_kwh", "exports")) {
            assertThat(c.indicator(flow).orElseThrow().kind()).as(flow).isEqualTo(IndicatorKind.FLOW);
        }
        assertThatThrownBy(() -> IndicatorCatalog.parse(new StringReader(
                "indicators:\n  - { id: a, name: A, unit: 人, granularity: month, kind: balance }\n"), "t.yaml"))
                .hasMessageContaining("kind 应为 flow（流量，可跨期相加）或 stock（存量，时点数）");
    }
}
