package huiqi.testdata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The tax-bureau, labour, union, trade and loan data the 鼓楼/台商区 measures read: VAT monthly sales of small-
 * scale taxpayers, input VAT of service firms, union fees, hiring of the long-term unemployed, staff
 * reduction, exports in USD, overseas trips, loan maturities and travel-agency licences.
 */
final class TaxLabourTradeData {
    private TaxLabourTradeData() {
    }

    static void fill(SyntheticEnterprise e, SplittableRandom r, int rank, double quarterlyRevenue) {
        char section = e.industryCode.charAt(0);
        var months2023 = Calendar.MONTHS.subList(0, 12);
        if ("是".equals(e.attributes.get("small_scale_vat_taxpayer"))) {
            double monthly = Math.min(quarterlyRevenue / 3, 450_000); // small-scale: ≤ 500万 a year
            for (String m : months2023) {
                long sales = Math.max(0, Math.round(monthly * (1 + r.nextGaussian() * 0.25)));
                RealisticPopulation.maybe(e, r, "vat_monthly_sales", m, sales);
                RealisticPopulation.maybe(e, r, "vat_sales_3pct", m, Math.round(sales * (0.7 + r.nextDouble() * 0.3)));
            }
        } else if ("GILM".indexOf(section) >= 0 || "HO".indexOf(section) >= 0) {
            boolean producer = "GILM".indexOf(section) >= 0;
            e.flag(producer ? "vat_producer_services" : "vat_consumer_services", true);
            double input = quarterlyRevenue / 3 * 0.04;
            for (String m : months2023) {
                RealisticPopulation.maybe(e, r, "vat_input_deductible", m, RealisticPopulation.money(input * (0.5 + r.nextDouble())));
                RealisticPopulation.maybe(e, r, "vat_payable_before_credit", m, RealisticPopulation.money(input * (0.2 + r.nextDouble())));
            }
        }
        if (r.nextDouble() < 0.6) { // enterprises with a union report its fees; 2% of the payroll
            double fee = logUniform(r, 800, 60_000) * (rank + 1);
            RealisticPopulation.maybe(e, r, "union_fee_paid", "2023", RealisticPopulation.money(fee));
            RealisticPopulation.maybe(e, r, "union_fee_to_upper", "2023", RealisticPopulation.money(fee * 0.4));
        }
        if (r.nextDouble() < 0.08) {
            RealisticPopulation.maybe(e, r, "hired_long_unemployed", "2023", 1 + r.nextInt(3 + 3 * rank));
        }
        if ("是".equals(e.attributes.get("above_scale_industrial"))) {
            // 参加失业保险职工人数 at the start and the end of 2023, from which 第31条 computes the 减员率: 0–12% fewer
            long start = 50 + 400L * rank + r.nextInt(200);
            long end = Math.round(start * (1 - Math.abs(r.nextGaussian()) * 0.04));
            RealisticPopulation.maybe(e, r, "unemployment_insured_headcount", "2023-01", start);
            RealisticPopulation.maybe(e, r, "unemployment_insured_headcount", "2023-12", end);
        }
        if ("是".equals(e.attributes.get("has_self_export"))) {
            double usd = logUniform(r, 30_000, 400_000) * (rank + 1);
            for (String m : months2023) {
                RealisticPopulation.maybe(e, r, "exports_usd", m, Math.round(usd * (1 + r.nextGaussian() * 0.2)));
            }
            if (r.nextDouble() < 0.2) {
                e.flag("overseas_trip_pre_reported", r.nextDouble() < 0.8);
                RealisticPopulation.maybe(e, r, "overseas_trip_airfare_first", "2024-Q1", 5_000 + r.nextInt(12_000));
                RealisticPopulation.maybe(e, r, "overseas_trip_airfare_second", "2024-Q1", 5_000 + r.nextInt(12_000));
            }
        }
        if (rank <= 1 && r.nextDouble() < 0.05) {
            e.attribute("loan_maturity_date", LocalDate.of(2022, 7, 1).plusDays(r.nextInt(270)).toString());
            e.flag("covid_temporary_difficulty", r.nextDouble() < 0.5);
        }
        if (e.industryCode.equals("L7291")) {
            e.attribute("travel_agency_licence_date", LocalDate.of(2021, 1, 1).plusDays(r.nextInt(1000)).toString());
            e.flag("travel_deposit_relief", r.nextDouble() < 0.4);
        }
    }

    private static double logUniform(SplittableRandom r, double lo, double hi) {
        return RealisticPopulation.logUniform(r, lo, hi);
    }
}
