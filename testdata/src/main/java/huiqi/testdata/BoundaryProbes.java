package huiqi.testdata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * How an enterprise is made to measure a value for a rule, all the rule's other conditions holding: the probes that
 * boundaries.yaml names. Each sets the facts and attributes of one measure; {@code with} carries an entry's settings.
 */
final class BoundaryProbes {
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final List<String> MONTHS_2023 = Calendar.MONTHS.subList(0, 12);

    private BoundaryProbes() {
    }

    /** What the probe of that name does with a measured value, given the entry's settings. */
    static BiConsumer<SyntheticEnterprise, BigDecimal> named(String name, Map<String, String> with) {
        return switch (name) {
            case "fz7-february-electricity" -> (e, kwh) -> {
                Probes.relocate(e, "鼓楼区");
                Probes.aboveScaleManufacturer(e);
                e.fact("electricity_kwh", "2024-02", kwh);
            };
            case "fz6-new-plant-output" -> (e, output) -> fz6NewPlant(e, output, d("200000"));
            case "fz6-new-plant-award" -> (e, award) -> fz6NewPlant(e, d("60000000"), award);
            case "qt2-new-in-statistics-month" -> BoundaryProbes::qt2NewInStatistics;
            case "qt9-electricity-increment" -> BoundaryProbes::qt9Increment;
            case "qt9-electricity-growth" -> BoundaryProbes::qt9Growth;
            case "qt31-production-continuity" -> (e, ratio) -> qt31(e, ratio, d("80"));
            case "qt31-insured-headcount" -> (e, insured) -> qt31(e, d("0.9"), insured);
            case "qt33-gas-total" -> BoundaryProbes::qt33Gas;
            case "qt18-holiday-site-workers" -> BoundaryProbes::qt18SiteWorkers;
            case "gl37-foreign-capital" -> BoundaryProbes::gl37ForeignCapital;
            case "qt22-new-above-quota-month" -> BoundaryProbes::qt22NewAboveQuota;
            case "qt241-overseas-booths" -> BoundaryProbes::qt241Booths;
            case "qt242-first-airfare" -> (e, airfare) -> overseasTrip(e, d("800000"), airfare);
            case "qt242-exports-2023" -> (e, exports) -> overseasTrip(e, exports, d("8200"));
            case "qt31-staff-reduction" -> BoundaryProbes::qt31StaffReduction;
            case "gl1-vat-monthly-sales" -> BoundaryProbes::vatMonthlySales;
            case "gl9-loan-maturity-day" -> BoundaryProbes::gl9LoanMaturity;
            case "gl14-hired-long-unemployed" -> (e, hired) -> {
                Probes.relocate(e, "鼓楼区");
                e.fact("hired_long_unemployed", "2023", hired);
            };
            case "gl16-union-fee" -> (e, paid) -> unionFee(e, setting(with, "year"), paid);
            case "gl17-small-enterprise" -> (e, small) -> {
                Probes.relocate(e, "鼓楼区");
                e.size = small.signum() != 0 ? "小型" : "大型";
                e.rename();
            };
            case "gl241-travel-licence-day" -> (e, offset) -> {
                Probes.relocate(e, "鼓楼区");
                travelAgency(e);
                e.attribute("travel_agency_licence_date", LocalDate.of(2023, 4, 1).plusDays(offset.longValueExact()).toString());
            };
            case "yl-sales-increase" -> (e, increase) ->
                    ylSalesIncrease(e, setting(with, "industry"), d(setting(with, "growth")), increase);
            case "yl-sales-growth" -> (e, growth) ->
                    ylSalesGrowth(e, setting(with, "industry"), d(setting(with, "base")), growth);
            case "pt1-stable-staff" -> (e, staff) -> pt1(e, true, staff);
            case "pt1-continuous-production" -> (e, holds) -> pt1(e, holds.signum() != 0, d("120"));
            case "pt3-charter-cost" -> BoundaryProbes::pt3CharterCost;
            case "qz1-insured-headcount" -> (e, insured) -> qz1(e, insured);
            case "qz1-flag" -> (e, holds) -> {
                qz1(e, d("80"));
                e.flag(setting(with, "attribute"), holds.signum() != 0);
            };
            case "cx-claimants" -> (e, claimants) ->
                    cx(e, setting(with, "size"), d(setting(with, "insured")), claimants, d("100000"));
            case "cx-insured" -> (e, insured) ->
                    cx(e, setting(with, "size"), insured, d(setting(with, "claimants")), d("20000"));
            case "cx-premium" -> (e, paid) ->
                    cx(e, setting(with, "size"), d(setting(with, "insured")), d(setting(with, "claimants")), paid);
            case "cx-paid-12-months" -> (e, holds) -> {
                cx(e, "中型", d("200"), d("5"), d("100000"));
                e.flag("ui_paid_12_months", holds.signum() != 0);
            };
            case "hs5-small-with-lease" -> (e, small) -> hs5Lease(e, small.signum() != 0, 365);
            case "hs5-lease-days" -> (e, days) -> hs5Lease(e, true, days.intValueExact());
            case "xs13-increase" -> (e, increase) -> xs13(e, increase, d("150000"));
            case "xs13-newest-interest" -> (e, interest) -> xs13(e, d("5000000"), interest);
            case "xs13-mu-class" -> (e, holds) -> {
                xs13(e, d("5000000"), d("150000"));
                e.attribute("mu_efficiency_class", holds.signum() != 0 ? "B类" : setting(with, "class"));
            };
            case "xs13-above-scale" -> (e, holds) -> {
                xs13(e, d("5000000"), d("150000"));
                e.flag("above_scale_industrial", holds.signum() != 0);
            };
            case "flag" -> flag(setting(with, "attribute"), setting(with, "district"), also(with.get("also")));
            default -> throw new IllegalArgumentException("边界表：没有名为 " + name + " 的探针");
        };
    }

