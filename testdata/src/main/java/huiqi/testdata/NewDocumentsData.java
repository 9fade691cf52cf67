package huiqi.testdata;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the 2022–2023 documents of 杨凌 (yl-2022-1), 莆田 (pt-2023-1), 泉州 (qz-2023-1), 楚雄 (cx-2023-1) and 黄石
 * (hs-2023-5) read: about 3% of the enterprises move to 莆田 and 1% each to 杨凌, 楚雄市, 黄石 and 萧山区; 泉州/莆田 enterprises get
 * the 2023 Spring Festival attribute and the January 2023 headcounts, 莆田 ones the charter-bus costs of 2023-Q1, 杨凌
 * traders and restaurants their 2021-Q1 and 2022-Q1 sales, 楚雄 ones the 2022 unemployment insurance figures of the
 * 稳岗返还 (premium paid, benefit claimants, the monthly insured headcounts, whether the unit has paid 12 months) and 黄石
 * ones their leases, 萧山 (xs-2023-13, 1%) manufacturers their loans and 2021/2022 year-end bank loan balances
 * ({@link XiaoshanLoans}). Drawn after everything else of an enterprise, so that nothing drawn before depends on it.
 */
final class NewDocumentsData {
    private static final List<Regions.Region> PUTIAN = Regions.ofCity("莆田");
    private static final List<Regions.Region> HUANGSHI = Regions.ofCity("黄石");
    /** 黄石市 市出资企业 that let premises (hs-2023-5); the last is a private landlord. */
    static final List<String> HUANGSHI_LESSORS = List.of("黄石市城市发展投资集团有限公司", "黄石市交通投资集团有限公司",
            "黄石市国有资本投资运营集团有限公司", "黄石市某物业管理有限公司");

    private NewDocumentsData() {
    }

    static void fill(SyntheticEnterprise e, SplittableRandom r) {
        double move = r.nextDouble();
        if (move < 0.03) {
            Probes.relocate(e, PUTIAN.get(r.nextInt(PUTIAN.size())).district());
        } else if (move < 0.04) {
            Probes.relocate(e, "杨陵区");
        } else if (move < 0.05) {
            Probes.relocate(e, "楚雄市");
        } else if (move < 0.06) {
            Probes.relocate(e, HUANGSHI.get(r.nextInt(HUANGSHI.size())).district());
        } else if (move < 0.07) {
            Probes.relocate(e, "萧山区");
        }
        if (e.regionCode.startsWith("4202")) {
            leases(e, r);
        }
        if (e.regionCode.startsWith("3503") || e.regionCode.startsWith("3505")) {
            springFestival2023(e, r);
        }
        if (e.regionCode.equals("610403") && "FH".indexOf(e.industryCode.charAt(0)) >= 0) {
            tradeSales(e, r);
        }
        if (e.regionCode.equals("532301")) {
            unemploymentInsurance2022(e, r);
        }
        if (e.regionCode.equals("330109") && "是".equals(e.attributes.get("manufacturing"))) {
            XiaoshanLoans.fill(e, r);
        }
    }

    /**
     * 楚雄 units: the 2022 monthly insured headcounts around the enterprise's staff, the premium paid (about 1% of a
     * wage bill of 4–7万元 a head), most without a claimant and a few above the 5.5% 裁员率; most have paid 12 months.
     */
    private static void unemploymentInsurance2022(SyntheticEnterprise e, SplittableRandom r) {
        e.flag("ui_paid_12_months", r.nextDouble() < 0.85);
        BigDecimal insured = e.factValue("insured_headcount", "2023-12");
        long heads = insured == null ? 1 + r.nextInt(60) : Math.max(1, insured.longValue());
        double total = 0;
        for (int m = 1; m <= 12; m++) {
            long month = Math.max(1, Math.round(heads * (0.9 + r.nextDouble() * 0.2)));
            total += month;
            RealisticPopulation.maybe(e, r, "unemployment_insured_headcount", String.format("2022-%02d", m), month);
        }
        double wage = 40_000 + r.nextDouble() * 30_000;
        RealisticPopulation.maybe(e, r, "ui_premium_paid", "2022", RealisticPopulation.money(total / 12 * wage * 0.01));
        double x = r.nextDouble();
        long claimants = x < 0.6 ? 0 : Math.round(total / 12 * (x < 0.9 ? 0.05 : 0.25) * r.nextDouble());
        RealisticPopulation.maybe(e, r, "ui_benefit_claimants", "2022", claimants);
    }

