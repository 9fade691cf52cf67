package huiqi.testdata;

import huiqi.enterprise.Uscc;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.SplittableRandom;

/**
 * Samples one plausible enterprise of 福州/泉州 (a few moved to 莆田 and 杨凌 by {@link NewDocumentsData}): profile
 * (region, industry, size, status flags) and its
 * monthly/quarterly facts, with about 1% of values missing as real departmental data has gaps.
 */
final class RealisticPopulation {
    private static final String[] PLACE_WORDS = {"闽", "榕", "鼓山", "闽江", "海峡", "刺桐", "晋", "泉", "东南", "三坊",
            "福", "鹭", "安", "华", "海", "兴", "恒", "盛", "顺", "宏", "鑫", "源", "达", "嘉", "利", "信", "通", "联", "创", "德"};
    private static final String[] SIZES = {"微型", "小型", "中型", "大型"};

    private RealisticPopulation() {
    }

    static void fill(SyntheticEnterprise e, SplittableRandom r) {
        Regions.Region region = Regions.pick(r);
        Industries.Industry industry = Industries.pick(r);
        profile(e, r, region, industry, size(r));
        facts(e, r);
        NewDocumentsData.fill(e, r);
    }

    static String size(SplittableRandom r) {
        double x = r.nextDouble();
        return x < 0.60 ? "微型" : x < 0.88 ? "小型" : x < 0.98 ? "中型" : "大型";
    }

    static void profile(SyntheticEnterprise e, SplittableRandom r, Regions.Region region,
                        Industries.Industry industry, String size) {
        e.regionCode = region.code();
        e.uscc = Uscc.enterprise(region.code(), organisationBody(e.index, r));
        e.industryCode = industry.code();
        e.size = size;
        e.brand = PLACE_WORDS[r.nextInt(PLACE_WORDS.length)] + PLACE_WORDS[r.nextInt(PLACE_WORDS.length)];
        e.district = region.district();
        e.rename();
        e.attributes.clear();
        e.placeInZone();
        int rank = rank(size);
        boolean manufacturing = industry.manufacturing();
        e.flag("manufacturing", manufacturing);
        boolean aboveScaleIndustrial = manufacturing && (rank >= 2 || (rank == 1 && r.nextDouble() < 0.4));
        e.flag("above_scale_industrial", aboveScaleIndustrial);
        boolean inStatistics = aboveScaleIndustrial;
        if (industry.section() == 'F' || industry.section() == 'H') {
            boolean aboveQuota = rank >= 2 || (rank == 1 && r.nextDouble() < 0.5);
            e.flag(industry.section() == 'F' ? "above_quota_trade" : "above_quota_catering", aboveQuota);
            inStatistics |= aboveQuota;
        }
        if ("GIKLMO".indexOf(industry.section()) >= 0) {
            boolean aboveScaleService = rank >= 2 || (rank == 1 && r.nextDouble() < 0.3);
            e.flag("above_scale_service", aboveScaleService);
            inStatistics |= aboveScaleService;
        }
        if (inStatistics) {
            // newly included firms cluster in the months the documents reward
            double n = r.nextDouble();
            String month = n < 0.04 ? "2024-0" + (1 + r.nextInt(3))
                    : n < 0.10 ? String.format("2023-%02d", 1 + r.nextInt(12))
                    : String.format("%d-%02d", 2010 + r.nextInt(13), 1 + r.nextInt(12));
            e.attribute("stats_included_month", month);
            e.attribute("production_start_month", month);
            e.flag("upgraded_to_above_scale", month.startsWith("2023") || month.startsWith("2024") ? r.nextDouble() < 0.6 : r.nextDouble() < 0.2);
        }
        if (manufacturing && !aboveScaleIndustrial) {
            e.flag("in_upgrade_cultivation_pool", r.nextDouble() < 0.15);
        }
        if (aboveScaleIndustrial) {
            e.flag("key_enterprise", r.nextDouble() < 0.12);
        }
        e.flag("foreign_invested", r.nextDouble() < (rank >= 2 ? 0.15 : 0.03));
        if ("CIM".indexOf(industry.section()) >= 0) {
            e.flag("high_tech_enterprise", r.nextDouble() < (rank >= 2 ? 0.25 : 0.04));
        }
        e.flag("small_scale_vat_taxpayer", rank == 0 ? r.nextDouble() < 0.85 : rank == 1 && r.nextDouble() < 0.4);
        if (manufacturing) {
            e.flag("has_self_export", r.nextDouble() < (rank >= 2 ? 0.45 : 0.12));
        }
        if (industry.section() == 'E') {
            e.flag("key_project_contractor", r.nextDouble() < (rank >= 1 ? 0.35 : 0.05));
        }
        e.attribute("established_date", String.format("%d-%02d-%02d", 1995 + r.nextInt(29), 1 + r.nextInt(12), 1 + r.nextInt(28)));
    }

