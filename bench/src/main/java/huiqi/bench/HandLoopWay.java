package huiqi.bench;

import static huiqi.bench.Columns.*;

import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * The practical limit: the 24 rules of the three documents written out by hand, as a careful engineer would,
 * over the primitive columns of {@link Columns}: single-threaded, one pass per rule (or per group of rules that
 * read each other's result), exact integer arithmetic on scaled longs (128-bit where a growth comparison needs
 * it), each rule's final amount rounded once HALF_UP to the fen, no BigDecimal in the loops. Semantics follow
 * docs/rules.md: three-valued conditions (any false → 不符合, else any unknown → 无法判断), region prefix of the
 * document, own caps, the shared cap and deduction of 泉台管办发明电〔2024〕3号 第9条, and 取高不重复 between
 * 鼓政办规〔2023〕1号 第1条 加计抵减 5% / 10%. Parameter values are written in as constants (citing the rule
 * file), except 榕政办规〔2024〕2号 第7条 的奖励标准, which the what-if varies.
 */
public final class HandLoopWay {
    static final int T = 1, F = 0, U = -1;

    private Columns c;

    /** Reads the population's CSV files into columns (the hand-written equivalent of the pivot). */
    public void load(Path populationDir) {
        c = Columns.load(populationDir);
    }

    public Columns columns() {
        return c;
    }

    /** Per-rule counts and fen totals, filled by the loops. */
    private static final class Acc {
        final long[] eligible = new long[24];
        final long[] ineligible = new long[24];
        final long[] undeterminable = new long[24];
        final long[] fen = new long[24];
        final boolean[] hasAmount = new boolean[24];

        void count(int rule, int status) {
            if (status == F) {
                ineligible[rule]++;
            } else {
                undeterminable[rule]++;
            }
        }

        void pay(int rule, long amountFen) {
            eligible[rule]++;
            fen[rule] += amountFen;
        }
    }

    static final String[] IDS = {"fz-2024-2/6", "fz-2024-2/7", "gl-2023-1/1-1", "gl-2023-1/1-2", "gl-2023-1/1-3",
            "gl-2023-1/1-4", "gl-2023-1/1-5", "gl-2023-1/9", "gl-2023-1/14", "gl-2023-1/16-1", "gl-2023-1/16-2",
            "gl-2023-1/17", "gl-2023-1/24-1", "gl-2023-1/24-2", "gl-2023-1/37", "qt-2024-3/2-1", "qt-2024-3/2-2",
            "qt-2024-3/9-1", "qt-2024-3/9-2", "qt-2024-3/18", "qt-2024-3/24-1", "qt-2024-3/24-2", "qt-2024-3/31",
            "qt-2024-3/33"};
    static final int FZ6 = 0, FZ7 = 1, GL1_1 = 2, GL1_2 = 3, GL1_3 = 4, GL1_4 = 5, GL1_5 = 6, GL9 = 7, GL14 = 8, GL16_1 = 9,
            GL16_2 = 10, GL17 = 11, GL24_1 = 12, GL24_2 = 13, GL37 = 14, QT2_1 = 15, QT2_2 = 16, QT9_1 = 17, QT9_2 = 18,
            QT18 = 19, QT24_1 = 20, QT24_2 = 21, QT31 = 22, QT33 = 23;
    /** month indexes in the monthly columns */
    static final int M2023_01 = 0, M2023_12 = 11, M2024_01 = 12, M2024_02 = 13, M2024_03 = 14;

    /** @param fz7Rate 榕政办规〔2024〕2号 第7条 奖励标准 in 元/千瓦时 (0.02; the what-if uses 0.03) */
    public RuleTotals evaluate(BigDecimal fz7Rate) {
        long rate = fz7Rate.movePointRight(4).longValueExact(); // 元/千瓦时 × 10⁴
        Acc a = new Acc();
        fz6(a);
        fz7(a, rate);
        gl1(a);
        glRights(a);
        gl14and16(a);
        gl37(a);
        qt2(a);
        qt9(a);
        qt18and24(a);
        qt31(a);
        qt33(a);
        RuleTotals t = new RuleTotals();
        for (int r = 0; r < IDS.length; r++) {
            t.put(IDS[r], new RuleTotals.Total(a.eligible[r], a.ineligible[r], a.undeterminable[r],
                    a.hasAmount[r] ? BigDecimal.valueOf(a.fen[r], 2) : null));
        }
        return t;
    }

