package huiqi.bench.tuned;

import static huiqi.bench.Columns.*;

import huiqi.bench.Columns;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One enterprise as the tuned DRL reads it: every derived quantity the rules compare (quarter and range sums,
 * year-on-year growth, daily averages, the smallest and largest 2023 monthly VAT sales) is computed once when the
 * fact is built — that is load, not evaluation — into typed final fields, so constraints are plain field reads
 * that the executable model compiles to lambdas. Conditions, thresholds, rates and caps stay in the DRL.
 * <p>
 * Unknown values: a number not reported (or a sum with a missing month, a growth over a zero base) is null;
 * yes/no attributes are {@link YesNo}; region codes are ints, 0 when the region is not known. Money and
 * quantities are BigDecimal (元, 美元, 千瓦时 …, exact: 4 decimals as reported), amounts rounded to the fen in the DRL.
 */
public final class Enterprise {
    /** the fact's row in the columns; {@link Grant}s join on it */
    private final int index;
    /** first 4 / 6 digits of the 行政区划代码 (e.g. 3501, 350102); 0 = region unknown, -1 = a code that is not numeric */
    private final int cityCode;
    private final int countyCode;
    private final YesNo inQtZone;
    private final String size;
    private final Integer statsIncludedMonth;
    private final Integer loanMaturityDate;
    private final Integer travelLicenceDate;
    private final YesNo[] flags = new YesNo[FLAGS.length];
    private final BigDecimal[] single = new BigDecimal[SINGLE.length];

    private final BigDecimal kwh202401;
    private final BigDecimal kwh202402;
    private final BigDecimal kwhJanFeb2024;
    private final BigDecimal kwhJanFeb2023;
    private final BigDecimal kwhJanFebIncrease;
    private final BigDecimal kwhQ1;
    private final BigDecimal kwhQ1LastYear;
    private final BigDecimal kwhGrowthQ1;
    private final BigDecimal outputQ1;
    private final BigDecimal outputGrowthQ1;
    private final BigDecimal gasDailyAverageJanFeb2024;
    private final BigDecimal gasJanFeb2024;
    private final BigDecimal boothsQ1;
    private final BigDecimal exportsUsd2023;
    private final BigDecimal fdiUsd2023;
    private final BigDecimal fdiUsdQ1_2023;
    private final BigDecimal fdiUsdAprDec2023;
    private final BigDecimal staffReductionRate2023;
    private final BigDecimal unemploymentInsured202402;
    private final BigDecimal siteWorkersDailyAverage;
    private final BigDecimal vatSalesMin2023;
    private final BigDecimal vatSalesMax2023;
    private final BigDecimal[] vatMonthlySales;
    private final BigDecimal[] vatSales3pct;
    private final BigDecimal[] vatInputDeductible;
    private final BigDecimal[] vatPayableBeforeCredit;

    private static final String[] SIZES = {null, "大型", "中型", "小型", "微型"};
    /** 2024-02-10..2024-02-17 (正月初一至初八) and 2024-01-01..2024-02-29: the days the daily averages divide by */
    private static final BigDecimal SPRING_HOLIDAY_DAYS = BigDecimal.valueOf(8);
    private static final BigDecimal JAN_FEB_2024_DAYS = BigDecimal.valueOf(60);

