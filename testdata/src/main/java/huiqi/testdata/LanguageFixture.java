package huiqi.testdata;

import huiqi.facts.IndicatorCatalog;
import huiqi.rules.size.SizeStandard;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The rule-language v2 fixture (testdata/rules/lang-v2: bands by an amount, a ratio and a date, grades, regions,
 * an unpublished parameter, validity open at either end or ending at an unpublished event) and the boundaries
 * its generated population straddles: every band bound at one fen / one day below, at and above, and a missing
 * fact. The differential tests run it through the interpreter, DuckDB and Spark.
 */
public final class LanguageFixture implements BoundarySource {
    private static final BigDecimal FEN = new BigDecimal("0.01");

    /** The fixture's rules.yaml, found from the repository root. */
    public static Path rules() {
        return IndicatorCatalog.locate(Path.of("")).getParent().resolve("testdata/rules/lang-v2/rules.yaml");
    }

    /** The evaluation dates the fixture is compared on: none, before 2024-02-10 (rule 9 in force), after (8 and 7). */
    public static final List<LocalDate> AS_OF = java.util.Arrays.asList(null, LocalDate.of(2024, 2, 9), LocalDate.of(2024, 3, 1));

    @Override
    public List<Boundary> boundaries() {
        List<Boundary> all = new java.util.ArrayList<>(List.of(
                revenue("lang-v2/1", "500万元", "5000000"),
                revenue("lang-v2/1", "2000万元", "20000000"),
                taxBurden("2%", "0.02"),
                taxBurden("5%", "0.05"),
                established("lang-v2/3", "2010-12-31", LocalDate.of(2010, 12, 31)),
                established("lang-v2/3", "2020-01-01", LocalDate.of(2020, 1, 1)),
                established("lang-v2/10", "2023-02-01（加12个月后恰为2024-02-01）", LocalDate.of(2023, 2, 1)),
                established("lang-v2/10", "2023-04-07（补助天数恰为300天，到上限）", LocalDate.of(2023, 4, 7)),
                new Boundary("lang-v2/4", "规模缺失", Boundary.Kind.FLAG, BigDecimal.ONE, BigDecimal.ONE, Map.of(), "",
                        Boundary.Probe.of((e, v) -> { }, e -> e.size = null)),
                new Boundary("lang-v2/5", "按人数封顶15万元（泉州 1000元/人）", Boundary.Kind.CAP, new BigDecimal("150"), BigDecimal.ONE,
                        Map.of(), "", Boundary.Probe.of((e, v) -> e.fact("unemployment_insured_headcount", "2024-01", v),
                        e -> e.removeFact("unemployment_insured_headcount", "2024-01")))));
        all.addAll(sizeBoundaries());
        return List.copyOf(all);
    }

    /** A code of each row of the size standard, in the order of its rows. */
    static final List<String> SIZE_ROW_CODES = List.of("A0411", "C3311", "E4710", "F5137", "F5211", "G5430", "G5920", "G6010",
            "H6110", "H6210", "I6450", "I6513", "K7010", "K7020", "L7212", "M7320");

    /**
     * Size by 工信部联企业〔2011〕300号 with no declared size: for every row, tier (中小微 upper bound, 中型, 小型) and
     * measure, the measure one unit below, at and above its bound, the row's other measures at theirs.
     */
    static List<Boundary> sizeBoundaries() {
        List<Boundary> out = new java.util.ArrayList<>();
        for (int i = 0; i < SizeStandard.ROWS.size(); i++) {
            SizeStandard.Row row = SizeStandard.ROWS.get(i);
            String code = SIZE_ROW_CODES.get(i);
            String[] tiers = {"中小微上限", "中型", "小型"};
            for (int tier = 0; tier < 3; tier++) {
                int t = tier;
                for (SizeStandard.Bounds moved : row.bounds()) {
                    BigDecimal step = moved.measure() == SizeStandard.Measure.EMPLOYEES ? BigDecimal.ONE : FEN;
                    out.add(new Boundary("lang-v2/11", row.name() + " " + tiers[tier] + " " + moved.measure().label,
                            Boundary.Kind.AT_LEAST, bound(moved, t), step, Map.of(), "", Boundary.Probe.of((e, v) -> {
                                e.industryCode = code;
                                e.size = null;
                                for (SizeStandard.Bounds b : row.bounds()) {
                                    setFigure(e, b.measure(), b == moved ? v : bound(b, t));
                                }
                            }, e -> removeFigure(e, moved.measure()))));
                }
            }
        }
        return out;
    }

    private static BigDecimal bound(SizeStandard.Bounds b, int tier) {
        return tier == 0 ? b.upper() : tier == 1 ? b.medium() : b.small();
    }

    /** The 2023 figure: employees and assets for the year, revenue as its four quarters (all in Q1). */
    private static void setFigure(SyntheticEnterprise e, SizeStandard.Measure m, BigDecimal v) {
        switch (m) {
            case EMPLOYEES -> e.fact("employees", "2023", v.max(BigDecimal.ZERO));
            case ASSETS -> e.fact("total_assets", "2023", v.max(BigDecimal.ZERO));
            case REVENUE -> {
                e.fact("revenue", "2023-Q1", v.max(BigDecimal.ZERO));
                for (String q : List.of("2023-Q2", "2023-Q3", "2023-Q4")) {
                    e.fact("revenue", q, BigDecimal.ZERO);
                }
            }
        }
    }

    private static void removeFigure(SyntheticEnterprise e, SizeStandard.Measure m) {
        switch (m) {
            case EMPLOYEES -> e.removeFact("employees", "2023");
            case ASSETS -> e.removeFact("total_assets", "2023");
            case REVENUE -> e.removeFact("revenue", "2023-Q2");
        }
    }

    private static Boundary revenue(String rule, String description, String threshold) {
        return new Boundary(rule, "一季度营业收入 " + description, Boundary.Kind.AT_LEAST, new BigDecimal(threshold), FEN,
                Map.of(), "", Boundary.Probe.of((e, v) -> e.fact("revenue", "2024-Q1", v), e -> e.removeFact("revenue", "2024-Q1")));
    }

    /** Tax paid over revenue: revenue 100万元, tax = ratio × 100万元 (one step = 1元 of tax). */
    private static Boundary taxBurden(String description, String ratio) {
        return new Boundary("lang-v2/2", "税负 " + description, Boundary.Kind.AT_LEAST, new BigDecimal(ratio),
                new BigDecimal("0.000001"), Map.of(), "", Boundary.Probe.of((e, v) -> {
                    e.fact("revenue", "2024-Q1", new BigDecimal("1000000"));
                    e.fact("tax_paid", "2024-Q1", v.multiply(new BigDecimal("1000000")).setScale(2, java.math.RoundingMode.HALF_UP));
                }, e -> e.removeFact("tax_paid", "2024-Q1")));
    }

    /** The founding date as a day number, so the cases fall one day before, on and after the bound. */
    private static Boundary established(String rule, String description, LocalDate bound) {
        return new Boundary(rule, "成立日期 " + description, Boundary.Kind.AT_LEAST, BigDecimal.valueOf(bound.toEpochDay()),
                BigDecimal.ONE, BigDecimal.valueOf(400), Map.of(), "", Boundary.Probe.of(
                        (e, v) -> e.attribute("established_date", LocalDate.ofEpochDay(v.longValueExact()).toString()),
                        e -> e.attributes.remove("established_date")));
    }
}