    // ------------------------------------------------------------------ three-valued helpers

    static int and(int x, int y) {
        return x == F || y == F ? F : x == U || y == U ? U : T;
    }

    static int or(int x, int y) {
        return x == T || y == T ? T : x == U || y == U ? U : F;
    }

    static int bool(boolean b) {
        return b ? T : F;
    }

    /** v ≥ 0 in units of 1/unitsPerFen fen, rounded HALF_UP to the fen. */
    static long fen(long v, long unitsPerFen) {
        return (v + unitsPerFen / 2) / unitsPerFen;
    }

    static long sum(long[][] months, int from, int to, int i) {
        long s = 0;
        for (int m = from; m <= to; m++) {
            long v = months[m][i];
            if (v == NA) {
                return NA;
            }
            s += v;
        }
        return s;
    }

    /** sign of a·b − c·d, exact (128-bit products). */
    static int compareProducts(long a, long b, long c, long d) {
        long hi1 = Math.multiplyHigh(a, b);
        long lo1 = a * b;
        long hi2 = Math.multiplyHigh(c, d);
        long lo2 = c * d;
        if (hi1 != hi2) {
            return hi1 < hi2 ? -1 : 1;
        }
        return Long.compareUnsigned(lo1, lo2);
    }

    // ------------------------------------------------------------------ 榕政办规〔2024〕2号

    /** 第6条 省级增产增效奖励市级配套：省级奖励 × 50%，最高 40万元；新投产纳统企业一季度产值 ≥ 5000万元代替增速比较. */
    private void fz6(Acc a) {
        a.hasAmount[FZ6] = true;
        long[] award = c.single[PROV_AWARD];
        byte[] asi = c.flags[ASI];
        byte[] manu = c.flags[MANUFACTURING];
        long[][] output = c.monthly[OUTPUT];
        long[][] kwh = c.monthly[KWH];
        final long newPlantOutput = 5000_0000L * SCALE;
        final long cap = 40_0000L * 1_000_000; // scale 10⁶ per 元
        for (int i = 0; i < c.n; i++) {
            long aw = award[i];
            int s = and(c.inFz[i], aw == NA ? U : bool(aw > 0));
            s = and(s, asi[i]);
            s = and(s, manu[i]);
            if (s == F) {
                a.count(FZ6, F);
                continue;
            }
            int month = c.statsIncludedMonth[i];
            int growth;
            if (month == NA_INT) {
                growth = U;
            } else if (month >= 202401 && month <= 202403) {
                long q1 = sum(output, M2024_01, M2024_03, i);
                growth = q1 == NA ? U : bool(q1 >= newPlantOutput);
            } else {
                long o1 = sum(output, M2024_01, M2024_03, i);
                long o0 = sum(output, M2023_01, M2023_01 + 2, i);
                long k1 = sum(kwh, M2024_01, M2024_03, i);
                long k0 = sum(kwh, M2023_01, M2023_01 + 2, i);
                if (o1 == NA || o0 == NA || k1 == NA || k0 == NA || o0 == 0 || k0 == 0) {
                    growth = U;
                } else { // (o1−o0)/o0 ≥ (k1−k0)/k0 ⇔ (o1−o0)·k0 ≥ (k1−k0)·o0 when o0·k0 > 0
                    int cmp = compareProducts(o1 - o0, k0, k1 - k0, o0);
                    growth = bool((o0 > 0) == (k0 > 0) ? cmp >= 0 : cmp <= 0);
                }
            }
            s = and(s, growth);
            if (s != T) {
                a.count(FZ6, s);
                continue;
            }
            a.pay(FZ6, fen(Math.min(aw * 50, cap), 10_000));
        }
    }

    /** 第7条 春节期间企业用电奖励：2月用电量 ≥ 50万千瓦时的规上工业企业，× 奖励标准，最高 30万元. */
    private void fz7(Acc a, long rate) {
        a.hasAmount[FZ7] = true;
        byte[] asi = c.flags[ASI];
        long[] feb = c.monthly[KWH][M2024_02];
        final long threshold = 50_0000L * SCALE;
        final long cap = 30_0000L * SCALE * SCALE; // kWh×10⁴ × 元/kWh×10⁴ = 元 × 10⁸
        for (int i = 0; i < c.n; i++) {
            long kwh = feb[i];
            int s = and(and(c.inFz[i], asi[i]), kwh == NA ? U : bool(kwh >= threshold));
            if (s != T) {
                a.count(FZ7, s);
                continue;
            }
            a.pay(FZ7, fen(Math.min(kwh * rate, cap), 1_000_000));
        }
    }