    static void facts(SyntheticEnterprise e, SplittableRandom r) {
        e.facts.clear();
        int rank = rank(e.size);
        boolean manufacturing = "是".equals(e.attributes.get("manufacturing"));
        boolean aboveScale = "是".equals(e.attributes.get("above_scale_industrial"));

        // electricity: log-uniform base by size, industry intensity, festival season, firm growth
        double[] kwhRange = {2_000, 20_000, 150_000, 800_000, 8_000_000};
        double base = logUniform(r, kwhRange[rank], kwhRange[rank + 1]) * (manufacturing ? 1.0 : 0.2);
        double growth = 0.04 + r.nextGaussian() * 0.10;
        for (String m : Calendar.MONTHS) {
            double trend = m.startsWith("2024") ? 1 + growth : 1;
            long kwh = Math.round(base * trend * Calendar.electricitySeason(m) * (1 + r.nextGaussian() * 0.04));
            maybe(e, r, "electricity_kwh", m, Math.max(kwh, 0));
        }
        // gas: a minority of manufacturers and most restaurants use piped gas
        if ((manufacturing && r.nextDouble() < 0.15) || (e.industryCode.startsWith("H") && r.nextDouble() < 0.6)) {
            e.flag("non_residential_piped_gas_price", r.nextDouble() < 0.9);
            double daily = logUniform(r, 20, 400) * (rank + 1) * (rank + 1);
            for (String m : Calendar.MONTHS.subList(9, 15)) {
                maybe(e, r, "gas_m3", m, Math.round(daily * days(m) * Calendar.gasSeason(m) * (1 + r.nextGaussian() * 0.05)));
            }
        }
        // insured headcount
        int[][] staff = {{1, 9}, {10, 99}, {100, 999}, {1000, 5000}};
        int heads = staff[rank][0] + r.nextInt(staff[rank][1] - staff[rank][0] + 1);
        for (String m : Calendar.MONTHS.subList(11, 15)) {
            int h = Math.max(1, heads + (int) Math.round(r.nextGaussian() * heads * 0.02));
            maybe(e, r, "insured_headcount", m, h);
            if (m.startsWith("2024")) {
                maybe(e, r, "unemployment_insured_headcount", m, Math.max(1, Math.round(h * (0.85 + r.nextDouble() * 0.15))));
            }
        }
        // output for above-scale industry: yuan per kWh varies by industry
        if (aboveScale) {
            double yuanPerKwh = 15 + r.nextDouble() * 30;
            double outputGrowth = growth + r.nextGaussian() * 0.05;
            for (String m : Calendar.MONTHS) {
                BigDecimal kwh = e.factValue("electricity_kwh", m);
                double k = kwh == null ? base : kwh.doubleValue();
                double trend = m.startsWith("2024") ? (1 + outputGrowth) / (1 + growth) : 1;
                maybe(e, r, "industrial_output", m, Math.round(k * yuanPerKwh * trend));
            }
            // awards already granted are reported for every candidate firm, 0 when none was granted
            maybe(e, r, "provincial_growth_award", "2024-Q1", r.nextDouble() < 0.35 ? 10_000L * (5 + r.nextInt(76)) : 0);
            String included = e.attributes.get("stats_included_month");
            if (included != null && included.startsWith("2024")) {
                maybe(e, r, "provincial_new_stats_award", "2024-Q1", 300_000);
            }
        }
        // revenue and tax every quarter
        double[] revenueRange = {300_000, 3_000_000, 20_000_000, 200_000_000, 2_000_000_000};
        double quarterly = logUniform(r, revenueRange[rank], revenueRange[rank + 1]) / 4;
        double taxRate = 0.02 + r.nextDouble() * 0.06;
        for (String q : Calendar.QUARTERS) {
            double trend = q.startsWith("2024") ? 1 + growth : 1;
            long rev = Math.round(quarterly * trend * (1 + r.nextGaussian() * 0.08));
            maybe(e, r, "revenue", q, Math.max(rev, 0));
            maybe(e, r, "tax_paid", q, money(Math.max(rev, 0) * taxRate));
        }
        // projects: some firms invest in Q1
        if (r.nextDouble() < (rank >= 2 ? 0.3 : 0.05)) {
            for (String m : Calendar.MONTHS.subList(12, 15)) {
                maybe(e, r, "fixed_asset_investment", m, Math.round(logUniform(r, 100_000, 50_000_000.0 * (rank + 1))));
            }
        }
        if ("是".equals(e.attributes.get("has_self_export"))) {
            double exp = logUniform(r, 200_000, 20_000_000.0 * (rank + 1));
            for (String m : Calendar.MONTHS) {
                maybe(e, r, "exports", m, Math.round(exp * (1 + r.nextGaussian() * 0.15)));
            }
            if (r.nextDouble() < 0.2) {
                maybe(e, r, "overseas_exhibition_booths", "2024-0" + (1 + r.nextInt(3)), 1 + r.nextInt(4));
            }
        }
        if ("是".equals(e.attributes.get("foreign_invested"))) {
            // paid-in capital is reported for every month of 2023, 0 in months without a tranche
            for (String m : Calendar.MONTHS.subList(0, 12)) {
                e.fact("foreign_paid_in_capital_usd", m, BigDecimal.ZERO);
            }
            int tranches = 1 + r.nextInt(3);
            for (int t = 0; t < tranches; t++) {
                e.fact("foreign_paid_in_capital_usd", Calendar.MONTHS.get(r.nextInt(12)),
                        BigDecimal.valueOf(Math.round(logUniform(r, 100_000, 6_000_000))));
            }
        }
        if ("是".equals(e.attributes.get("key_project_contractor"))) {
            boolean working = r.nextInt(10) < 7;
            int workers = working ? 10 + r.nextInt(150) : 0;
            e.flag("spring_festival_no_stoppage", working);
            maybe(e, r, "site_workers_daily_avg", Calendar.SPRING_FESTIVAL_2024, workers);
            // the real-name platform reports worker-days over the 8 holiday days
            maybe(e, r, "site_workers", Calendar.SPRING_FESTIVAL_2024, workers * 8L);
        }
        TaxLabourTradeData.fill(e, r, rank, quarterly);
    }