    /** Manufacturers: most kept producing over the 2023 Spring Festival (1月22日); their January 2023 staff. */
    private static void springFestival2023(SyntheticEnterprise e, SplittableRandom r) {
        if (!"是".equals(e.attributes.get("manufacturing"))) {
            return;
        }
        boolean producing = r.nextDouble() < 0.75;
        e.flag("spring_2023_continuous_production", producing);
        BigDecimal insured = e.factValue("insured_headcount", "2023-12");
        long heads = insured == null ? 1 + r.nextInt(50) : insured.longValue();
        RealisticPopulation.maybe(e, r, "unemployment_insured_headcount", "2023-01",
                Math.max(1, Math.round(heads * (0.85 + r.nextDouble() * 0.15))));
        if (e.regionCode.startsWith("3503")) {
            if (producing) {
                RealisticPopulation.maybe(e, r, "spring_festival_stable_staff", "2023-01",
                        Math.max(1, Math.round(heads * (0.6 + r.nextDouble() * 0.4))));
            }
            if (r.nextDouble() < 0.2) {
                // a charter bus in January brings staff back after the festival; nothing in February or March
                RealisticPopulation.maybe(e, r, "charter_bus_cost", "2023-01",
                        RealisticPopulation.money(RealisticPopulation.logUniform(r, 3_000, 250_000)));
                RealisticPopulation.maybe(e, r, "charter_bus_cost", "2023-02", BigDecimal.ZERO);
                RealisticPopulation.maybe(e, r, "charter_bus_cost", "2023-03", BigDecimal.ZERO);
            }
        }
    }

    /**
     * 黄石 enterprises: most rent one to three premises in 2023, from 市出资企业 mostly; terms of a year or two, some shorter
     * ones; one in ten lists no lease (the list not given).
     */
    private static void leases(SyntheticEnterprise e, SplittableRandom r) {
        double shape = r.nextDouble();
        if (shape < 0.1) {
            return;
        }
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            java.time.LocalDate start = java.time.LocalDate.of(2022 + r.nextInt(2), 1 + r.nextInt(12), 1 + r.nextInt(28));
            java.time.LocalDate end = r.nextDouble() < 0.7 ? start.plusMonths(12L * (1 + r.nextInt(2))).minusDays(1)
                    : start.plusMonths(1 + r.nextInt(11)).minusDays(1);
            String lessor = HUANGSHI_LESSORS.get(r.nextInt(HUANGSHI_LESSORS.size()));
            java.util.Map<String, Object> f = new java.util.LinkedHashMap<>();
            f.put("lessor", lessor);
            f.put("city_invested_lessor", !lessor.contains("某"));
            f.put("start", start);
            f.put("end", end);
            f.put("monthly_rent", RealisticPopulation.money(RealisticPopulation.logUniform(r, 800, 60_000)));
            e.item(new huiqi.facts.Item("leases", "ZL" + e.index + "-" + (i + 1), f));
        }
    }

    /** 杨凌 traders and restaurants: 2021-Q1 sales near the 2023-Q1 revenue, then a growth that is often large. */
    private static void tradeSales(SyntheticEnterprise e, SplittableRandom r) {
        if (e.industryCode.startsWith("F52") && r.nextDouble() < 0.3) {
            e.industryCode = "F5292";
            e.rename();
        }
        BigDecimal revenue = e.factValue("revenue", "2023-Q1");
        double base = revenue == null ? RealisticPopulation.logUniform(r, 500_000, 50_000_000) : revenue.doubleValue() * 0.9;
        double growth = -0.1 + r.nextDouble() * 0.5;
        RealisticPopulation.maybe(e, r, "trade_sales", "2021-Q1", RealisticPopulation.money(base));
        RealisticPopulation.maybe(e, r, "trade_sales", "2022-Q1", RealisticPopulation.money(base * (1 + growth)));
    }
}