    // ------------------------------------------------------------------ 鼓政办规〔2023〕1号

    /**
     * 第1条：1-1 月销售额 ≤ 10万元的月份免征（3%征收率销售额 × 3%），1-2 其余月份减按1%（× 2%），1-3 小规模纳税人预缴权利，
     * 1-4 / 1-5 进项税额加计 5% / 10% 抵减（每月不超过抵减前应纳税额），两者同类、取高不重复（相等时 1-4 在前，1-5 让出）.
     */
    private void gl1(Acc a) {
        a.hasAmount[GL1_1] = a.hasAmount[GL1_2] = a.hasAmount[GL1_4] = a.hasAmount[GL1_5] = true;
        long[][] sales = c.monthly[VAT_SALES];
        long[][] pct3 = c.monthly[VAT_3PCT];
        long[][] input = c.monthly[VAT_INPUT];
        long[][] payable = c.monthly[VAT_PAYABLE];
        byte[] small = c.flags[SMALL_VAT];
        byte[] producer = c.flags[VAT_PRODUCER];
        byte[] consumer = c.flags[VAT_CONSUMER];
        final long limit = 10_0000L * SCALE;
        for (int i = 0; i < c.n; i++) {
            int base = and(c.inGl[i], small[i]);
            // 1-1 / 1-2: the month count needs all twelve months' sales
            boolean allSales = true;
            boolean anyLow = false;
            boolean anyHigh = false;
            for (int m = 0; m < 12; m++) {
                long v = sales[m][i];
                if (v == NA) {
                    allSales = false;
                    break;
                }
                if (v <= limit) {
                    anyLow = true;
                } else {
                    anyHigh = true;
                }
            }
            int s11 = and(base, allSales ? bool(anyLow) : U);
            int s12 = and(base, allSales ? bool(anyHigh) : U);
            if (s11 == T || s12 == T) {
                long exempt = 0; // scale 10⁶ per 元 (10⁴ × percent)
                long reduced = 0;
                boolean exemptKnown = true;
                boolean reducedKnown = true;
                for (int m = 0; m < 12; m++) {
                    long p = pct3[m][i];
                    if (sales[m][i] <= limit) {
                        if (p == NA) {
                            exemptKnown = false;
                        } else {
                            exempt += p * 3;
                        }
                    } else if (p == NA) {
                        reducedKnown = false;
                    } else {
                        reduced += p * 2;
                    }
                }
                if (s11 == T) {
                    s11 = exemptKnown ? T : U;
                    if (s11 == T) {
                        a.pay(GL1_1, fen(Math.max(exempt, 0), 10_000));
                    }
                }
                if (s12 == T) {
                    s12 = reducedKnown ? T : U;
                    if (s12 == T) {
                        a.pay(GL1_2, fen(Math.max(reduced, 0), 10_000));
                    }
                }
            }
            if (s11 != T) {
                a.count(GL1_1, s11);
            }
            if (s12 != T) {
                a.count(GL1_2, s12);
            }
            int s13 = base;
            if (s13 == T) {
                a.eligible[GL1_3]++;
            } else {
                a.count(GL1_3, s13);
            }
            int s14 = and(c.inGl[i], producer[i]);
            int s15 = and(c.inGl[i], consumer[i]);
            long fen14 = -1;
            long fen15 = -1;
            if (s14 == T || s15 == T) {
                long credit5 = 0;
                long credit10 = 0;
                boolean known = true;
                for (int m = 0; m < 12; m++) {
                    long in = input[m][i];
                    long pay = payable[m][i];
                    if (in == NA || pay == NA) {
                        known = false;
                        break;
                    }
                    credit5 += Math.min(in * 5, pay * 100);
                    credit10 += Math.min(in * 10, pay * 100);
                }
                if (!known) {
                    s14 = s14 == T ? U : s14;
                    s15 = s15 == T ? U : s15;
                } else {
                    fen14 = s14 == T ? fen(Math.max(credit5, 0), 10_000) : -1;
                    fen15 = s15 == T ? fen(Math.max(credit10, 0), 10_000) : -1;
                }
            }
            if (fen14 >= 0 && fen15 >= 0) { // 取高不重复
                if (fen15 > fen14) {
                    fen14 = 0;
                } else {
                    fen15 = 0;
                }
            }
            if (fen14 >= 0) {
                a.pay(GL1_4, fen14);
            } else {
                a.count(GL1_4, s14);
            }
            if (fen15 >= 0) {
                a.pay(GL1_5, fen15);
            } else {
                a.count(GL1_5, s15);
            }
        }
    }

