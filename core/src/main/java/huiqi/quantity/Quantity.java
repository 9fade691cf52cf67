package huiqi.quantity;

import java.math.BigDecimal;
import java.util.Objects;

/** An exact amount with the unit written after it in the text ("15000" + "千瓦时"); unit may be empty. */
public record Quantity(BigDecimal value, String unit) {
    public Quantity {
        Objects.requireNonNull(value, "value");
        unit = unit == null ? "" : unit;
    }

    @Override
    public String toString() {
        return value.toPlainString() + unit;
    }
}
