package huiqi.facts;

import java.math.BigDecimal;
import java.util.Objects;

/** One value of one indicator for one period, with where it came from. */
public record FactValue(String indicator, Period period, BigDecimal value, Provenance provenance) {
    public FactValue {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(value, "value");
    }
}
