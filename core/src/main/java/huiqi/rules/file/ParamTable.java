package huiqi.rules.file;

import huiqi.rules.lang.Type;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parameter that is a table looked up by a key: bands of a number or a date ({@link Bands}), grades by exact
 * text ({@link Keys}), or per-region values by the longest matching region-code prefix ({@link Regions}).
 * Values are in base units of the parameter's unit.
 */
public sealed interface ParamTable {
    /** The type the lookup key must have. */
    Type keyType();

    /** The value for a key (BigDecimal, LocalDate or String as {@link #keyType()}), or empty if no row applies. */
    Optional<BigDecimal> lookup(Object key);

    /** Which row applied, for the explanation ("100万元以上（含）…"); empty if none. */
    Optional<String> rowText(Object key);

    /**
     * One band: values up to {@code bound} (inclusive when {@code upTo}, else strictly below it); a null bound is
     * the last, open band. Bounds are numbers in base units, or dates.
     */
    record Band(Object bound, boolean upTo, BigDecimal value, String text) { }

    /** Bands in ascending order; the last is open (bound null), so every known key falls in one. */
    record Bands(Type keyType, List<Band> bands) implements ParamTable {
        @Override
        public Optional<BigDecimal> lookup(Object key) {
            return band(key).map(Band::value);
        }

        @Override
        public Optional<String> rowText(Object key) {
            return band(key).map(Band::text);
        }

        private Optional<Band> band(Object key) {
            for (Band b : bands) {
                if (b.bound() == null) {
                    return Optional.of(b);
                }
                int c = compare(key, b.bound());
                if (b.upTo() ? c <= 0 : c < 0) {
                    return Optional.of(b);
                }
            }
            return Optional.empty();
        }

        @SuppressWarnings("unchecked")
        static int compare(Object a, Object b) {
            return ((Comparable<Object>) a).compareTo(b);
        }
    }

    /** Exact text keys (等级 3A / 4A / 5A), in file order. */
    record Keys(Map<String, BigDecimal> values) implements ParamTable {
        @Override public Type keyType() { return Type.TEXT; }

        @Override
        public Optional<BigDecimal> lookup(Object key) {
            return Optional.ofNullable(values.get((String) key));
        }

        @Override
        public Optional<String> rowText(Object key) {
            return values.containsKey((String) key) ? Optional.of(String.valueOf(key)) : Optional.empty();
        }
    }

    /** Region-code prefixes ("3501" 福州市); the longest prefix of the enterprise's code applies. */
    record Regions(Map<String, BigDecimal> values) implements ParamTable {
        @Override public Type keyType() { return Type.TEXT; }

        @Override
        public Optional<BigDecimal> lookup(Object key) {
            return prefix((String) key).map(values::get);
        }

        @Override
        public Optional<String> rowText(Object key) {
            return prefix((String) key).map(p -> "区划 " + p);
        }

        /** Prefixes longest first: the order a lookup (and its SQL CASE) tries them. */
        public List<String> longestFirst() {
            return values.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()
                    .thenComparing(Comparator.naturalOrder())).toList();
        }

        private Optional<String> prefix(String code) {
            return longestFirst().stream().filter(code::startsWith).findFirst();
        }
    }
}
