package huiqi.bench;

import static huiqi.bench.Columns.*;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One enterprise as a Drools fact: what the DRL of the three documents reads, as a Drools user would model it —
 * a JavaBean with nullable Boolean / BigDecimal / String fields (null = not reported, i.e. 无法判断) and monthly
 * series. The getters that add up a quarter or a range of months or compute a year-on-year growth are plain data
 * access (sum of the months, null when any month is missing; growth null when last year's value is 0, exact
 * division or 34 digits like the interpreter); every condition, threshold and amount is in the DRL. Dates are
 * yyyymmdd / yyyymm integers.
 */
public final class Firm {
    private final String region;
    private final String zone;
    private final String size;
    private final Boolean[] flags = new Boolean[FLAGS.length];
    private final Integer statsIncludedMonth;
    private final Integer loanMaturityDate;
    private final Integer travelLicenceDate;
    private final BigDecimal[] single = new BigDecimal[SINGLE.length];
    /** monthly[indicator][month 0 = 2023-01 … 14 = 2024-03] */
    private final BigDecimal[][] monthly = new BigDecimal[MONTHLY.length][];

    private static final String[] SIZES = {null, "大型", "中型", "小型", "微型"};

    /** Builds enterprise i from the columns (part of the Drools way's load step). */
    Firm(Columns c, int i) {
        this.region = c.regionCode[i];
        this.zone = c.inQtZone[i] == UNKNOWN ? null : c.inQtZone[i] == 1 ? Columns.QT_ZONE : "无";
        byte s = c.size[i];
        size = s == UNKNOWN ? null : s == 0 ? "其他" : SIZES[s];
        for (int f = 0; f < FLAGS.length; f++) {
            byte b = c.flags[f][i];
            flags[f] = b == UNKNOWN ? null : b == 1;
        }
        statsIncludedMonth = c.statsIncludedMonth[i] == NA_INT ? null : c.statsIncludedMonth[i];
        loanMaturityDate = c.loanMaturityDate[i] == NA_INT ? null : c.loanMaturityDate[i];
        travelLicenceDate = c.travelLicenceDate[i] == NA_INT ? null : c.travelLicenceDate[i];
        for (int k = 0; k < SINGLE.length; k++) {
            single[k] = decimal(c.single[k][i]);
        }
        for (int k = 0; k < MONTHLY.length; k++) {
            BigDecimal[] months = null;
            for (int m = 0; m < MONTHS; m++) {
                long[] column = c.monthly[k][m];
                if (column == null) {
                    continue;
                }
                long v = column[i];
                if (v != NA) {
                    if (months == null) {
                        months = new BigDecimal[MONTHS];
                    }
                    months[m] = BigDecimal.valueOf(v, 4);
                }
            }
            monthly[k] = months;
        }
    }

    private static BigDecimal decimal(long v) {
        return v == NA ? null : BigDecimal.valueOf(v, 4);
    }

    private BigDecimal month(int indicator, int m) {
        BigDecimal[] ms = monthly[indicator];
        return ms == null ? null : ms[m];
    }

    /** Sum of months from..to (0 = 2023-01), null when any is missing. */
    public BigDecimal sum(int indicator, int from, int to) {
        BigDecimal[] ms = monthly[indicator];
        if (ms == null) {
            return null;
        }
        BigDecimal s = BigDecimal.ZERO;
        for (int m = from; m <= to; m++) {
            if (ms[m] == null) {
                return null;
            }
            s = s.add(ms[m]);
        }
        return s;
    }

    static BigDecimal growth(BigDecimal cur, BigDecimal prev) {
        if (cur == null || prev == null || prev.signum() == 0) {
            return null;
        }
        BigDecimal inc = cur.subtract(prev);
        try {
            return inc.divide(prev);
        } catch (ArithmeticException nonTerminating) {
            return inc.divide(prev, MathContext.DECIMAL128);
        }
    }

    public String getRegion() { return region; }
    public String getZone() { return zone; }
    public String getSize() { return size; }
    public Integer getStatsIncludedMonth() { return statsIncludedMonth; }
    public Integer getLoanMaturityDate() { return loanMaturityDate; }
    public Integer getTravelLicenceDate() { return travelLicenceDate; }

