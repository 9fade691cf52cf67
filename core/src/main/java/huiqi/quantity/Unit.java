package huiqi.quantity;

import java.util.Collections;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * A physical or monetary unit as a product of base units with integer exponents: 元, 千瓦时, 元/千瓦时,
 * 千瓦时/天. The empty product is the dimensionless unit ({@link #NONE}). Scale factors (万元, %) are not
 * part of a unit: values are always held in base units, see {@link Units}.
 */
public record Unit(Map<String, Integer> dims) {
    public static final Unit NONE = new Unit(Map.of());

    public Unit {
        TreeMap<String, Integer> m = new TreeMap<>();
        dims.forEach((k, v) -> {
            if (v != 0) {
                m.put(k, v);
            }
        });
        dims = Collections.unmodifiableMap(m);
    }

    public static Unit base(String name) {
        return new Unit(Map.of(name, 1));
    }

    public Unit times(Unit other) {
        TreeMap<String, Integer> m = new TreeMap<>(dims);
        other.dims.forEach((k, v) -> m.merge(k, v, Integer::sum));
        return new Unit(m);
    }

    public Unit per(Unit other) {
        TreeMap<String, Integer> m = new TreeMap<>(dims);
        other.dims.forEach((k, v) -> m.merge(k, -v, Integer::sum));
        return new Unit(m);
    }

    public boolean isNone() {
        return dims.isEmpty();
    }

    /** True for a plain currency: 元 or 美元. */
    public boolean isMoney() {
        return this.equals(Units.YUAN) || this.equals(Units.USD);
    }

    /** ISO currency code of a money unit (CNY, USD). */
    public String currency() {
        if (equals(Units.YUAN)) {
            return "CNY";
        }
        if (equals(Units.USD)) {
            return "USD";
        }
        throw new IllegalStateException("不是货币单位: " + this);
    }

    /** As written in rules: "元/千瓦时", "千瓦时", "" for dimensionless. */
    @Override
    public String toString() {
        StringJoiner num = new StringJoiner("·");
        StringJoiner den = new StringJoiner("·");
        dims.forEach((k, v) -> {
            String s = Math.abs(v) == 1 ? k : k + "^" + Math.abs(v);
            (v > 0 ? num : den).add(s);
        });
        String n = num.toString();
        String d = den.toString();
        if (d.isEmpty()) {
            return n;
        }
        return (n.isEmpty() ? "1" : n) + "/" + d;
    }

    /** Name for messages: "无量纲" for the dimensionless unit. */
    public String describe() {
        return isNone() ? "无量纲" : toString();
    }
}