    public Enterprise(Columns c, int i) {
        index = i;
        String region = c.regionCode[i];
        cityCode = prefix(region, 4);
        countyCode = prefix(region, 6);
        inQtZone = YesNo.of(c.inQtZone[i]);
        byte s = c.size[i];
        size = s == UNKNOWN ? null : s == 0 ? "其他" : SIZES[s];
        statsIncludedMonth = c.statsIncludedMonth[i] == NA_INT ? null : c.statsIncludedMonth[i];
        loanMaturityDate = c.loanMaturityDate[i] == NA_INT ? null : c.loanMaturityDate[i];
        travelLicenceDate = c.travelLicenceDate[i] == NA_INT ? null : c.travelLicenceDate[i];
        for (int f = 0; f < FLAGS.length; f++) {
            flags[f] = YesNo.of(c.flags[f][i]);
        }
        for (int k = 0; k < SINGLE.length; k++) {
            single[k] = decimal(c.single[k][i]);
        }
        kwh202401 = month(c, KWH, 12, i);
        kwh202402 = month(c, KWH, 13, i);
        kwhJanFeb2024 = sum(c, KWH, 12, 13, i);
        kwhJanFeb2023 = sum(c, KWH, 0, 1, i);
        kwhJanFebIncrease = kwhJanFeb2024 == null || kwhJanFeb2023 == null ? null : kwhJanFeb2024.subtract(kwhJanFeb2023);
        kwhQ1 = sum(c, KWH, 12, 14, i);
        kwhQ1LastYear = sum(c, KWH, 0, 2, i);
        kwhGrowthQ1 = growth(kwhQ1, kwhQ1LastYear);
        outputQ1 = sum(c, OUTPUT, 12, 14, i);
        outputGrowthQ1 = growth(outputQ1, sum(c, OUTPUT, 0, 2, i));
        gasJanFeb2024 = sum(c, GAS, 12, 13, i);
        gasDailyAverageJanFeb2024 = divide(gasJanFeb2024, JAN_FEB_2024_DAYS);
        boothsQ1 = sum(c, BOOTHS, 12, 14, i);
        exportsUsd2023 = sum(c, EXPORTS_USD, 0, 11, i);
        fdiUsd2023 = sum(c, FDI_USD, 0, 11, i);
        fdiUsdQ1_2023 = sum(c, FDI_USD, 0, 2, i);
        fdiUsdAprDec2023 = sum(c, FDI_USD, 3, 11, i);
        BigDecimal reduction = growth(month(c, UNEMP_HEADCOUNT, 11, i), month(c, UNEMP_HEADCOUNT, 0, i));
        staffReductionRate2023 = reduction == null ? null : reduction.negate();
        unemploymentInsured202402 = month(c, UNEMP_HEADCOUNT, 13, i);
        siteWorkersDailyAverage = divide(single[SITE_WORKERS], SPRING_HOLIDAY_DAYS);
        vatMonthlySales = months2023(c, VAT_SALES, i);
        vatSales3pct = months2023(c, VAT_3PCT, i);
        vatInputDeductible = months2023(c, VAT_INPUT, i);
        vatPayableBeforeCredit = months2023(c, VAT_PAYABLE, i);
        BigDecimal min = null;
        BigDecimal max = null;
        if (vatMonthlySales != null && complete(vatMonthlySales)) {
            min = vatMonthlySales[0];
            max = vatMonthlySales[0];
            for (BigDecimal v : vatMonthlySales) {
                min = v.min(min);
                max = v.max(max);
            }
        }
        vatSalesMin2023 = min;
        vatSalesMax2023 = max;
    }

    private static int prefix(String region, int digits) {
        if (region == null) {
            return 0;
        }
        if (region.length() < digits) {
            return -1;
        }
        for (int k = 0; k < digits; k++) {
            if (!Character.isDigit(region.charAt(k))) {
                return -1;
            }
        }
        return Integer.parseInt(region, 0, digits, 10);
    }

    private static BigDecimal decimal(long v) {
        return v == NA ? null : BigDecimal.valueOf(v, 4);
    }

    private static BigDecimal month(Columns c, int indicator, int m, int i) {
        long[] column = c.monthly[indicator][m];
        return column == null ? null : decimal(column[i]);
    }

    /** Sum of months from..to (0 = 2023-01), null when any is missing. */
    private static BigDecimal sum(Columns c, int indicator, int from, int to, int i) {
        long s = 0;
        for (int m = from; m <= to; m++) {
            long[] column = c.monthly[indicator][m];
            if (column == null || column[i] == NA) {
                return null;
            }
            s = Math.addExact(s, column[i]);
        }
        return BigDecimal.valueOf(s, 4);
    }

    /** The 12 months of 2023, null when none is reported (entries null when that month is not). */
    private static BigDecimal[] months2023(Columns c, int indicator, int i) {
        BigDecimal[] out = null;
        for (int m = 0; m < 12; m++) {
            BigDecimal v = month(c, indicator, m, i);
            if (v != null) {
                if (out == null) {
                    out = new BigDecimal[12];
                }
                out[m] = v;
            }
        }
        return out;
    }

    private static boolean complete(BigDecimal[] months) {
        for (BigDecimal v : months) {
            if (v == null) {
                return false;
            }
        }
        return true;
    }

    /** (cur − prev) ÷ prev, exact or to 34 digits like the naive way; null when either is unknown or prev is 0. */
    static BigDecimal growth(BigDecimal cur, BigDecimal prev) {
        if (cur == null || prev == null || prev.signum() == 0) {
            return null;
        }
        return divide(cur.subtract(prev), prev);
    }

