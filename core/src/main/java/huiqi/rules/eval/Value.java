package huiqi.rules.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A runtime value: known (BigDecimal, Boolean, String, LocalDate, Period or List) or unknown, naming the
 * missing facts and any other reason (a zero base for a growth rate, a parameter not yet in force).
 */
public sealed interface Value {
    record Known(Object value) implements Value { }

    record Unknown(Set<String> missing, List<String> reasons) implements Value {
        public Unknown {
            // keep the order facts were asked for: Set.copyOf iterates in a per-JVM random order
            missing = Collections.unmodifiableSet(new LinkedHashSet<>(missing));
            reasons = List.copyOf(reasons);
        }

        @Override
        public Set<String> missing() {
            return missing;
        }
    }

    static Value known(Object v) {
        return new Known(v);
    }

    static Unknown missing(String fact) {
        return new Unknown(Set.of(fact), List.of());
    }

    static Unknown because(String reason) {
        return new Unknown(Set.of(), List.of(reason));
    }

    static Unknown merge(Value... vs) {
        Set<String> m = new LinkedHashSet<>();
        List<String> r = new ArrayList<>();
        for (Value v : vs) {
            if (v instanceof Unknown u) {
                m.addAll(u.missing());
                u.reasons().stream().filter(x -> !r.contains(x)).forEach(r::add);
            }
        }
        return new Unknown(m, r);
    }

    default boolean isKnown() {
        return this instanceof Known;
    }
}