    private static String setting(Map<String, String> with, String key) {
        String v = with.get(key);
        if (v == null) {
            throw new IllegalArgumentException("边界表：探针缺少设置 " + key);
        }
        return v;
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    // ---- 榕政办规〔2024〕2号 福州 ----

    private static void fz6NewPlant(SyntheticEnterprise e, BigDecimal output, BigDecimal award) {
        Probes.relocate(e, "仓山区");
        Probes.aboveScaleManufacturer(e);
        e.attribute("stats_included_month", "2024-02");
        e.attribute("production_start_month", "2024-01");
        e.fact("provincial_growth_award", "2024-Q1", award);
        e.removeFacts("industrial_output", "");
        Probes.months(e, "industrial_output", output, 2, "2024-01", "2024-02", "2024-03");
    }

    // ---- 泉台管办发明电〔2024〕3号 泉州台商投资区 ----

    /** Months are measured as an offset from 2024-01 (0 = 2024-01, 2 = 2024-03, -1 = 2023-12). */
    private static void qt2NewInStatistics(SyntheticEnterprise e, BigDecimal offset) {
        Probes.relocate(e, "泉州台商投资区");
        Probes.aboveScaleManufacturer(e);
        String month = YearMonth.of(2024, 1).plusMonths(offset.longValueExact()).toString();
        e.attribute("stats_included_month", month);
        e.attribute("production_start_month", month);
        e.flag("upgraded_to_above_scale", false);   // 新投产纳统, not 规下转规上 (qt-2024-3/2-1 reads it)
    }

    private static void qt9Increment(SyntheticEnterprise e, BigDecimal increment) {
        Probes.relocate(e, "泉州台商投资区");
        Probes.aboveScaleManufacturer(e);
        e.fact("electricity_kwh", "2023-01", 200_000);
        e.fact("electricity_kwh", "2023-02", 180_000);
        BigDecimal[] inc = Probes.split(increment, 0, 1, 1);
        e.fact("electricity_kwh", "2024-01", inc[0].add(d("200000")));
        e.fact("electricity_kwh", "2024-02", inc[1].add(d("180000")));
    }

    private static void qt9Growth(SyntheticEnterprise e, BigDecimal growth) {
        Probes.relocate(e, "泉州台商投资区");
        Probes.aboveScaleManufacturer(e);
        e.fact("electricity_kwh", "2023-01", 300_000);
        e.fact("electricity_kwh", "2023-02", 350_000);
        e.fact("electricity_kwh", "2023-03", 350_000);
        BigDecimal total = d("1000000").multiply(ONE.add(growth));
        e.fact("electricity_kwh", "2024-01", 340_000);
        e.fact("electricity_kwh", "2024-02", 330_000);
        e.fact("electricity_kwh", "2024-03", total.subtract(d("670000")));
    }

    private static void qt31(SyntheticEnterprise e, BigDecimal ratio, BigDecimal insured) {
        Probes.relocate(e, "泉州台商投资区");
        Probes.aboveScaleManufacturer(e);
        e.flag("key_enterprise", true);
        // 减员率 (10000 − 9800) ÷ 10000 = 2% ≤ 5.5%（2022年末全国城镇调查失业率）
        e.fact("unemployment_insured_headcount", "2023-01", 10_000);
        e.fact("unemployment_insured_headcount", "2023-12", 9_800);
        e.fact("electricity_kwh", "2024-01", 100_000);
        e.fact("electricity_kwh", "2024-02", d("100000").multiply(ratio));
        e.fact("unemployment_insured_headcount", "2024-02", insured);
    }

    /** Gas over 2024-01-01..2024-02-29 (60 days); the measured quantity is the total. */
    private static void qt33Gas(SyntheticEnterprise e, BigDecimal total) {
        Probes.relocate(e, "泉州台商投资区");
        e.flag("non_residential_piped_gas_price", true);
        BigDecimal[] parts = Probes.split(total, 0, 31, 29);
        e.fact("gas_m3", "2024-01", parts[0]);
        e.fact("gas_m3", "2024-02", parts[1]);
    }

    private static void qt18SiteWorkers(SyntheticEnterprise e, BigDecimal workers) {
        Probes.relocate(e, "泉州台商投资区");
        e.industryCode = "E4710";
        e.rename();
        e.flag("manufacturing", false);
        e.flag("key_project_contractor", true);
        e.flag("spring_festival_no_stoppage", true);
        // the rule takes daily_avg(site_workers[holiday]): worker-days over the 8 holiday days ÷ 8
        e.fact("site_workers", Calendar.SPRING_FESTIVAL_2024, workers.multiply(d("8")));
    }

    /** 限上批零 newly in the statistics; the month is an offset from 2024-01. */
    private static void qt22NewAboveQuota(SyntheticEnterprise e, BigDecimal offset) {
        Probes.relocate(e, "泉州台商投资区");
        e.industryCode = "F5137";
        e.rename();
        e.flag("manufacturing", false);
        e.flag("above_scale_industrial", false);
        e.flag("above_quota_trade", true);
        String month = YearMonth.of(2024, 1).plusMonths(offset.longValueExact()).toString();
        e.attribute("stats_included_month", month);
        e.attribute("production_start_month", month);
    }

    private static void exporter(SyntheticEnterprise e) {
        Probes.relocate(e, "泉州台商投资区");
        if (!e.industryCode.startsWith("C")) {
            e.industryCode = "C1951";
            e.rename();
            e.flag("manufacturing", true);
        }
        e.flag("has_self_export", true);
    }

    private static void qt241Booths(SyntheticEnterprise e, BigDecimal booths) {
        exporter(e);
        e.fact("overseas_exhibition_booths", "2024-01", BigDecimal.ZERO);
        e.fact("overseas_exhibition_booths", "2024-02", BigDecimal.ZERO);
        e.fact("overseas_exhibition_booths", "2024-03", booths);
    }

    private static void overseasTrip(SyntheticEnterprise e, BigDecimal exports2023, BigDecimal firstAirfare) {
        exporter(e);
        e.flag("overseas_trip_pre_reported", true);
        e.removeFacts("exports_usd", "");
        Probes.months(e, "exports_usd", exports2023, 2, MONTHS_2023.toArray(String[]::new));
        e.fact("overseas_trip_airfare_first", "2024-Q1", firstAirfare);
        e.fact("overseas_trip_airfare_second", "2024-Q1", d("6500"));
    }

    private static void qt31StaffReduction(SyntheticEnterprise e, BigDecimal rate) {
        Probes.relocate(e, "泉州台商投资区");
        Probes.aboveScaleManufacturer(e);
        e.flag("key_enterprise", true);
        // 减员率 = (年初 − 年末) ÷ 年初 from 10000 at the start of 2023: one step of 0.01% is one person
        e.fact("unemployment_insured_headcount", "2023-01", 10_000);
        e.fact("unemployment_insured_headcount", "2023-12", d("10000").multiply(ONE.subtract(rate)));
        e.fact("electricity_kwh", "2024-01", 100_000);
        e.fact("electricity_kwh", "2024-02", 90_000);
        e.fact("unemployment_insured_headcount", "2024-02", 60);
    }

    // ---- 鼓政办规〔2023〕1号 福州市鼓楼区 ----

    private static void gl37ForeignCapital(SyntheticEnterprise e, BigDecimal usd) {
        Probes.relocate(e, "鼓楼区");
        e.flag("foreign_invested", true);
        e.removeFacts("foreign_paid_in_capital_usd", "");
        for (String m : MONTHS_2023) {
            e.fact("foreign_paid_in_capital_usd", m, BigDecimal.ZERO);
        }
        BigDecimal[] parts = Probes.split(usd, 2, 2, 3);
        e.fact("foreign_paid_in_capital_usd", "2023-03", parts[0]);
        e.fact("foreign_paid_in_capital_usd", "2023-09", parts[1]);
    }

    /** Every month of 2023 with the same VAT sales, so "some month ≤ 10万" is decided by the measured value. */
    private static void vatMonthlySales(SyntheticEnterprise e, BigDecimal monthlySales) {
        Probes.relocate(e, "鼓楼区");
        e.flag("small_scale_vat_taxpayer", true);
        for (String m : MONTHS_2023) {
            e.fact("vat_monthly_sales", m, monthlySales);
            e.fact("vat_sales_3pct", m, monthlySales);
        }
    }

    /** Loan maturity as a day offset from 2022-10-01; 91 = 2022-12-31. */
    private static void gl9LoanMaturity(SyntheticEnterprise e, BigDecimal offset) {
        Probes.relocate(e, "鼓楼区");
        e.size = "小型";
        e.rename();
        e.flag("covid_temporary_difficulty", true);
        e.attribute("loan_maturity_date", LocalDate.of(2022, 10, 1).plusDays(offset.longValueExact()).toString());
    }

    private static void unionFee(SyntheticEnterprise e, String year, BigDecimal paid) {
        Probes.relocate(e, "鼓楼区");
        e.fact("union_fee_paid", year, paid);
        e.fact("union_fee_to_upper", year, paid.multiply(d("0.4")));
    }

    // ---- 杨凌示范区促进一季度消费增长若干措施（2022） ----

    /** 2022-Q1 sales exceed 2021-Q1 by {@code increase} at a fixed growth (0.25 or 0.125 keep the base exact). */
    private static void ylSalesIncrease(SyntheticEnterprise e, String industry, BigDecimal growth, BigDecimal increase) {
        ylTrader(e, industry);
        BigDecimal base = increase.divide(growth);
        e.fact("trade_sales", "2021-Q1", base);
        e.fact("trade_sales", "2022-Q1", base.add(increase));
    }

    /** 2022-Q1 sales grow by {@code growth} over a fixed 2021-Q1 base (so the increase is base × growth). */
    private static void ylSalesGrowth(SyntheticEnterprise e, String industry, BigDecimal base, BigDecimal growth) {
        ylTrader(e, industry);
        e.fact("trade_sales", "2021-Q1", base);
        e.fact("trade_sales", "2022-Q1", base.multiply(ONE.add(growth)));
    }

    private static void ylTrader(SyntheticEnterprise e, String industry) {
        Probes.relocate(e, "杨陵区");
        e.industryCode = industry;
        e.rename();
        e.flag("manufacturing", false);
    }

    // ---- 莆田市稳岗稳工“八条措施”（2023） ----

    private static void pt1(SyntheticEnterprise e, boolean producing, BigDecimal staff) {
        Probes.relocate(e, "城厢区");
        e.flag("spring_2023_continuous_production", producing);
        e.fact("spring_festival_stable_staff", "2023-01", staff);
    }

    /** The 2023-Q1 charter-bus cost, split over its three months (the rule sums them). */
    private static void pt3CharterCost(SyntheticEnterprise e, BigDecimal cost) {
        Probes.relocate(e, "荔城区");
        Probes.months(e, "charter_bus_cost", cost, 2, "2023-01", "2023-02", "2023-03");
    }

    // ---- 黄国资产权〔2023〕5号（2023） ----

    /**
     * A 黄石 enterprise, small or large (and then no 个体工商户), with one lease from a 市出资企业 of {@code days} days from
     * 2023-01-01 (365: to 2023-12-31, a full year).
     */
    private static void hs5Lease(SyntheticEnterprise e, boolean small, int days) {
        Probes.relocate(e, "黄石港区");
        e.size = small ? "小型" : "大型";
        e.flag("individual_business", false);
        e.rename();
        e.removeItems("leases");
        java.time.LocalDate start = LocalDate.of(2023, 1, 1);
        Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("lessor", NewDocumentsData.HUANGSHI_LESSORS.get(0));
        f.put("city_invested_lessor", true);
        f.put("start", start);
        f.put("end", start.plusDays(days - 1L));
        f.put("monthly_rent", new BigDecimal("3000.00"));
        e.item(new huiqi.facts.Item("leases", "ZL" + e.index, f));
    }

    // ---- 萧经信发〔2023〕13号 萧山区2022年规上工业企业贷款贴息 ----

    /**
     * A 萧山 above-scale manufacturer of 亩均 class B, no 小巨人/冠军/独角兽 flag, whose year-end bank loan balance grew by
     * {@code increase} in 2022 (3000万元 at the end of 2021), with two loans alive at the end of 2022: 300万元 drawn
     * 2022-03-01 (10万元 of interest paid in 2022) and the newest, 500万元 drawn 2022-09-01 ({@code newestInterest}).
     */
    private static void xs13(SyntheticEnterprise e, BigDecimal increase, BigDecimal newestInterest) {
        Probes.relocate(e, "萧山区");
        Probes.aboveScaleManufacturer(e);
        e.attribute("mu_efficiency_class", "B类");
        for (String flag : List.of("little_giant", "hidden_champion", "single_champion", "unicorn", "quasi_unicorn")) {
            e.flag(flag, false);
        }
        BigDecimal opening = d("30000000");
        e.fact("bank_loan_balance", "2021", opening);
        e.fact("bank_loan_balance", "2022", opening.add(increase));
        e.removeItems("loans");
        e.item(xs13Loan("DK" + e.index + "-1", LocalDate.of(2022, 3, 1), d("3000000"), d("100000")));
        e.item(xs13Loan("DK" + e.index + "-2", LocalDate.of(2022, 9, 1), d("5000000"), newestInterest));
    }

    private static huiqi.facts.Item xs13Loan(String id, LocalDate start, BigDecimal amount, BigDecimal interest) {
        Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("start", start);
        f.put("end", LocalDate.of(2023, 9, 1));
        f.put("amount", amount);
        f.put("interest_paid", interest);
        return new huiqi.facts.Item("loans", id, f);
    }

    // ---- 泉州市留泉返泉措施（2023） ----

    private static void qz1(SyntheticEnterprise e, BigDecimal insured) {
        Probes.relocate(e, "丰泽区");
        Probes.aboveScaleManufacturer(e);
        e.flag("key_enterprise", true);
        e.flag("spring_2023_continuous_production", true);
        e.fact("unemployment_insured_headcount", "2023-01", insured);
    }

    // ---- 楚雄市2023年度稳岗返还 ----

    /** A 楚雄 unit of a size, insured in every month of 2022 ({@code insured} each month, so its average), paid 12 months. */
    private static void cx(SyntheticEnterprise e, String size, BigDecimal insured, BigDecimal claimants, BigDecimal paid) {
        Probes.relocate(e, "楚雄市");
        e.size = size;
        e.rename();
        e.flag("ui_paid_12_months", true);
        for (int m = 1; m <= 12; m++) {
            e.fact("unemployment_insured_headcount", String.format("2022-%02d", m), insured);
        }
        e.fact("ui_benefit_claimants", "2022", claimants);
        e.fact("ui_premium_paid", "2022", paid);
    }

    private static Consumer<SyntheticEnterprise> also(String name) {
        if (name == null) {
            return e -> { };
        }
        return switch (name) {
            case "vat-credit" -> BoundaryProbes::vatCredit;
            case "travel-agency" -> BoundaryProbes::travelAgency;
            default -> throw new IllegalArgumentException("边界表：flag 探针没有名为 " + name + " 的附加设置");
        };
    }

    private static void vatCredit(SyntheticEnterprise e) {
        for (String m : MONTHS_2023) {
            e.fact("vat_input_deductible", m, 20_000);
            e.fact("vat_payable_before_credit", m, 5_000);
        }
    }

    private static void travelAgency(SyntheticEnterprise e) {
        e.industryCode = "L7291";
        e.rename();
        e.flag("manufacturing", false);
    }

    /** A yes/no attribute: set (measured 1) or cleared (0). */
    private static BiConsumer<SyntheticEnterprise, BigDecimal> flag(String attribute, String district,
                                                                   Consumer<SyntheticEnterprise> also) {
        return (e, holds) -> {
            Probes.relocate(e, district);
            also.accept(e);
            e.flag(attribute, holds.signum() != 0);
        };
    }
}