    private static BigDecimal divide(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return null;
        }
        try {
            return a.divide(b);
        } catch (ArithmeticException nonTerminating) {
            return a.divide(b, MathContext.DECIMAL128);
        }
    }

    public int getIndex() { return index; }
    public int getCityCode() { return cityCode; }
    public int getCountyCode() { return countyCode; }
    public YesNo getInQtZone() { return inQtZone; }
    public String getSize() { return size; }
    public Integer getStatsIncludedMonth() { return statsIncludedMonth; }
    public Integer getLoanMaturityDate() { return loanMaturityDate; }
    public Integer getTravelLicenceDate() { return travelLicenceDate; }

    public YesNo getAboveScaleIndustrial() { return flags[ASI]; }
    public YesNo getManufacturing() { return flags[MANUFACTURING]; }
    public YesNo getSmallScaleVatTaxpayer() { return flags[SMALL_VAT]; }
    public YesNo getVatProducerServices() { return flags[VAT_PRODUCER]; }
    public YesNo getVatConsumerServices() { return flags[VAT_CONSUMER]; }
    public YesNo getIndividualBusiness() { return flags[INDIVIDUAL]; }
    public YesNo getCovidTemporaryDifficulty() { return flags[COVID]; }
    public YesNo getTravelDepositRelief() { return flags[TRAVEL_RELIEF]; }
    public YesNo getForeignInvested() { return flags[FOREIGN]; }
    public YesNo getUpgradedToAboveScale() { return flags[UPGRADED]; }
    public YesNo getAboveQuotaTrade() { return flags[QUOTA_TRADE]; }
    public YesNo getAboveQuotaCatering() { return flags[QUOTA_CATERING]; }
    public YesNo getAboveScaleService() { return flags[SCALE_SERVICE]; }
    public YesNo getKeyProjectContractor() { return flags[KEY_CONTRACTOR]; }
    public YesNo getSpringFestivalNoStoppage() { return flags[NO_STOPPAGE]; }
    public YesNo getHasSelfExport() { return flags[SELF_EXPORT]; }
    public YesNo getOverseasTripPreReported() { return flags[TRIP_REPORTED]; }
    public YesNo getKeyEnterprise() { return flags[KEY_ENTERPRISE]; }
    public YesNo getNonResidentialPipedGasPrice() { return flags[GAS_PRICE]; }

    /** provincial_growth_award[2024-Q1] */
    public BigDecimal getProvincialAwardQ1() { return single[PROV_AWARD]; }
    /** hired_long_unemployed[2023] */
    public BigDecimal getHiredLongUnemployed2023() { return single[HIRED]; }
    public BigDecimal getUnionFeePaid2023() { return single[UNION_PAID_23]; }
    public BigDecimal getUnionFeePaid2024() { return single[UNION_PAID_24]; }
    public BigDecimal getUnionFeeToUpper2023() { return single[UNION_UPPER_23]; }
    public BigDecimal getUnionFeeToUpper2024() { return single[UNION_UPPER_24]; }
    public BigDecimal getAirfareFirstQ1() { return single[AIRFARE_1]; }
    public BigDecimal getAirfareSecondQ1() { return single[AIRFARE_2]; }
    /** site_workers[2024-02-10..2024-02-17] ÷ 8 days: 日均施工工人数 over the spring holiday */
    public BigDecimal getSiteWorkersDailyAverage() { return siteWorkersDailyAverage; }

    public BigDecimal getKwh202401() { return kwh202401; }
    public BigDecimal getKwh202402() { return kwh202402; }
    public BigDecimal getKwhJanFeb2024() { return kwhJanFeb2024; }
    public BigDecimal getKwhJanFeb2023() { return kwhJanFeb2023; }
    /** 1–2 月用电同比增量 = Σ 2024-01..02 − Σ 2023-01..02 */
    public BigDecimal getKwhJanFebIncrease() { return kwhJanFebIncrease; }
    public BigDecimal getKwhQ1() { return kwhQ1; }
    public BigDecimal getKwhQ1LastYear() { return kwhQ1LastYear; }
    public BigDecimal getKwhGrowthQ1() { return kwhGrowthQ1; }
    public BigDecimal getOutputQ1() { return outputQ1; }
    public BigDecimal getOutputGrowthQ1() { return outputGrowthQ1; }
    public BigDecimal getGasJanFeb2024() { return gasJanFeb2024; }
    /** gas_m3 Σ 2024-01..02 ÷ 60 days: 日均用气量 */
    public BigDecimal getGasDailyAverageJanFeb2024() { return gasDailyAverageJanFeb2024; }
    public BigDecimal getBoothsQ1() { return boothsQ1; }
    public BigDecimal getExportsUsd2023() { return exportsUsd2023; }
    public BigDecimal getFdiUsd2023() { return fdiUsd2023; }
    public BigDecimal getFdiUsdQ1_2023() { return fdiUsdQ1_2023; }
    public BigDecimal getFdiUsdAprDec2023() { return fdiUsdAprDec2023; }
    /** 第31条 减员率 = (unemployment_insured_headcount[2023-01] − [2023-12]) ÷ [2023-01]; null when unknown or 0 at the start */
    public BigDecimal getStaffReductionRate2023() { return staffReductionRate2023; }
    public BigDecimal getUnemploymentInsured202402() { return unemploymentInsured202402; }
    /** smallest / largest 2023 monthly VAT sales, null unless all 12 months are reported */
    public BigDecimal getVatSalesMin2023() { return vatSalesMin2023; }
    public BigDecimal getVatSalesMax2023() { return vatSalesMax2023; }
    public BigDecimal[] getVatMonthlySales() { return vatMonthlySales; }
    public BigDecimal[] getVatSales3pct() { return vatSales3pct; }
    public BigDecimal[] getVatInputDeductible() { return vatInputDeductible; }
    public BigDecimal[] getVatPayableBeforeCredit() { return vatPayableBeforeCredit; }
}
