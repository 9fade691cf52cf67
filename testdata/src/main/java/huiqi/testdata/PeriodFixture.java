package huiqi.testdata;

import huiqi.facts.IndicatorCatalog;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The days()/avg() fixture (testdata/rules/period) and the boundaries its generated population straddles, each probe
 * set in the quantity the rule reads in total: 2024-02 electricity one kWh below, at and above 29 days × 1000 (and the
 * daily cap; 28 days would make the kWh below eligible), the 2023-12..2024-01 gas of a window crossing the year end
 * (62 days), the twelve months' exports one fen of the average below, at and above 100万元, and the 2024-Q1 headcounts
 * around a stock average of 50 (months, not days, weigh the leap February). Undeterminable cases lack one month; the
 * exports case also reports the year's total, which an average of months never reads. Probes sit in 福州 (the rules
 * apply in 福建) so every case reaches the rule's own condition.
 */
public final class PeriodFixture implements BoundarySource {
    private static final List<String> MONTHS_2023 = List.of("2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06",
            "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12");
    private static final List<String> Q1_2024 = List.of("2024-01", "2024-02", "2024-03");

    /** The fixture's rules.yaml, found from the repository root. */
    public static Path rules() {
        return IndicatorCatalog.locate(Path.of("")).getParent().resolve("testdata/rules/period/rules.yaml");
    }

    @Override
    public List<Boundary> boundaries() {
        return List.of(
                new Boundary("period/1", "2024年2月（29天）日均用电1000千瓦时，合计29000千瓦时", Boundary.Kind.AT_LEAST,
                        BigDecimal.valueOf(29_000), BigDecimal.ONE, Map.of(), "", Boundary.Probe.of(
                        (e, v) -> fact(e, "electricity_kwh", "2024-02", v), e -> e.removeFact("electricity_kwh", "2024-02"))),
                new Boundary("period/1", "日均3000千瓦时封顶（29天合计87000千瓦时）", Boundary.Kind.CAP,
                        BigDecimal.valueOf(87_000), BigDecimal.ONE, Map.of(), "", Boundary.Probe.of(
                        (e, v) -> fact(e, "electricity_kwh", "2024-02", v), e -> e.removeFact("electricity_kwh", "2024-02"))),
                new Boundary("period/2", "2023-12-01至2024-01-31（跨年62天）日均用气500方，合计31000方", Boundary.Kind.AT_LEAST,
                        BigDecimal.valueOf(31_000), BigDecimal.ONE, Map.of(), "", Boundary.Probe.of(
                        PeriodFixture::winterGas, e -> e.removeFact("gas_m3", "2024-01"))),
                new Boundary("period/2", "日均800方封顶（62天合计49600方）", Boundary.Kind.CAP,
                        BigDecimal.valueOf(49_600), BigDecimal.ONE, Map.of(), "", Boundary.Probe.of(
                        PeriodFixture::winterGas, e -> e.removeFact("gas_m3", "2023-12"))),
                new Boundary("period/3", "2023年月均出口额100万元（12个月合计1200万元，差一分即0.12元）", Boundary.Kind.AT_LEAST,
                        BigDecimal.valueOf(12_000_000), new BigDecimal("0.12"), Map.of(), "", Boundary.Probe.of(
                        (e, v) -> spread(e, "exports", MONTHS_2023, v, 2), e -> {
                            e.removeFact("exports", "2023-07");
                            e.fact("exports", "2023", BigDecimal.valueOf(12_000_000));
                        })),
                new Boundary("period/4", "2024年一季度（含闰年2月）月均参保人数超过50人，3个月合计150人", Boundary.Kind.MORE_THAN,
                        BigDecimal.valueOf(150), BigDecimal.ONE, Map.of(), "", Boundary.Probe.of(
                        (e, v) -> spread(e, "insured_headcount", Q1_2024, v, 0), e -> e.removeFact("insured_headcount", "2024-02"))));
    }

    private static void fact(SyntheticEnterprise e, String indicator, String period, BigDecimal v) {
        Probes.relocate(e, "鼓楼区");
        e.fact(indicator, period, v.max(BigDecimal.ZERO));
    }

    /** The window's total split over its two months across the year end: December takes the larger half. */
    private static void winterGas(SyntheticEnterprise e, BigDecimal total) {
        Probes.relocate(e, "鼓楼区");
        long t = Math.max(0, total.longValueExact());
        e.fact("gas_m3", "2023-12", BigDecimal.valueOf(t - t / 2));
        e.fact("gas_m3", "2024-01", BigDecimal.valueOf(t / 2));
    }

    /** {@code total} over the months as evenly as the scale allows (the first months take the remainder's units). */
    private static void spread(SyntheticEnterprise e, String indicator, List<String> months, BigDecimal total, int scale) {
        Probes.relocate(e, "鼓楼区");
        long units = Math.max(0, total.movePointRight(scale).longValueExact());
        int n = months.size();
        for (int i = 0; i < n; i++) {
            e.fact(indicator, months.get(i), BigDecimal.valueOf(units / n + (i < units % n ? 1 : 0), scale));
        }
    }
}
