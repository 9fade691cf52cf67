package huiqi.batch.sql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The (indicator, period) columns the compiled rules read, and the decimal scale of each in the loaded data.
 * Compiling registers what it needs; the pivot then creates exactly these columns. A column whose scale is
 * not yet known (first pass, before the pivot) counts as scale 0.
 */
public final class FactColumns {
    /** How a fact column is stored: its scale, and the precision its measured values fit (at most 38). */
    public record Type(int scale, int precision) {
    }

    private final Map<FactColumn, Integer> scales = new LinkedHashMap<>();
    /** Measured precision of each column; absent = not measured, DECIMAL(38, scale). */
    private final Map<FactColumn, Integer> precisions = new LinkedHashMap<>();

    int use(FactColumn c) {
        return scales.computeIfAbsent(c, k -> 0);
    }

    public Set<FactColumn> needed() {
        return Collections.unmodifiableSet(scales.keySet());
    }

    public void setScale(FactColumn c, int scale) {
        scales.put(c, scale);
    }

    public int scale(FactColumn c) {
        return scales.getOrDefault(c, 0);
    }

    public void setType(FactColumn c, Type t) {
        scales.put(c, t.scale());
        precisions.put(c, t.precision());
    }

    /** Digits (integer digits + scale) every value of the column fits in: the wide table's DECIMAL(precision, scale). */
    public int precision(FactColumn c) {
        return precisions.getOrDefault(c, SqlDialect.PRECISION);
    }

    public Type type(FactColumn c) {
        return new Type(scale(c), precision(c));
    }
}