    /** Records a value, except for the ~1% of values departments fail to report. */
    static void maybe(SyntheticEnterprise e, SplittableRandom r, String indicator, String period, long value) {
        maybe(e, r, indicator, period, BigDecimal.valueOf(value));
    }

    static void maybe(SyntheticEnterprise e, SplittableRandom r, String indicator, String period, BigDecimal value) {
        if (r.nextInt(100) != 0) {
            e.fact(indicator, period, value);
        }
    }

    static int rank(String size) {
        for (int i = 0; i < SIZES.length; i++) {
            if (SIZES[i].equals(size)) {
                return i;
            }
        }
        throw new IllegalArgumentException(size);
    }

    static BigDecimal money(double yuan) {
        return BigDecimal.valueOf(yuan).setScale(2, RoundingMode.HALF_UP);
    }

    static int days(String month) {
        return YearMonth.parse(month).lengthOfMonth();
    }

    static double logUniform(SplittableRandom r, double lo, double hi) {
        return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }

    /**
     * The 8 body characters of the organisation code, unique per index: a digit, then the index multiplied by
     * a constant coprime to 31 modulo 31^7 (a bijection) written in the 31-symbol charset.
     */
    static String organisationBody(long index, SplittableRandom r) {
        long mod = 27_512_614_111L; // 31^7
        long x = Math.floorMod(index * 7_777_777_777L + 1_234_567_890L, mod); // 7777777777 is coprime to 31
        char[] c = new char[8];
        c[0] = (char) ('1' + r.nextInt(9));
        for (int i = 7; i >= 1; i--) {
            c[i] = Uscc.CHARSET.charAt((int) (x % 31));
            x /= 31;
        }
        return new String(c);
    }
}
