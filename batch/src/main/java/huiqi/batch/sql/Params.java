package huiqi.batch.sql;

import huiqi.rules.file.Parameter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Parameter values as the compiler inlines them (SQL literals), with what-if overrides by full name
 * ("fz-2024-2/7.rate") replacing the dated values of a parameter for every date.
 */
public final class Params {
    private final Map<String, Parameter> declared;
    private final Map<String, BigDecimal> overrides;

    public Params(Map<String, Parameter> declared, Map<String, BigDecimal> overrides) {
        this.declared = Map.copyOf(declared);
        this.overrides = Map.copyOf(overrides);
        for (String name : overrides.keySet()) {
            if (!declared.containsKey(name)) {
                throw new IllegalArgumentException("未知参数 '" + name + "'（参数全名形如 fz-2024-2/7.rate）");
            }
        }
    }

    /**
     * The declared parameters with a what-if overlay; rejects an unknown name or a unit other than the
     * parameter's (as the interpreter does).
     */
    public static Params of(Map<String, Parameter> declared, huiqi.rules.eval.Overrides overrides) {
        Map<String, BigDecimal> values = new HashMap<>();
        overrides.values().forEach((name, o) -> {
            Parameter p = declared.get(name);
            if (p == null) {
                throw new IllegalArgumentException("试算覆盖了未知参数 '" + name + "'（参数全名形如 fz-2024-2/7.rate）");
            }
            if (p.table() != null || p.isDate()) {
                throw new IllegalArgumentException("试算覆盖参数 " + name + "：查表参数和日期参数不能覆盖");
            }
            if (!p.unit().equals(o.unit())) {
                throw new IllegalArgumentException("试算覆盖参数 " + name + " 的单位应为 " + p.unit().describe() + "，实为 "
                        + o.unit().describe());
            }
            values.put(name, o.value());
        });
        return new Params(declared, values);
    }

    /** Dated values in base units, overrides applied. */
    public NavigableMap<LocalDate, BigDecimal> values(String qualifiedName) {
        BigDecimal o = overrides.get(qualifiedName);
        if (o != null) {
            TreeMap<LocalDate, BigDecimal> m = new TreeMap<>();
            m.put(LocalDate.MIN, o);
            return m;
        }
        Parameter p = declared.get(qualifiedName);
        if (p == null) {
            throw new IllegalArgumentException("未知参数 '" + qualifiedName + "'");
        }
        return p.values();
    }

    /** The parameter as declared (its kind: quantity, date, table, unpublished). */
    public Parameter declared(String qualifiedName) {
        Parameter p = declared.get(qualifiedName);
        if (p == null) {
            throw new IllegalArgumentException("未知参数 '" + qualifiedName + "'");
        }
        return p;
    }

    /** True when a what-if value replaces the declared one (also for a parameter not yet published). */
    public boolean overridden(String qualifiedName) {
        return overrides.containsKey(qualifiedName);
    }

    /**
     * The value in force on {@code date} (null date = the earliest value); null if not yet in force or not
     * published (unknown).
     */
    public BigDecimal at(String qualifiedName, LocalDate date) {
        NavigableMap<LocalDate, BigDecimal> v = values(qualifiedName);
        if (v.isEmpty()) {
            return null;
        }
        if (date == null) {
            return v.firstEntry().getValue();
        }
        Map.Entry<LocalDate, BigDecimal> e = v.floorEntry(date);
        return e == null ? null : e.getValue();
    }

    public Map<String, BigDecimal> overrides() {
        return overrides;
    }
}
