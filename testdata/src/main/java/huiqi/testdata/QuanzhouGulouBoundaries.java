package huiqi.testdata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Boundaries of the 泉台管办发明电〔2024〕3号 and 鼓政办规〔2023〕1号 measures beyond the electricity, gas and
 * capital thresholds in {@link DocumentedBoundaries}: new-in-statistics months, booths, airfare tiers, staff
 * reduction, VAT monthly sales, loan and licence dates, hiring, union fees and the yes/no conditions.
 * Dates are measured as a day (or month) offset from an origin, so the generic cases apply to them.
 */
final class QuanzhouGulouBoundaries {
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal FEN = new BigDecimal("0.01");
    private static final List<String> MONTHS_2023 = Calendar.MONTHS.subList(0, 12);

    private QuanzhouGulouBoundaries() {
    }

    static List<Boundary> all() {
        return List.of(
                qt22From(), qt22To(), qt241Booths(), qt242Airfare(), qt242ExportTier(), qt31Reduction(),
                gl11Sales(), gl12Sales(), flag("gl-2023-1/1-3", "增值税小规模纳税人", "small_scale_vat_taxpayer",
                        "适用3%预征率的预缴增值税项目，减按1%预征率预缴增值税", "鼓楼区", null),
                flag("gl-2023-1/1-4", "生产性服务业纳税人", "vat_producer_services",
                        "允许生产性服务业纳税人按照当期可抵扣进项税额加计5%抵减应纳税额", "鼓楼区", QuanzhouGulouBoundaries::vatCredit),
                flag("gl-2023-1/1-5", "生活性服务业纳税人", "vat_consumer_services",
                        "允许生活性服务业纳税人按照当期可抵扣进项税额加计10%抵减应纳税额", "鼓楼区", QuanzhouGulouBoundaries::vatCredit),
                gl9From(), gl9To(), gl14Hired(), gl16Union("gl-2023-1/16-1", "2023"), gl16Union("gl-2023-1/16-2", "2024"),
                gl17Size(), gl241Licence(),
                flag("gl-2023-1/24-2", "享受暂退或暂缓交纳旅行社保证金政策", "travel_deposit_relief",
                        "享受暂退或暂缓交纳保证金政策的旅行社，补足保证金期限延长至2024年3月31日", "鼓楼区",
                        e -> travelAgency(e)));
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    // ---- 泉台管办发明电〔2024〕3号 ----

    /** 限上批零 newly in the statistics; the month is an offset from 2024-01. */
    private static final Boundary.Probe QT22 = new Boundary.Probe() {
        public void set(SyntheticEnterprise e, BigDecimal offset) {
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

        public void removeNeeded(SyntheticEnterprise e) {
            e.attributes.remove("stats_included_month");
        }
    };

    static Boundary qt22From() {
        return new Boundary("qt-2024-3/2-2", "一季度月度新增限上企业：纳统月份不早于2024-01", Boundary.Kind.AT_LEAST,
                BigDecimal.ZERO, ONE, d("1"), Map.of("award", d("200000")),
                "给予一季度月度新增的限额以上批发零售业、限额以上住宿餐饮业、服务业企业每家 20 万元一次性奖励", QT22);
    }

    static Boundary qt22To() {
        return new Boundary("qt-2024-3/2-2", "一季度月度新增限上企业：纳统月份不晚于2024-03", Boundary.Kind.AT_MOST,
                d("2"), ONE, d("2"), Map.of("award", d("200000")),
                "给予一季度月度新增的限额以上批发零售业、限额以上住宿餐饮业、服务业企业每家 20 万元一次性奖励", QT22);
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

    static Boundary qt241Booths() {
        return new Boundary("qt-2024-3/24-1", "一季度境外展会展位至少1个", Boundary.Kind.AT_LEAST, ONE, ONE, ONE,
                Map.of("per_booth", d("15000")),
                "对有自营出口业绩的企业参加境外线下展会的，在省市补贴的基础上再按每个展位予以综合费用补助 1.5 万元",
                new Boundary.Probe() {
                    public void set(SyntheticEnterprise e, BigDecimal booths) {
                        exporter(e);
                        e.fact("overseas_exhibition_booths", "2024-01", BigDecimal.ZERO);
                        e.fact("overseas_exhibition_booths", "2024-02", BigDecimal.ZERO);
                        e.fact("overseas_exhibition_booths", "2024-03", booths);
                    }

                    public void removeNeeded(SyntheticEnterprise e) {
                        e.removeFact("overseas_exhibition_booths", "2024-02");
                    }
                });
    }

    private static void overseasTrip(SyntheticEnterprise e, BigDecimal exports2023, BigDecimal firstAirfare) {
        exporter(e);
        e.flag("overseas_trip_pre_reported", true);
        e.removeFacts("exports_usd", "");
        Probes.months(e, "exports_usd", exports2023, 2, MONTHS_2023.toArray(String[]::new));
        e.fact("overseas_trip_airfare_first", "2024-Q1", firstAirfare);
        e.fact("overseas_trip_airfare_second", "2024-Q1", d("6500"));
    }

    static Boundary qt242Airfare() {
        return new Boundary("qt-2024-3/24-2", "第一位商务人员国际段机票支出大于0", Boundary.Kind.MORE_THAN, BigDecimal.ZERO,
                FEN, d("8000"), Map.of("share", d("0.9")),
                "补助一位商务活动人员国际段往返经济舱机票实际支出费用的 90%", new Boundary.Probe() {
                    public void set(SyntheticEnterprise e, BigDecimal airfare) {
                        overseasTrip(e, d("800000"), airfare);
                    }

                    public void removeNeeded(SyntheticEnterprise e) {
                        e.removeFact("overseas_trip_airfare_first", "2024-Q1");
                    }
                });
    }

    static Boundary qt242ExportTier() {
        return new Boundary("qt-2024-3/24-2", "2023年度出口额100万美元（含）以下补助一位，以上补助两位", Boundary.Kind.TIER,
                d("1000000"), FEN, Map.of("export_line", d("1000000")),
                "2023 年度出口额度 100 万美元以下（含 100 万美元）的，补助一位商务活动人员国际段往返经济舱机票实际支出费用的 90%",
                new Boundary.Probe() {
                    public void set(SyntheticEnterprise e, BigDecimal exports) {
                        overseasTrip(e, exports, d("8200"));
                    }

                    public void removeNeeded(SyntheticEnterprise e) {
                        e.removeFact("exports_usd", "2023-06");
                    }
                });
    }

    static Boundary qt31Reduction() {
        return new Boundary("qt-2024-3/31", "2023年减员率不高于2022年末全国城镇调查失业率5.5%", Boundary.Kind.AT_MOST,
                d("0.055"), d("0.0001"), Map.of("unemployment_2022_end", d("0.055")),
                "减员率不高于 2022 年末全国城镇调查失业率", new Boundary.Probe() {
                    public void set(SyntheticEnterprise e, BigDecimal rate) {
                        Probes.relocate(e, "泉州台商投资区");
                        Probes.aboveScaleManufacturer(e);
                        e.flag("key_enterprise", true);
                        e.fact("staff_reduction_rate", "2023", rate);
                        e.fact("electricity_kwh", "2024-01", 100_000);
                        e.fact("electricity_kwh", "2024-02", 90_000);
                        e.fact("unemployment_insured_headcount", "2024-02", 60);
                    }

                    public void removeNeeded(SyntheticEnterprise e) {
                        e.removeFact("staff_reduction_rate", "2023");
                    }
                });
    }

    // ---- 鼓政办规〔2023〕1号 ----

    /** Every month of 2023 with the same VAT sales, so "some month ≤ 10万" is decided by the measured value. */
    private static final Boundary.Probe VAT_SALES = new Boundary.Probe() {
        public void set(SyntheticEnterprise e, BigDecimal monthlySales) {
            Probes.relocate(e, "鼓楼区");
            e.flag("small_scale_vat_taxpayer", true);
            for (String m : MONTHS_2023) {
                e.fact("vat_monthly_sales", m, monthlySales);
                e.fact("vat_sales_3pct", m, monthlySales);
            }
        }

        public void removeNeeded(SyntheticEnterprise e) {
            e.removeFact("vat_monthly_sales", "2023-06");
        }
    };

    static Boundary gl11Sales() {
        return new Boundary("gl-2023-1/1-1", "月销售额10万元以下（含本数）免征增值税", Boundary.Kind.AT_MOST, d("100000"), FEN,
                d("50000"), Map.of("limit", d("100000")), "对月销售额10万元以下（含本数）的增值税小规模纳税人，免征增值税", VAT_SALES);
    }

    static Boundary gl12Sales() {
        return new Boundary("gl-2023-1/1-2", "月销售额超过10万元的月份减按1%征收", Boundary.Kind.MORE_THAN, d("100000"), FEN,
                d("50000"), Map.of("limit", d("100000")), "增值税小规模纳税人适用3%征收率的应税销售收入，减按1%征收率征收增值税", VAT_SALES);
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

    /** A yes/no attribute: set (measured 1) or cleared (0); undeterminable = attribute unknown. */
    static Boundary flag(String ruleId, String description, String attribute, String quote, String district,
                         java.util.function.Consumer<SyntheticEnterprise> also) {
        return new Boundary(ruleId, description, Boundary.Kind.FLAG, ONE, ONE, Map.of(), quote, new Boundary.Probe() {
            public void set(SyntheticEnterprise e, BigDecimal holds) {
                Probes.relocate(e, district);
                if (also != null) {
                    also.accept(e);
                }
                e.flag(attribute, holds.signum() != 0);
            }

            public void removeNeeded(SyntheticEnterprise e) {
                e.attributes.remove(attribute);
            }
        });
    }

    /** Loan maturity as a day offset from 2022-10-01; 91 = 2022-12-31. */
    private static final Boundary.Probe GL9 = new Boundary.Probe() {
        public void set(SyntheticEnterprise e, BigDecimal offset) {
            Probes.relocate(e, "鼓楼区");
            e.size = "小型";
            e.rename();
            e.flag("covid_temporary_difficulty", true);
            e.attribute("loan_maturity_date", LocalDate.of(2022, 10, 1).plusDays(offset.longValueExact()).toString());
        }

        public void removeNeeded(SyntheticEnterprise e) {
            e.attributes.remove("loan_maturity_date");
        }
    };

    static Boundary gl9From() {
        return new Boundary("gl-2023-1/9", "贷款到期日不早于2022-10-01（第四季度）", Boundary.Kind.AT_LEAST, BigDecimal.ZERO, ONE,
                d("20"), Map.of(), "对2022年第四季度到期、因新冠疫情影响暂时遇困的小微企业贷款", GL9);
    }

    static Boundary gl9To() {
        return new Boundary("gl-2023-1/9", "贷款到期日不晚于2022-12-31（第四季度）", Boundary.Kind.AT_MOST, d("91"), ONE,
                d("20"), Map.of(), "对2022年第四季度到期、因新冠疫情影响暂时遇困的小微企业贷款", GL9);
    }

    static Boundary gl14Hired() {
        return new Boundary("gl-2023-1/14", "2023年吸纳登记失业半年以上人员至少1人", Boundary.Kind.AT_LEAST, ONE, ONE, d("2"),
                Map.of("per_person", d("1000")), "按照每人1000元标准给予企业一次性吸纳就业补贴", new Boundary.Probe() {
                    public void set(SyntheticEnterprise e, BigDecimal hired) {
                        Probes.relocate(e, "鼓楼区");
                        e.fact("hired_long_unemployed", "2023", hired);
                    }

                    public void removeNeeded(SyntheticEnterprise e) {
                        e.removeFact("hired_long_unemployed", "2023");
                    }
                });
    }

    static Boundary gl16Union(String ruleId, String year) {
        return new Boundary(ruleId, year + "年全年上缴工会经费低于1万元（不含）", Boundary.Kind.LESS_THAN, d("10000"), FEN,
                d("4000"), Map.of("limit", d("10000")), "对全年上缴工会经费低于1万元（不含）的小额缴费工会组织上缴上级工会经费实行全额返还",
                new Boundary.Probe() {
                    public void set(SyntheticEnterprise e, BigDecimal paid) {
                        Probes.relocate(e, "鼓楼区");
                        e.fact("union_fee_paid", year, paid);
                        e.fact("union_fee_to_upper", year, paid.multiply(d("0.4")));
                    }

                    public void removeNeeded(SyntheticEnterprise e) {
                        e.removeFact("union_fee_paid", year);
                    }
                });
    }

    static Boundary gl17Size() {
        return new Boundary("gl-2023-1/17", "中小微企业（小型：是；大型：否）", Boundary.Kind.FLAG, ONE, ONE, Map.of(),
                "给予中小企业不低于采购合同金额50%的预付款", new Boundary.Probe() {
                    public void set(SyntheticEnterprise e, BigDecimal small) {
                        Probes.relocate(e, "鼓楼区");
                        e.size = small.signum() != 0 ? "小型" : "大型";
                        e.rename();
                    }

                    public void removeNeeded(SyntheticEnterprise e) {
                        e.size = null;
                    }
                });
    }

    static Boundary gl241Licence() {
        return new Boundary("gl-2023-1/24-1", "2023年4月1日（含当日）以后取得旅行社业务经营许可证", Boundary.Kind.AT_LEAST,
                BigDecimal.ZERO, ONE, d("30"), Map.of(),
                "2023年4月1日（含当日）以后取得旅行社业务经营许可证的符合条件的旅行社，可申请暂缓交纳保证金", new Boundary.Probe() {
                    public void set(SyntheticEnterprise e, BigDecimal offset) {
                        Probes.relocate(e, "鼓楼区");
                        travelAgency(e);
                        e.attribute("travel_agency_licence_date", LocalDate.of(2023, 4, 1).plusDays(offset.longValueExact()).toString());
                    }

                    public void removeNeeded(SyntheticEnterprise e) {
                        e.attributes.remove("travel_agency_licence_date");
                    }
                });
    }
}
