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
    private final Map<FactColumn, Integer> scales = new LinkedHashMap<>();

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
}