    private static void right(Acc a, int rule, int status) {
        if (status == T) {
            a.eligible[rule]++;
        } else {
            a.count(rule, status);
        }
    }

    /** Rights without amounts: 第9条 延期还本付息、第17条 政府采购、第24条 旅行社保证金（两段）. */
    private void glRights(Acc a) {
        byte[] individual = c.flags[INDIVIDUAL];
        byte[] covid = c.flags[COVID];
        byte[] relief = c.flags[TRAVEL_RELIEF];
        for (int i = 0; i < c.n; i++) {
            byte size = c.size[i];
            int smallOrMicro = size == UNKNOWN ? U : bool(size == SMALL || size == MICRO);
            int sme = size == UNKNOWN ? U : bool(size == MEDIUM || size == SMALL || size == MICRO);
            int loan = c.loanMaturityDate[i];
            int s9 = and(c.inGl[i], or(smallOrMicro, individual[i]));
            s9 = and(s9, loan == NA_INT ? U : bool(loan >= 20221001 && loan <= 20221231));
            right(a, GL9, and(s9, covid[i]));
            right(a, GL17, and(c.inGl[i], sme));
            int licence = c.travelLicenceDate[i];
            right(a, GL24_1, and(c.inGl[i], licence == NA_INT ? U : bool(licence >= 20230401)));
            right(a, GL24_2, and(c.inGl[i], relief[i]));
        }
    }

    /** 第14条 吸纳就业 1000元/人；第16条 上缴工会经费低于1万元（不含）的全额返还（2023、2024 年度）. */
    private void gl14and16(Acc a) {
        a.hasAmount[GL14] = a.hasAmount[GL16_1] = a.hasAmount[GL16_2] = true;
        long[] hired = c.single[HIRED];
        final long limit = 1_0000L * SCALE;
        for (int i = 0; i < c.n; i++) {
            long h = hired[i];
            int s = and(c.inGl[i], h == NA ? U : bool(h >= SCALE));
            if (s == T) {
                a.pay(GL14, fen(h * 1000, 100));
            } else {
                a.count(GL14, s);
            }
            union(a, GL16_1, i, c.single[UNION_PAID_23][i], c.single[UNION_UPPER_23][i], limit);
            union(a, GL16_2, i, c.single[UNION_PAID_24][i], c.single[UNION_UPPER_24][i], limit);
        }
    }

    private void union(Acc a, int rule, int i, long paid, long upper, long limit) {
        int s = and(c.inGl[i], paid == NA ? U : bool(paid < limit));
        if (s == T && upper == NA) {
            s = U;
        }
        if (s == T) {
            a.pay(rule, fen(Math.max(upper, 0), 100));
        } else {
            a.count(rule, s);
        }
    }

    /** 第37条 外资到资奖励（美元）：年度到资 ≥ 500万美元；省级 一季度 1.5%、其余 1%，市级 1.5%. */
    private void gl37(Acc a) {
        a.hasAmount[GL37] = true;
        long[][] fdi = c.monthly[FDI_USD];
        byte[] foreign = c.flags[FOREIGN];
        final long threshold = 500_0000L * SCALE;
        for (int i = 0; i < c.n; i++) {
            long year = sum(fdi, 0, 11, i);
            int s = and(and(c.inGl[i], foreign[i]), year == NA ? U : bool(year >= threshold));
            if (s != T) {
                a.count(GL37, s);
                continue;
            }
            long q1 = sum(fdi, 0, 2, i);
            long rest = year - q1;
            long amount = q1 * 15 + rest * 10 + year * 15; // scale 10⁷ per 美元 (10⁴ × per mille)
            a.pay(GL37, fen(Math.max(amount, 0), 100_000));
        }
    }

    // ------------------------------------------------------------------ 泉台管办发明电〔2024〕3号

