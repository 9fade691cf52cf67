package huiqi.rules.eval;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The sort key of an ordered item loop (a date or a number) as one comparable type. */
final class ItemOrder {
    private ItemOrder() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparable<Object> comparable(Object key) {
        if (key instanceof LocalDate || key instanceof BigDecimal) {
            return (Comparable) key;
        }
        throw new IllegalStateException("排序依据须为日期或数值: " + key);
    }
}
