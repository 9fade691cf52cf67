package huiqi.testdata;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

/**
 * The thresholds of the computable measures of the three documents, written down from the clause text.
 * {@code DocumentedBoundariesTest} checks every quote against policies/&lt;doc&gt;/source.txt and, once a rule with
 * that id is encoded in policies/&lt;doc&gt;/rules.yaml, every parameter against the rule file.
 */
public final class DocumentedBoundaries implements BoundarySource {
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal FEN = new BigDecimal("0.01");

    @Override
    public List<Boundary> boundaries() {
        List<Boundary> all = new java.util.ArrayList<>(electricityGasCapital());
        all.addAll(QuanzhouGulouBoundaries.all());
        return List.copyOf(all);
    }

    private static List<Boundary> electricityGasCapital() {
        return List.of(
                fz7Threshold(), fz7Cap(), fz6NewPlantOutput(), fz6Cap(),
                qt2NewStatsFrom(), qt2NewStatsTo(),
                qt9Increment(), qt9Growth(), qt31Continuity(), qt31Cap(), qt33Gas(), qt33Cap(), qt18Workers(),
                gl37ForeignCapital());
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    // ---- 榕政办规〔2024〕2号 福州 ----

    private static final Boundary.Probe FZ7 = new Boundary.Probe() {
        public void set(SyntheticEnterprise e, BigDecimal kwh) {
            Probes.relocate(e, "鼓楼区");
            Probes.aboveScaleManufacturer(e);
            e.fact("electricity_kwh", "2024-02", kwh);
        }

        public void removeNeeded(SyntheticEnterprise e) {
            e.removeFact("electricity_kwh", "2024-02");
        }
    };

    static Boundary fz7Threshold() {
        return new Boundary("fz-2024-2/7", "2024年2月用电量达50万千瓦时（含）", Boundary.Kind.AT_LEAST, d("500000"), ONE,
                Map.of("threshold", d("500000")),
                "春节期间（2024年2月1日至2月29日)用电量达50万千瓦时(含)以上的规上工业企业", FZ7);
    }

    static Boundary fz7Cap() {
        BigDecimal cap = d("300000");
        BigDecimal rate = d("0.02");
        return new Boundary("fz-2024-2/7", "奖励封顶30万元（2月用电1500万千瓦时）", Boundary.Kind.CAP,
                cap.divide(rate), ONE, Map.of("cap", cap, "rate", rate), "单家企业奖励最高不超过30万元", FZ7);
    }

    private static void fz6NewPlant(SyntheticEnterprise e, BigDecimal output, BigDecimal award) {
        Probes.relocate(e, "仓山区");
        Probes.aboveScaleManufacturer(e);
        e.attribute("stats_included_month", "2024-02");
        e.attribute("production_start_month", "2024-01");
        e.fact("provincial_growth_award", "2024-Q1", award);
        e.removeFacts("industrial_output", "");
        Probes.months(e, "industrial_output", output, 2, "2024-01", "2024-02", "2024-03");
    }

    static Boundary fz6NewPlantOutput() {
        return new Boundary("fz-2024-2/6", "一季度新投产纳统企业一季度总产值达5000万元及以上", Boundary.Kind.AT_LEAST,
                d("50000000"), FEN, Map.of("new_plant_output", d("50000000")),
                "其中2024年一季度新投产纳统企业，一季度总产值达5000万元及以上", new Boundary.Probe() {
                    public void set(SyntheticEnterprise e, BigDecimal output) {
                        fz6NewPlant(e, output, d("200000"));
                    }

                    public void removeNeeded(SyntheticEnterprise e) {
                        e.removeFact("industrial_output", "2024-03");
                    }
                });
    }

    static Boundary fz6Cap() {
        BigDecimal cap = d("400000");
        BigDecimal rate = d("0.5");
        return new Boundary("fz-2024-2/6", "配套奖励封顶40万元（省级奖励80万元）", Boundary.Kind.CAP,
                // step 0.02: 799999.99 × 50% = 399999.995 rounds to the cap itself; 799999.98 stays a fen below
                cap.divide(rate, MathContext.DECIMAL64), d("0.02"), Map.of("cap", cap, "match_rate", rate),
                "单家企业配套奖励最高不超过40万元", new Boundary.Probe() {
                    public void set(SyntheticEnterprise e, BigDecimal award) {
                        fz6NewPlant(e, d("60000000"), award);
                    }

                    public void removeNeeded(SyntheticEnterprise e) {
                        e.removeFact("provincial_growth_award", "2024-Q1");
                    }
                });
    }

    // ---- 泉台管办发明电〔2024〕3号 泉州台商投资区 ----

    /** Months are measured as an offset from 2024-01 (0 = 2024-01, 2 = 2024-03, -1 = 2023-12). */
    private static final Boundary.Probe QT2 = new Boundary.Probe() {
        public void set(SyntheticEnterprise e, BigDecimal offset) {
            Probes.relocate(e, "泉州台商投资区");
            Probes.aboveScaleManufacturer(e);
            String month = java.time.YearMonth.of(2024, 1).plusMonths(offset.longValueExact()).toString();
            e.attribute("stats_included_month", month);
            e.attribute("production_start_month", month);
            e.flag("upgraded_to_above_scale", false);   // 新投产纳统, not 规下转规上 (qt-2024-3/2-1 reads it)
        }

        public void removeNeeded(SyntheticEnterprise e) {
            e.attributes.remove("stats_included_month");
        }
    };

    static Boundary qt2NewStatsFrom() {
        return new Boundary("qt-2024-3/2-1", "一季度新投产纳统：纳统月份不早于2024-01", Boundary.Kind.AT_LEAST,
                BigDecimal.ZERO, ONE, d("1"), Map.of(), "给予一季度新投产纳统的规模以上工业企业每家 30 万元一次性奖励", QT2);
    }

    static Boundary qt2NewStatsTo() {
        return new Boundary("qt-2024-3/2-1", "一季度新投产纳统：纳统月份不晚于2024-03", Boundary.Kind.AT_MOST,
                d("2"), ONE, d("2"), Map.of(), "给予一季度新投产纳统的规模以上工业企业每家 30 万元一次性奖励", QT2);
    }

    static Boundary qt9Increment() {
        return new Boundary("qt-2024-3/9-1", "1-2月工业用电同比增量1.5万千瓦时及以上", Boundary.Kind.AT_LEAST,
                d("15000"), ONE, Map.of("threshold", d("15000")),
                "对 1-2 月工业用电同比增量 1.5 万千瓦时及以上的规上工业企业", new Boundary.Probe() {
                    public void set(SyntheticEnterprise e, BigDecimal increment) {
                        Probes.relocate(e, "泉州台商投资区");
                        Probes.aboveScaleManufacturer(e);
                        e.fact("electricity_kwh", "2023-01", 200_000);
                        e.fact("electricity_kwh", "2023-02", 180_000);
                        BigDecimal[] inc = Probes.split(increment, 0, 1, 1);
                        e.fact("electricity_kwh", "2024-01", inc[0].add(d("200000")));
                        e.fact("electricity_kwh", "2024-02", inc[1].add(d("180000")));
                    }

                    public void removeNeeded(SyntheticEnterprise e) {
                        e.removeFact("electricity_kwh", "2023-02");
                    }
                });
    }

    static Boundary qt9Growth() {
        return new Boundary("qt-2024-3/9-2", "一季度工业用电同比增长5%及以上", Boundary.Kind.AT_LEAST,
                d("0.05"), d("0.000001"), Map.of("growth", d("0.05")),
                "对一季度工业用电同比增长 5% 及以上的规模以上工业企业", new Boundary.Probe() {
                    public void set(SyntheticEnterprise e, BigDecimal growth) {
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

                    public void removeNeeded(SyntheticEnterprise e) {
                        e.removeFact("electricity_kwh", "2023-03");
                    }
                });
    }

    private static void qt31(SyntheticEnterprise e, BigDecimal ratio, BigDecimal insured) {
        Probes.relocate(e, "泉州台商投资区");
        Probes.aboveScaleManufacturer(e);
        e.flag("key_enterprise", true);
        e.fact("staff_reduction_rate", "2023", d("0.02"));   // 2% ≤ 5.5%（2022年末全国城镇调查失业率）
        e.fact("electricity_kwh", "2024-01", 100_000);
        e.fact("electricity_kwh", "2024-02", d("100000").multiply(ratio));
        e.fact("unemployment_insured_headcount", "2024-02", insured);
    }

    static Boundary qt31Continuity() {
        return new Boundary("qt-2024-3/31", "2024年2月用电量不低于1月的70%", Boundary.Kind.AT_LEAST,
                d("0.7"), d("0.00001"), Map.of("continuity_ratio", d("0.7")),
                "2024 年 2 月份用电量不低于 2024 年 1 月份的 70%", new Boundary.Probe() {
                    public void set(SyntheticEnterprise e, BigDecimal ratio) {
                        qt31(e, ratio, d("80"));
                    }

                    public void removeNeeded(SyntheticEnterprise e) {
                        e.removeFact("electricity_kwh", "2024-01");
                    }
                });
    }

    static Boundary qt31Cap() {
        BigDecimal cap = d("200000");
        BigDecimal perHead = d("1000");
        return new Boundary("qt-2024-3/31", "稳岗奖补封顶20万元（200人）", Boundary.Kind.CAP, cap.divide(perHead), ONE,
                Map.of("cap", cap, "per_person", perHead), "每家企业奖补金额最高不超过 20 万元", new Boundary.Probe() {
                    public void set(SyntheticEnterprise e, BigDecimal insured) {
                        qt31(e, d("0.9"), insured);
                    }

                    public void removeNeeded(SyntheticEnterprise e) {
                        e.removeFact("unemployment_insured_headcount", "2024-02");
                    }
                });
    }

    /** Gas over 2024-01-01..2024-02-29 (60 days); the measured quantity is the total, threshold = 4000 方/日 × 60. */
    private static final Boundary.Probe QT33 = new Boundary.Probe() {
        public void set(SyntheticEnterprise e, BigDecimal total) {
            Probes.relocate(e, "泉州台商投资区");
            e.flag("non_residential_piped_gas_price", true);
            BigDecimal[] parts = Probes.split(total, 0, 31, 29);
            e.fact("gas_m3", "2024-01", parts[0]);
            e.fact("gas_m3", "2024-02", parts[1]);
        }

        public void removeNeeded(SyntheticEnterprise e) {
            e.removeFact("gas_m3", "2024-02");
        }
    };

    static Boundary qt33Gas() {
        BigDecimal daily = d("4000");
        return new Boundary("qt-2024-3/33", "优惠期间日均用气量达到4000方及以上（60天合计24万方）", Boundary.Kind.AT_LEAST,
                daily.multiply(d("60")), ONE, Map.of("daily_threshold", daily),
                "优惠期间日均用气量达到4000方及以上的用气大户", QT33);
    }

    static Boundary qt33Cap() {
        BigDecimal cap = d("1000000");
        BigDecimal discount = d("0.10");
        return new Boundary("qt-2024-3/33", "气价优惠累计封顶100万元（1000万方）", Boundary.Kind.CAP, cap.divide(discount), ONE,
                Map.of("cap", cap, "discount", discount), "单个企业享受优惠金额累计不超过100万元", QT33);
    }

    static Boundary qt18Workers() {
        return new Boundary("qt-2024-3/18", "春节假期不停工重点项目日均施工工人数50人（含）以上", Boundary.Kind.AT_LEAST,
                d("50"), ONE, Map.of("min_workers", d("50")), "日均施工工人数超过50人（含50人）", new Boundary.Probe() {
                    public void set(SyntheticEnterprise e, BigDecimal workers) {
                        Probes.relocate(e, "泉州台商投资区");
                        e.industryCode = "E4710";
                        e.rename();
                        e.flag("manufacturing", false);
                        e.flag("key_project_contractor", true);
                        e.flag("spring_festival_no_stoppage", true);
                        // the rule takes daily_avg(site_workers[holiday]): worker-days over the 8 holiday days ÷ 8
                        e.fact("site_workers", Calendar.SPRING_FESTIVAL_2024, workers.multiply(d("8")));
                    }

                    public void removeNeeded(SyntheticEnterprise e) {
                        e.removeFact("site_workers", Calendar.SPRING_FESTIVAL_2024);
                    }
                });
    }

    // ---- 鼓政办规〔2023〕1号 福州市鼓楼区 ----

    static Boundary gl37ForeignCapital() {
        return new Boundary("gl-2023-1/37", "外方股东年度内实际到资达500万美元及以上", Boundary.Kind.AT_LEAST,
                d("5000000"), FEN, Map.of("threshold", d("5000000")),
                "外方股东申报年度内实际到资达500万美元及以上的项目", new Boundary.Probe() {
                    public void set(SyntheticEnterprise e, BigDecimal usd) {
                        Probes.relocate(e, "鼓楼区");
                        e.flag("foreign_invested", true);
                        e.removeFacts("foreign_paid_in_capital_usd", "");
                        for (String m : Calendar.MONTHS.subList(0, 12)) {
                            e.fact("foreign_paid_in_capital_usd", m, BigDecimal.ZERO);
                        }
                        BigDecimal[] parts = Probes.split(usd, 2, 2, 3);
                        e.fact("foreign_paid_in_capital_usd", "2023-03", parts[0]);
                        e.fact("foreign_paid_in_capital_usd", "2023-09", parts[1]);
                    }

                    public void removeNeeded(SyntheticEnterprise e) {
                        e.removeFact("foreign_paid_in_capital_usd", "2023-06");
                    }
                });
    }
}
