package huiqi.bench;

import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the rule set of the three documents several ways over one population in one process, checks that
 * the totals per rule agree (throws {@link Disagreement} otherwise) and measures load and evaluation
 * separately. Evaluation time is the best of {@code repeat} runs.
 */
public final class Bench {
    /** The what-if variant: fz-2024-2/7 奖励标准 0.02 → 0.03元/千瓦时. */
    static final String WHAT_IF_PARAM = "fz-2024-2/7.rate";
    static final BigDecimal WHAT_IF_RATE = new BigDecimal("0.03");
    static final BigDecimal BASE_RATE = new BigDecimal("0.02");
    /** The row of {@link TunedDroolsWay}. */
    static final String TUNED_DROOLS = "Drools 调优（可执行模型，单线程，BigDecimal）";

    public record Row(String way, int enterprises, double loadSeconds, double evalSeconds, long peakHeapBytes,
                      long nativeBytes, String rules) {
        public double perSecond() {
            return enterprises / evalSeconds;
        }
    }

    /**
     * The whole batch on the product path: cold load (CSV → pivot → typed wide table, written to the cache), load
     * from the cache, the scan floor (DuckDB reading every wide-table column, no rules), the evaluation (best of
     * K; result table and summaries) and the cache file's size. Whole batch = cached load + evaluation.
     */
    public record WholeBatch(double coldLoadSeconds, double cachedLoadSeconds, double floorSeconds, double evalSeconds,
                             long cacheBytes) {
        public double seconds() {
            return cachedLoadSeconds + evalSeconds;
        }
    }

    /** One what-if on the SQL path from the baseline: the parameter changed, its new value, time, rules evaluated again. */
    public record Variant(String parameter, BigDecimal value, double seconds, int rulesEvaluated, int rules) {
    }

    public record Result(int enterprises, List<Row> rows, Map<String, Double> whatIfSeconds, RuleTotals totals,
                         WholeBatch batch, List<Variant> variants) {
        public Row row(String way) {
            return rows.stream().filter(r -> r.way().equals(way)).findFirst().orElseThrow();
        }
    }

    public static final class Disagreement extends RuntimeException {
        Disagreement(String message) {
            super(message);
        }
    }

    private final Workload w;
    private final Path cache;
    private final int interpreterMax;
    private boolean sqlOnly;

    /** Only the SQL way (its cache, whole batch and incremental what-ifs, checked against its own full runs): for development. */
    public Bench sqlOnly() {
        sqlOnly = true;
        return this;
    }

    /** @param interpreterMax larger populations skip the (slow) interpreter way; SQL is then checked against the hand loop and Drools */
    public Bench(Workload w, Path cache, int interpreterMax) {
        this.w = w;
        this.cache = cache;
        this.interpreterMax = interpreterMax;
    }

