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
    private final Map<String, java.util.List<Item>> items = new LinkedHashMap<>();

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

    /** Adds a listed item (a loan, a lease…); its kind's list then counts as given. */
    public Facts add(Item item) {
        items.computeIfAbsent(item.kind(), k -> new java.util.ArrayList<>()).add(item);
        return this;
    }

    /** Sets the whole list of a kind (possibly empty), replacing what was there. */
    public Facts replaceItems(String kind, java.util.List<Item> list) {
        items.put(kind, new java.util.ArrayList<>(list));
        return this;
    }

    /** Declares that the enterprise has no items of a kind (an empty list, not an unknown one). */
    public Facts declareNone(String kind) {
        items.computeIfAbsent(kind, k -> new java.util.ArrayList<>());
        return this;
    }

    /** The items of a kind in the order given; empty if the list was not given (see {@link #hasItems}). */
    public java.util.List<Item> items(String kind) {
        return Collections.unmodifiableList(items.getOrDefault(kind, java.util.List.of()));
    }

    /** True if the list of this kind was given (possibly empty). */
    public boolean hasItems(String kind) {
        return items.containsKey(kind);
    }

    public Set<String> itemKinds() {
        return Collections.unmodifiableSet(items.keySet());
    }

    public Set<String> indicators() {
        return Collections.unmodifiableSet(byIndicator.keySet());
    }

    public int size() {
        return byIndicator.values().stream().mapToInt(Map::size).sum();
    }
}
