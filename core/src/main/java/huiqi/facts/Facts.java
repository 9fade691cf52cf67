package huiqi.facts;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.Comparator;

/**
 * The time-series facts of one enterprise: indicator → period → value. A value that is not here is
 * unknown (never zero); deriving a quarter from months etc. is the rule engine's business, not this map's.
 */
public final class Facts {
    private static final Comparator<Period> BY_START = Comparator.comparing(Period::start)
            .thenComparing(Period::end);
    private final Map<String, TreeMap<Period, FactValue>> byIndicator = new LinkedHashMap<>();

    public static Facts empty() {
        return new Facts();
    }

    /** Adds a value; a second value for the same indicator and period replaces the first. */
    public Facts put(FactValue v) {
        byIndicator.computeIfAbsent(v.indicator(), k -> new TreeMap<>(BY_START)).put(v.period(), v);
        return this;
    }

    public Optional<FactValue> get(String indicator, Period period) {
        TreeMap<Period, FactValue> m = byIndicator.get(indicator);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(period));
    }

    /** All values of one indicator ordered by period start. */
    public Collection<FactValue> all(String indicator) {
        TreeMap<Period, FactValue> m = byIndicator.get(indicator);
        return m == null ? Collections.emptyList() : Collections.unmodifiableCollection(m.values());
    }

    public Set<String> indicators() {
        return Collections.unmodifiableSet(byIndicator.keySet());
    }

    public int size() {
        return byIndicator.values().stream().mapToInt(Map::size).sum();
    }
}
