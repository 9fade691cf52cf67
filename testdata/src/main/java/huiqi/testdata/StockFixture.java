package huiqi.testdata;

import huiqi.facts.IndicatorCatalog;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The stock-indicator fixture (testdata/rules/stock: a monthly average with avg(), a year-end value with end_of(), over
 * 参保人数, a stock) and the boundaries its generated population straddles: the twelve months' total one person below,
 * at and above the average threshold and the cap, the year-end headcount around its threshold, and a missing month.
 * The document scope (重点企业) holds on every probe; other enterprises meet or miss it as generated.
 */
public final class StockFixture implements BoundarySource {
    private static final List<String> MONTHS_2023 = List.of("2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06",
            "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12");

    /** The fixture's rules.yaml, found from the repository root. */
    public static Path rules() {
        return IndicatorCatalog.locate(Path.of("")).getParent().resolve("testdata/rules/stock/rules.yaml");
    }

    @Override
    public List<Boundary> boundaries() {
        return List.of(
                new Boundary("stock/1", "2023年月均参保人数100人（12个月合计1200人）", Boundary.Kind.AT_LEAST, BigDecimal.valueOf(1200),
                        BigDecimal.ONE, Map.of(), "", Boundary.Probe.of(StockFixture::months,
                        e -> e.removeFact("insured_headcount", "2023-05"))),
                new Boundary("stock/1", "按月均参保人数封顶10万元（月均200人，合计2400人）", Boundary.Kind.CAP, BigDecimal.valueOf(2400),
                        BigDecimal.ONE, Map.of(), "", Boundary.Probe.of(StockFixture::months,
                        e -> e.removeFact("insured_headcount", "2023-12"))),
                new Boundary("stock/2", "2023年末参保人数30人（11月人数不计）", Boundary.Kind.AT_LEAST, BigDecimal.valueOf(30),
                        BigDecimal.ONE, BigDecimal.valueOf(20), Map.of(), "", Boundary.Probe.of((e, v) -> {
                            e.fact("insured_headcount", "2023-11", BigDecimal.valueOf(300));
                            e.fact("insured_headcount", "2023-12", v.max(BigDecimal.ZERO));
                            e.flag("key_enterprise", true);
                        }, e -> e.removeFact("insured_headcount", "2023-12"))));
    }

    /**
     * Twelve whole monthly headcounts of 2023 adding up to {@code total}: as even as whole people allow; a 重点企业, as
     * the document scope requires, so the probe reaches the rule's own threshold.
     */
    private static void months(SyntheticEnterprise e, BigDecimal total) {
        e.flag("key_enterprise", true);
        long t = Math.max(0, total.longValueExact());
        for (int i = 0; i < 12; i++) {
            e.fact("insured_headcount", MONTHS_2023.get(i), BigDecimal.valueOf(t / 12 + (i < t % 12 ? 1 : 0)));
        }
    }
}
