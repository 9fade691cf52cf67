package huiqi.rules.eval;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * What-if overlay: replaces parameters by full name ("fz-2024-2/7.rate") with values in base units.
 * {@link Evaluator} rejects an override whose name is unknown or whose unit differs from the parameter's.
 */
public record Overrides(Map<String, Override> values) {
    /** A replacement value with the unit text it was written in ("0.03元/千瓦时"). */
    public record Override(BigDecimal value, huiqi.quantity.Unit unit) { }

    public static final Overrides NONE = new Overrides(Map.of());

    public Overrides {
        values = Map.copyOf(values);
    }

    public Optional<Override> get(String qualifiedName) {
        return Optional.ofNullable(values.get(qualifiedName));
    }
}
