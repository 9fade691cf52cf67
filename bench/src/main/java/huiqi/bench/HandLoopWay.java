package huiqi.bench;

import huiqi.batch.gen.SyntheticEnterprise;
import huiqi.rules.Status;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The practical limit: what a careful engineer writes by hand for one rule, over primitive columns, exact in
 * fen (long arithmetic, no BigDecimal in the loop), single-threaded. Covers {@link #RULES}:
 * fz-2024-2/7 春节期间企业用电奖励 — 区划以 3501 开头 ∧ 规上工业 ∧ 2024-02 用电量 ≥ 50万千瓦时 → 用电量 × 0.02元/千瓦时，
 * 最高 30万元, with the interpreter's three-valued logic (any false → 不符合, else any unknown → 无法判断).
 */
public final class HandLoopWay {
    public static final List<String> RULES = List.of("fz-2024-2/7");
    static final byte UNKNOWN = -1;

    private byte[] inRegion;
    private byte[] aboveScaleIndustrial;
    private long[] febKwhCenti; // kWh × 100; Long.MIN_VALUE = not reported
    private final Workload w;

    public HandLoopWay(Workload w) {
        this.w = w;
    }

    /** Turns the generated enterprises into columns (the hand-written equivalent of the pivot). */
    public void load(int n) {
        inRegion = new byte[n];
        aboveScaleIndustrial = new byte[n];
        febKwhCenti = new long[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            SyntheticEnterprise e = w.generator.enterprise(i);
            inRegion[i] = e.regionCode == null || e.regionCode.isBlank() ? UNKNOWN : (byte) (e.regionCode.startsWith("3501") ? 1 : 0);
            String asi = e.attributes.get("above_scale_industrial");
            aboveScaleIndustrial[i] = asi == null || asi.isBlank() ? UNKNOWN : (byte) ("是".equals(asi) ? 1 : 0);
            BigDecimal kwh = e.factValue("electricity_kwh", "2024-02");
            febKwhCenti[i] = kwh == null ? Long.MIN_VALUE : kwh.movePointRight(2).longValueExact();
        });
    }

    /** @param rateFen 奖励标准 in fen per kWh (2 = 0.02元/千瓦时) */
    public RuleTotals evaluate(long rateFen) {
        long eligible = 0;
        long ineligible = 0;
        long undeterminable = 0;
        long totalFen = 0;
        final long threshold = 500_000L * 100;
        final long capFen = 300_000L * 100;
        for (int i = 0; i < inRegion.length; i++) {
            long kwh = febKwhCenti[i];
            boolean anyFalse = inRegion[i] == 0 || aboveScaleIndustrial[i] == 0 || kwh != Long.MIN_VALUE && kwh < threshold;
            if (anyFalse) {
                ineligible++;
            } else if (inRegion[i] == UNKNOWN || aboveScaleIndustrial[i] == UNKNOWN || kwh == Long.MIN_VALUE) {
                undeterminable++;
            } else {
                eligible++;
                long fen = (kwh * rateFen + 50) / 100; // kWh×100 × fen/kWh ÷ 100, HALF_UP (kwh > 0 here)
                totalFen += Math.min(fen, capFen);
            }
        }
        RuleTotals t = new RuleTotals();
        t.put("fz-2024-2/7", new RuleTotals.Total(eligible, ineligible, undeterminable, BigDecimal.valueOf(totalFen, 2)));
        return t;
    }

    public void unload() {
        inRegion = null;
        aboveScaleIndustrial = null;
        febKwhCenti = null;
    }
}
