package huiqi.testdata;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One threshold of one rule that the synthetic population must straddle. {@code threshold} is expressed in
 * the quantity the {@link Probe} sets (e.g. 2024-02 kWh, a year-on-year growth fraction, a sum of m³), and
 * {@code parameters} are the rule parameters it was derived from (checked against policies/&lt;doc&gt;/rules.yaml).
 * The clearly eligible and ineligible cases sit at threshold × 1.5 and × 0.5, or, when {@code far} is given
 * (e.g. for months counted from an origin), at threshold ± far.
 */
public record Boundary(String ruleId, String description, Kind kind, BigDecimal threshold, BigDecimal step,
                       BigDecimal far, Map<String, BigDecimal> parameters, String quote, Probe probe) {

    public enum Kind {
        /** eligible iff measured ≥ threshold (含、以上、达到、不低于) */
        AT_LEAST,
        /** eligible iff measured &gt; threshold (超过、高于) */
        MORE_THAN,
        /** eligible iff measured ≤ threshold (以下、不高于、不超过) */
        AT_MOST,
        /** eligible iff measured &lt; threshold (低于、不含) */
        LESS_THAN,
        /** an amount cap: eligible on both sides, the amount stops growing at the threshold */
        CAP,
        /** eligible on both sides; the amount formula changes at the threshold (e.g. one or two persons) */
        TIER,
        /** a yes/no condition: measured 1 = holds, 0 = does not; no in-between cases */
        FLAG
    }

    /** Sets the facts that make the measured quantity of a rule equal a value, all its other conditions holding. */
    public interface Probe {
        void set(SyntheticEnterprise e, BigDecimal measured);

        /** Removes one fact the rule needs, so that it is undeterminable. */
        void removeNeeded(SyntheticEnterprise e);

        static Probe of(BiConsumer<SyntheticEnterprise, BigDecimal> set,
                        Consumer<SyntheticEnterprise> removeNeeded) {
            return new Probe() {
                @Override
                public void set(SyntheticEnterprise e, BigDecimal measured) {
                    set.accept(e, measured);
                }

                @Override
                public void removeNeeded(SyntheticEnterprise e) {
                    removeNeeded.accept(e);
                }
            };
        }
    }

    public Boundary(String ruleId, String description, Kind kind, BigDecimal threshold, BigDecimal step,
                    Map<String, BigDecimal> parameters, String quote, Probe probe) {
        this(ruleId, description, kind, threshold, step, null, parameters, quote, probe);
    }

    public Boundary {
        Objects.requireNonNull(ruleId);
        Objects.requireNonNull(probe);
        parameters = Map.copyOf(parameters);
    }

    /** The cases to generate for this boundary and the status each must have. */
    public List<BoundaryCase> cases() {
        return switch (kind) {
            case CAP, TIER -> List.of(BoundaryCase.ELIGIBLE, BoundaryCase.AT_THRESHOLD, BoundaryCase.JUST_BELOW, BoundaryCase.JUST_ABOVE);
            case FLAG -> List.of(BoundaryCase.ELIGIBLE, BoundaryCase.INELIGIBLE, BoundaryCase.UNDETERMINABLE);
            // quantities below zero do not exist: "more than 0" has no just-below or below side
            case MORE_THAN -> threshold.signum() == 0
                    ? List.of(BoundaryCase.ELIGIBLE, BoundaryCase.AT_THRESHOLD, BoundaryCase.JUST_ABOVE, BoundaryCase.UNDETERMINABLE)
                    : List.of(BoundaryCase.values());
            default -> List.of(BoundaryCase.values());
        };
    }

    /** The measured value a case uses. */
    public BigDecimal value(BoundaryCase c) {
        if (kind == Kind.FLAG) {
            return c == BoundaryCase.INELIGIBLE ? BigDecimal.ZERO : BigDecimal.ONE;
        }
        boolean up = kind != Kind.AT_MOST && kind != Kind.LESS_THAN; // the eligible side lies above the threshold
        return switch (c) {
            case ELIGIBLE, UNDETERMINABLE -> kind == Kind.CAP || kind == Kind.TIER ? threshold.multiply(new BigDecimal("2")) : away(up);
            case AT_THRESHOLD -> threshold;
            case JUST_BELOW -> threshold.subtract(step);
            case JUST_ABOVE -> threshold.add(step);
            case INELIGIBLE -> away(!up);
        };
    }

    /** The status the rule must report for a case ("eligible", "ineligible", "undeterminable"). */
    public String expected(BoundaryCase c) {
        if (c == BoundaryCase.UNDETERMINABLE) {
            return "undeterminable";
        }
        if (c == BoundaryCase.INELIGIBLE) {
            return "ineligible";
        }
        boolean eligible = switch (kind) {
            case CAP, TIER, FLAG -> true;
            case AT_LEAST -> c != BoundaryCase.JUST_BELOW;
            case MORE_THAN -> c == BoundaryCase.ELIGIBLE || c == BoundaryCase.JUST_ABOVE;
            case AT_MOST -> c != BoundaryCase.JUST_ABOVE;
            case LESS_THAN -> c == BoundaryCase.ELIGIBLE || c == BoundaryCase.JUST_BELOW;
        };
        return eligible ? "eligible" : "ineligible";
    }

    private BigDecimal away(boolean above) {
        if (far != null) {
            BigDecimal v = above ? threshold.add(far) : threshold.subtract(far);
            // a count or amount below a positive threshold bottoms out at 0: -1 persons is refused by the catalog
            return v.signum() < 0 && threshold.signum() > 0 ? BigDecimal.ZERO : v;
        }
        return roundToStep(threshold.multiply(new BigDecimal(above ? "1.5" : "0.5")));
    }

    private BigDecimal roundToStep(BigDecimal v) {
        return v.divideToIntegralValue(step).multiply(step);
    }

    public void apply(SyntheticEnterprise e, BoundaryCase c) {
        probe.set(e, value(c));
        if (c == BoundaryCase.UNDETERMINABLE) {
            probe.removeNeeded(e);
        }
    }
}