    public Boolean getAboveScaleIndustrial() { return flags[ASI]; }
    public Boolean getManufacturing() { return flags[MANUFACTURING]; }
    public Boolean getSmallScaleVatTaxpayer() { return flags[SMALL_VAT]; }
    public Boolean getVatProducerServices() { return flags[VAT_PRODUCER]; }
    public Boolean getVatConsumerServices() { return flags[VAT_CONSUMER]; }
    public Boolean getIndividualBusiness() { return flags[INDIVIDUAL]; }
    public Boolean getCovidTemporaryDifficulty() { return flags[COVID]; }
    public Boolean getTravelDepositRelief() { return flags[TRAVEL_RELIEF]; }
    public Boolean getForeignInvested() { return flags[FOREIGN]; }
    public Boolean getUpgradedToAboveScale() { return flags[UPGRADED]; }
    public Boolean getAboveQuotaTrade() { return flags[QUOTA_TRADE]; }
    public Boolean getAboveQuotaCatering() { return flags[QUOTA_CATERING]; }
    public Boolean getAboveScaleService() { return flags[SCALE_SERVICE]; }
    public Boolean getKeyProjectContractor() { return flags[KEY_CONTRACTOR]; }
    public Boolean getSpringFestivalNoStoppage() { return flags[NO_STOPPAGE]; }
    public Boolean getHasSelfExport() { return flags[SELF_EXPORT]; }
    public Boolean getOverseasTripPreReported() { return flags[TRIP_REPORTED]; }
    public Boolean getKeyEnterprise() { return flags[KEY_ENTERPRISE]; }
    public Boolean getNonResidentialPipedGasPrice() { return flags[GAS_PRICE]; }

    /** provincial_growth_award[2024-Q1] */
    public BigDecimal getProvincialAwardQ1() { return single[PROV_AWARD]; }
    /** hired_long_unemployed[2023] */
    public BigDecimal getHiredLongUnemployed2023() { return single[HIRED]; }
    public BigDecimal getUnionFeePaid2023() { return single[UNION_PAID_23]; }
    public BigDecimal getUnionFeePaid2024() { return single[UNION_PAID_24]; }
    public BigDecimal getUnionFeeToUpper2023() { return single[UNION_UPPER_23]; }
    public BigDecimal getUnionFeeToUpper2024() { return single[UNION_UPPER_24]; }
    /** site_workers[2024-02-10..2024-02-17]: worker-days over the 8 days of the spring holiday */
    public BigDecimal getSiteWorkersSpringHoliday() { return single[SITE_WORKERS]; }
    public BigDecimal getAirfareFirstQ1() { return single[AIRFARE_1]; }
    public BigDecimal getAirfareSecondQ1() { return single[AIRFARE_2]; }
    /** 第31条 减员率 = (unemployment_insured_headcount[2023-01] − [2023-12]) ÷ [2023-01]; null when unknown or 0 at the start */
    public BigDecimal getStaffReductionRate2023() {
        BigDecimal g = growth(month(UNEMP_HEADCOUNT, 11), month(UNEMP_HEADCOUNT, 0));
        return g == null ? null : g.negate();
    }

    public BigDecimal getKwh202401() { return month(KWH, 12); }
    public BigDecimal getKwh202402() { return month(KWH, 13); }
    public BigDecimal getKwhJanFeb2024() { return sum(KWH, 12, 13); }
    public BigDecimal getKwhJanFeb2023() { return sum(KWH, 0, 1); }
    public BigDecimal getKwhQ1() { return sum(KWH, 12, 14); }
    public BigDecimal getKwhQ1LastYear() { return sum(KWH, 0, 2); }
    public BigDecimal getKwhGrowthQ1() { return growth(getKwhQ1(), getKwhQ1LastYear()); }
    public BigDecimal getOutputQ1() { return sum(OUTPUT, 12, 14); }
    public BigDecimal getOutputGrowthQ1() { return growth(getOutputQ1(), sum(OUTPUT, 0, 2)); }
    public BigDecimal getGasJanFeb2024() { return sum(GAS, 12, 13); }
    public BigDecimal getBoothsQ1() { return sum(BOOTHS, 12, 14); }
    public BigDecimal getExportsUsd2023() { return sum(EXPORTS_USD, 0, 11); }
    public BigDecimal getFdiUsd2023() { return sum(FDI_USD, 0, 11); }
    public BigDecimal getFdiUsdQ1_2023() { return sum(FDI_USD, 0, 2); }
    /** foreign_paid_in_capital_usd[2023-04..2023-12] */
    public BigDecimal getFdiUsdAprDec2023() { return sum(FDI_USD, 3, 11); }
    public BigDecimal getUnemploymentInsured202402() { return month(UNEMP_HEADCOUNT, 13); }

    /** 2023 monthly VAT series (index 0 = 2023-01), entries null when not reported; null when none reported. */
    public BigDecimal[] getVatMonthlySales() { return monthly[VAT_SALES]; }
    public BigDecimal[] getVatSales3pct() { return monthly[VAT_3PCT]; }
    public BigDecimal[] getVatInputDeductible() { return monthly[VAT_INPUT]; }
    public BigDecimal[] getVatPayableBeforeCredit() { return monthly[VAT_PAYABLE]; }
}
