package huiqi.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * One quantitative target of a task ("力争一季度实施重点工业投资项目40个以上"): index within the task (from 0),
 * the clause, exact quantity and unit, comparator (">=", ">", "<=", "<", "=", "~") and its own deadline.
 */
public record TaskTarget(int index, String text, BigDecimal quantity, String unit, String comparator,
                         LocalDate deadline) {

    private static final Set<String> GROWING = Set.of(">=", ">", "=", "~");

    /**
     * Whether progress is measured by the value achieved against the quantity: an "at least / about" target
     * with a positive quantity. Caps ("控制在…以内", "<=") and quantity-free targets are reported as a percentage.
     */
    public boolean measurable() {
        return quantity != null && quantity.signum() > 0 && comparator != null && GROWING.contains(comparator);
    }

    /** Whether {@code achieved} meets the target: strictly above for ">", at least the quantity otherwise. */
    public boolean metBy(BigDecimal achieved) {
        if (achieved == null || !measurable()) {
            return false;
        }
        int c = achieved.compareTo(quantity);
        return ">".equals(comparator) ? c > 0 : c >= 0;
    }
}