    public Result run(int n, int repeat) throws Exception {
        List<Row> rows = new ArrayList<>();
        Map<String, Double> whatIf = new LinkedHashMap<>();
        List<String> allRules = w.ruleIds();

        Path data = w.population(n, cache);
        RuleTotals handWhatIf = null;
        DroolsWay.Run dr = null;
        DroolsWay.Run droolsWhatIf = null;
        Timed<RuleTotals> h = null;
        TunedDroolsWay.Run td = null;
        TunedDroolsWay.Run tunedWhatIf = null;
        long t0;
        if (!sqlOnly) {
        HandLoopWay hand = new HandLoopWay();
        resetPeak();
        t0 = System.nanoTime();
        hand.load(data);
        double handLoad = seconds(t0);
        h = best(repeat, () -> hand.evaluate(BASE_RATE));
        add(rows, new Row("手写循环（单线程，long 定点）", n, handLoad, h.seconds, peakHeap(), 0, "全部 " + allRules.size() + " 条"));
        t0 = System.nanoTime();
        handWhatIf = hand.evaluate(WHAT_IF_RATE);
        whatIf.put("手写循环", seconds(t0));

        DroolsWay drools = new DroolsWay(allRules);
        drools.load(hand.columns());
        resetPeak();
        for (int i = 0; i < Math.max(1, repeat); i++) {
            DroolsWay.Run run = drools.evaluate(BASE_RATE);
            dr = dr == null || run.fireSeconds() < dr.fireSeconds() ? run : dr;
        }
        add(rows, new Row("Drools（单线程，BigDecimal）", n, handLoad + dr.buildSeconds(), dr.fireSeconds(), peakHeap(), 0,
                "全部 " + allRules.size() + " 条"));
        droolsWhatIf = drools.evaluate(WHAT_IF_RATE);
        whatIf.put("Drools", droolsWhatIf.fireSeconds());
        drools.unload();

        TunedDroolsWay tuned = new TunedDroolsWay(allRules);
        tuned.load(hand.columns());
        resetPeak();
        for (int i = 0; i < Math.max(1, repeat); i++) {
            TunedDroolsWay.Run run = tuned.evaluate(BASE_RATE);
            td = td == null || run.executeSeconds() < td.executeSeconds() ? run : td;
        }
        add(rows, new Row(TUNED_DROOLS, n, handLoad + td.factSeconds(), td.executeSeconds(), peakHeap(), 0,
                "全部 " + allRules.size() + " 条"));
        tunedWhatIf = tuned.evaluate(WHAT_IF_RATE);
        whatIf.put("Drools 调优", tunedWhatIf.executeSeconds());
        tuned.unload();
        hand.unload();
        }

        RuleTotals inTotals = null;
        RuleTotals interpWhatIf = null;
        if (n <= interpreterMax && !sqlOnly) {
        InterpreterWay interp = new InterpreterWay(w);
        resetPeak();
        t0 = System.nanoTime();
        interp.load(n);
        double interpLoad = seconds(t0);
        Timed<RuleTotals> in = best(repeat, () -> interp.evaluate(Overrides.NONE));
        add(rows, new Row("解释器（并行 " + Runtime.getRuntime().availableProcessors() + " 核）", n, interpLoad, in.seconds,
                peakHeap(), 0, "全部 " + allRules.size() + " 条"));
        t0 = System.nanoTime();
        interpWhatIf = interp.evaluate(whatIfOverrides());
        whatIf.put("解释器", seconds(t0));
        interp.unload();
        inTotals = in.value;
        }

        resetPeak();
        t0 = System.nanoTime();
        RuleTotals sqlTotals;
        RuleTotals sqlWhatIf;
        WholeBatch batch;
        List<Variant> variants = new ArrayList<>();
        try (SqlWay sql = new SqlWay(w, data)) {
            double sqlLoad = seconds(t0);
            double cachedLoad = sql.reopenFromCache();
            Timed<RuleTotals> sq = best(repeat, () -> sql.evaluate(Overrides.NONE));
            sqlTotals = sq.value;
            Timed<Double> floor = best(repeat, () -> {
                try {
                    return sql.scanFloor();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            add(rows, new Row("SQL / DuckDB（产品路径）", n, sqlLoad, sq.seconds, peakHeap(), sql.nativeBytes(),
                    "全部 " + allRules.size() + " 条"));
            batch = new WholeBatch(sqlLoad, cachedLoad, floor.value, sq.seconds, sql.cacheBytes());
            t0 = System.nanoTime();
            sqlWhatIf = sql.evaluate(whatIfOverrides());
            whatIf.put("SQL / DuckDB（全部重算）", seconds(t0));
            for (Map.Entry<String, Overrides> v : whatIfVariants().entrySet()) {
                SqlWay.WhatIf wi = sql.whatIf(v.getValue());
                RuleTotals full = v.getKey().equals(WHAT_IF_PARAM) ? sqlWhatIf : sql.evaluate(v.getValue());
                check("SQL 增量试算（" + v.getKey() + "）", wi.totals(), "SQL 全部重算", full, allRules);
                variants.add(new Variant(v.getKey(), v.getValue().values().get(v.getKey()).value(), wi.seconds(),
                        wi.rulesEvaluated(), wi.rules()));
                if (v.getKey().equals(WHAT_IF_PARAM)) {
                    whatIf.put("SQL / DuckDB（增量）", wi.seconds());
                }
            }
        }

        if (!sqlOnly) {
            check("手写循环", h.value, "SQL", sqlTotals, allRules);
            check("手写循环（试算）", handWhatIf, "SQL（试算）", sqlWhatIf, allRules);
            check("Drools", dr.totals(), "SQL", sqlTotals, allRules);
            check("Drools（试算）", droolsWhatIf.totals(), "SQL（试算）", sqlWhatIf, allRules);
            check("Drools 调优", td.totals(), "SQL", sqlTotals, allRules);
            check("Drools 调优（试算）", tunedWhatIf.totals(), "SQL（试算）", sqlWhatIf, allRules);
        }
        if (inTotals != null) {
            check("SQL", sqlTotals, "解释器", inTotals, allRules);
            check("SQL（试算）", sqlWhatIf, "解释器（试算）", interpWhatIf, allRules);
        }
        return new Result(n, rows, whatIf, sqlTotals, batch, variants);
    }

    /** Adds a row and shows it on stderr, so that a long run shows each way as it finishes. */
    private static void add(List<Row> rows, Row r) {
        System.err.printf("[bench] %s %,d 家：载入 %.3f s，评估 %.4f s%n", r.way(), r.enterprises(), r.loadSeconds(), r.evalSeconds());
        rows.add(r);
    }

    /**
     * The SQL what-if variants: the rate all ways recompute, and the parameter whose change reaches the most
     * rules (deductions, shared caps, 取高不重复), raised by half.
     */
    Map<String, Overrides> whatIfVariants() {
        Map<String, Overrides> out = new LinkedHashMap<>();
        out.put(WHAT_IF_PARAM, whatIfOverrides());
        var plan = huiqi.rules.plan.RulePlan.of(w.rules, null);
        String widest = null;
        int reach = 0;
        for (var e : new java.util.TreeMap<>(Evaluator.parameters(w.rules)).entrySet()) { // ties: the first by name
            var p = e.getValue();
            if (p.table() != null || p.isDate() || p.isPending() || p.values().isEmpty()) {
                continue;
            }
            int r = huiqi.batch.sql.Recompute.affected(plan, java.util.Set.of(e.getKey())).size();
            if (r > reach) {
                reach = r;
                widest = e.getKey();
            }
        }
        if (widest != null && !widest.equals(WHAT_IF_PARAM)) {
            var p = Evaluator.parameters(w.rules).get(widest);
            BigDecimal v = p.values().firstEntry().getValue().multiply(new BigDecimal("1.5"));
            out.put(widest, new Overrides(Map.of(widest, new Overrides.Override(v, p.unit()))));
        }
        return out;
    }

    Overrides whatIfOverrides() {
        var unit = Evaluator.parameters(w.rules).get(WHAT_IF_PARAM).unit();
        return new Overrides(Map.of(WHAT_IF_PARAM, new Overrides.Override(WHAT_IF_RATE, unit)));
    }

    static void check(String a, RuleTotals ta, String b, RuleTotals tb, List<String> rules) {
        List<String> diff = ta.differences(tb, rules);
        if (!diff.isEmpty()) {
            throw new Disagreement(a + " 与 " + b + " 的合计不一致：\n  " + String.join("\n  ", diff));
        }
    }

    record Timed<T>(T value, double seconds) {
    }

    static <T> Timed<T> best(int repeat, Supplier<T> work) {
        T value = null;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < Math.max(1, repeat); i++) {
            long t0 = System.nanoTime();
            value = work.get();
            best = Math.min(best, seconds(t0));
        }
        return new Timed<>(value, best);
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static void resetPeak() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
