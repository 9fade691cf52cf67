package huiqi.quantity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The units the policy documents write, mapped to base units and a scale factor: "万元" is 10^4 元,
 * "%" is 0.01 (dimensionless), "度" is 千瓦时, "元/千瓦时" is 元 per 千瓦时.
 */
public final class Units {
    public static final Unit YUAN = Unit.base("元");
    public static final Unit USD = Unit.base("美元");
    public static final Unit KWH = Unit.base("千瓦时");
    public static final Unit DAY = Unit.base("天");
    public static final Unit MONTH = Unit.base("月");

    /** A unit with the factor that converts a value written in it to base units. */
    public record Scaled(Unit unit, BigDecimal factor) {
        public BigDecimal toBase(BigDecimal v) {
            return factor.compareTo(BigDecimal.ONE) == 0 ? v : v.multiply(factor);
        }
    }

    private static final Map<String, Scaled> SIMPLE = new LinkedHashMap<>();

    static {
        put("元", YUAN, "1");
        put("美元", USD, "1");
        put("千瓦时", KWH, "1");
        put("度", KWH, "1");
        put("方", Unit.base("方"), "1");
        put("立方米", Unit.base("方"), "1");
        put("天", DAY, "1");
        put("日", DAY, "1");
        for (String s : new String[] {"人", "人次", "家", "个", "次", "项", "吨", "亩", "月", "展位", "场", "头"}) {
            put(s, Unit.base(s), "1");
        }
        put("%", Unit.NONE, "0.01");
        put("‰", Unit.NONE, "0.001");
    }

    private static void put(String name, Unit u, String factor) {
        SIMPLE.put(name, new Scaled(u, new BigDecimal(factor)));
    }

    private Units() {
    }

    /** The unit names understood, for error messages. */
    public static String known() {
        return String.join("、", SIMPLE.keySet());
    }

    /**
     * Parses a unit text: "" (dimensionless), "元", "万元", "元/千瓦时", "1000元/人" is not a unit (the
     * number belongs to the literal). Returns empty if any part is unknown.
     */
    public static Optional<Scaled> parse(String text) {
        String s = ChineseNumbers.toHalfWidth(text == null ? "" : text).trim();
        if (s.isEmpty()) {
            return Optional.of(new Scaled(Unit.NONE, BigDecimal.ONE));
        }
        String[] parts = s.split("/", -1);
        Unit unit = Unit.NONE;
        BigDecimal factor = BigDecimal.ONE;
        for (int i = 0; i < parts.length; i++) {
            Optional<Scaled> p = simple(parts[i]);
            if (p.isEmpty()) {
                return Optional.empty();
            }
            if (i == 0) {
                unit = p.get().unit();
                factor = p.get().factor();
            } else {
                unit = unit.per(p.get().unit());
                factor = factor.divide(p.get().factor(), MathContext.DECIMAL128);
            }
        }
        return Optional.of(new Scaled(unit, factor));
    }

    private static Optional<Scaled> simple(String s) {
        Scaled direct = SIMPLE.get(s);
        if (direct != null) {
            return Optional.of(direct);
        }
        // a multiplier in front of a unit: 万元, 亿元, 万千瓦时, 千元
        BigDecimal mult = null;
        if (s.startsWith("万")) {
            mult = BigDecimal.valueOf(10_000);
        } else if (s.startsWith("亿")) {
            mult = BigDecimal.valueOf(100_000_000);
        } else if (s.startsWith("千") && !s.startsWith("千瓦")) {
            mult = BigDecimal.valueOf(1_000);
        }
        if (mult != null && s.length() > 1) {
            Scaled rest = SIMPLE.get(s.substring(1));
            if (rest != null) {
                return Optional.of(new Scaled(rest.unit(), rest.factor().multiply(mult)));
            }
        }
        return Optional.empty();
    }
}