    /** 第2条 一季度新投产纳统规上工业 30万元；月度新增限上批零/住餐/服务业 20万元. */
    private void qt2(Acc a) {
        a.hasAmount[QT2_1] = a.hasAmount[QT2_2] = true;
        byte[] asi = c.flags[ASI];
        byte[] upgraded = c.flags[UPGRADED];
        byte[] trade = c.flags[QUOTA_TRADE];
        byte[] catering = c.flags[QUOTA_CATERING];
        byte[] service = c.flags[SCALE_SERVICE];
        for (int i = 0; i < c.n; i++) {
            int month = c.statsIncludedMonth[i];
            int inQ1 = month == NA_INT ? U : bool(month >= 202401 && month <= 202403);
            byte up = upgraded[i];
            int s = and(and(and(c.inQt[i], asi[i]), inQ1), up == UNKNOWN ? U : bool(up == 0));
            if (s == T) {
                a.pay(QT2_1, 30_0000L * 100);
            } else {
                a.count(QT2_1, s);
            }
            s = and(and(c.inQt[i], or(or(trade[i], catering[i]), service[i])), inQ1);
            if (s == T) {
                a.pay(QT2_2, 20_0000L * 100);
            } else {
                a.count(QT2_2, s);
            }
        }
    }

    /**
     * 第9条 工业用电增量奖励 0.2元/千瓦时：9-1 1-2月同比增量 ≥ 1.5万千瓦时；9-2 一季度同比增长 ≥ 5%，按一季度增量计奖并扣除
     * 9-1 已获；两段共享上限 50万元（9-1 先占）.
     */
    private void qt9(Acc a) {
        a.hasAmount[QT9_1] = a.hasAmount[QT9_2] = true;
        long[][] kwh = c.monthly[KWH];
        byte[] asi = c.flags[ASI];
        final long threshold = 1_5000L * SCALE;
        final long shared = 50_0000L * 100; // fen
        for (int i = 0; i < c.n; i++) {
            int base = and(c.inQt[i], asi[i]);
            long janFeb = sum(kwh, M2024_01, M2024_02, i);
            long janFebPrev = sum(kwh, M2023_01, M2023_01 + 1, i);
            long increase = janFeb == NA || janFebPrev == NA ? NA : janFeb - janFebPrev;
            int s1 = and(base, increase == NA ? U : bool(increase >= threshold));
            long got = 0; // fen of 9-1 (0 when ineligible)
            if (s1 == T) {
                got = fen(Math.min(increase * 2, shared * 1000), 1000); // scale 10⁵ per 元
                a.pay(QT9_1, got);
            } else {
                a.count(QT9_1, s1);
            }
            long q1 = sum(kwh, M2024_01, M2024_03, i);
            long q1Prev = sum(kwh, M2023_01, M2023_01 + 2, i);
            int growth;
            if (q1 == NA || q1Prev == NA || q1Prev == 0) {
                growth = U;
            } else { // (q1 − prev) / prev ≥ 5%
                long lhs = (q1 - q1Prev) * 100;
                long rhs = q1Prev * 5;
                growth = bool(q1Prev > 0 ? lhs >= rhs : lhs <= rhs);
            }
            int s2 = and(base, growth);
            if (s2 == T && s1 == U) {
                s2 = U; // 扣除 9-1 已获 / 共享上限：9-1 无法判断
            }
            if (s2 != T) {
                a.count(QT9_2, s2);
                continue;
            }
            long amount = Math.max((q1 - q1Prev) * 2, 0);
            amount = Math.max(amount - got * 1000, 0);
            amount = Math.min(amount, Math.max(shared - got, 0) * 1000);
            a.pay(QT9_2, fen(amount, 1000));
        }
    }

    /** 第18条 春节不停工 3万元（日均工人 ≥ 50人，8天）；第24条 展位 1.5万元/个、机票 90%（出口 ≤ 100万美元一位，否则两位）. */
    private void qt18and24(Acc a) {
        a.hasAmount[QT18] = a.hasAmount[QT24_1] = a.hasAmount[QT24_2] = true;
        byte[] contractor = c.flags[KEY_CONTRACTOR];
        byte[] noStop = c.flags[NO_STOPPAGE];
        long[] workers = c.single[SITE_WORKERS];
        byte[] selfExport = c.flags[SELF_EXPORT];
        long[][] booths = c.monthly[BOOTHS];
        byte[] reported = c.flags[TRIP_REPORTED];
        long[] first = c.single[AIRFARE_1];
        long[] second = c.single[AIRFARE_2];
        long[][] exports = c.monthly[EXPORTS_USD];
        final long workerDays = 50L * 8 * SCALE;
        final long exportLine = 100_0000L * SCALE;
        for (int i = 0; i < c.n; i++) {
            long w = workers[i];
            int s = and(and(and(c.inQt[i], contractor[i]), noStop[i]), w == NA ? U : bool(w >= workerDays));
            if (s == T) {
                a.pay(QT18, 3_0000L * 100);
            } else {
                a.count(QT18, s);
            }
            long b = sum(booths, M2024_01, M2024_03, i);
            s = and(and(c.inQt[i], selfExport[i]), b == NA ? U : bool(b >= SCALE));
            if (s == T) {
                a.pay(QT24_1, fen(Math.max(b * 1_5000, 0), 100));
            } else {
                a.count(QT24_1, s);
            }
            long f1 = first[i];
            s = and(and(c.inQt[i], reported[i]), f1 == NA ? U : bool(f1 > 0));
            long amount = NA;
            if (s == T) {
                long ex = sum(exports, 0, 11, i);
                if (ex == NA) {
                    s = U;
                } else if (ex <= exportLine) {
                    amount = f1 * 90;
                } else if (second[i] == NA) {
                    s = U;
                } else {
                    amount = (f1 + second[i]) * 90;
                }
            }
            if (s == T) {
                a.pay(QT24_2, fen(Math.max(amount, 0), 10_000));
            } else {
                a.count(QT24_2, s);
            }
        }
    }

    /** 第31条 稳岗连续生产：减员率 ≤ 5.5%、2月用电 ≥ 1月 × 70%，1000元/人，最高 20万元. */
    private void qt31(Acc a) {
        a.hasAmount[QT31] = true;
        byte[] key = c.flags[KEY_ENTERPRISE];
        byte[] asi = c.flags[ASI];
        long[] start = c.monthly[UNEMP_HEADCOUNT][M2023_01];
        long[] end = c.monthly[UNEMP_HEADCOUNT][M2023_12];
        long[] jan = c.monthly[KWH][M2024_01];
        long[] feb = c.monthly[KWH][M2024_02];
        long[] headcount = c.monthly[UNEMP_HEADCOUNT][M2024_02];
        // 减员率 (start − end) ÷ start ≤ 5.5% ⇔ (start − end) × 1000 ≤ 55 × start; no start headcount (0) → undeterminable
        final long cap = 20_0000L * SCALE;
        for (int i = 0; i < c.n; i++) {
            long s0 = start[i];
            long s1 = end[i];
            long j = jan[i];
            long f = feb[i];
            int s = and(and(and(c.inQt[i], key[i]), asi[i]), s0 == NA || s1 == NA || s0 == 0 ? U : bool((s0 - s1) * 1000 <= 55 * s0));
            s = and(s, j == NA || f == NA ? U : bool(f * 10 >= j * 7));
            if (s == T && headcount[i] == NA) {
                s = U;
            }
            if (s != T) {
                a.count(QT31, s);
                continue;
            }
            a.pay(QT31, fen(Math.min(Math.max(headcount[i] * 1000, 0), cap), 100));
        }
    }

    /** 第33条 用气大户气价优惠：2024-01-01..02-29（60天）日均 ≥ 4000方，0.10元/方，最高 100万元. */
    private void qt33(Acc a) {
        a.hasAmount[QT33] = true;
        byte[] price = c.flags[GAS_PRICE];
        long[][] gas = c.monthly[GAS];
        final long threshold = 4000L * 60 * SCALE;
        final long cap = 100_0000L * 100_000; // scale 10⁵ per 元: m³×10⁴ × 0.1元
        for (int i = 0; i < c.n; i++) {
            long v = sum(gas, M2024_01, M2024_02, i);
            int s = and(and(c.inQt[i], price[i]), v == NA ? U : bool(v >= threshold));
            if (s != T) {
                a.count(QT33, s);
                continue;
            }
            a.pay(QT33, fen(Math.min(Math.max(v, 0), cap), 1000));
        }
    }

    public void unload() {
        c = null;
    }
}
