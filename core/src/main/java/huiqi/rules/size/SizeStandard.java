package huiqi.rules.size;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 《中小企业划型标准规定》（工信部联企业〔2011〕300号）, as a built-in versioned table: for each of its 16 industry
 * rows the measures it uses (从业人员, 营业收入, 资产总额) and, per measure, the bound of 中小微 (below it, on any
 * measure, an enterprise is small-medium-micro: "以下" excludes the bound), of 中型 and of 小型 (both reached on every
 * measure: "及以上" includes it); below 小型 on any measure is 微型. Industries by GB/T 4754-2011 code prefix.
 */
public final class SizeStandard {
    public static final String SOURCE = "工信部联企业〔2011〕300号《中小企业划型标准规定》";
    public static final String VERSION = "2011";

    /** The figures the standard reads, each for the year before the evaluation date. */
    public enum Measure {
        EMPLOYEES("employees", "从业人员"), REVENUE("revenue", "营业收入"), ASSETS("total_assets", "资产总额");

        /** The indicator (indicators.yaml) holding the figure. */
        public final String indicator;
        public final String label;

        Measure(String indicator, String label) {
            this.indicator = indicator;
            this.label = label;
        }
    }

    /** Bounds of one measure: 中小微 below {@code upper}; 中型 from {@code medium}; 小型 from {@code small} (base units). */
    public record Bounds(Measure measure, BigDecimal upper, BigDecimal medium, BigDecimal small) { }

    /** One industry row of the standard: its number and name there, its code prefixes, its bounds. */
    public record Row(int number, String name, List<String> prefixes, List<Bounds> bounds) { }

    private static final BigDecimal WAN = new BigDecimal("10000");

    private static Bounds people(int upper, int medium, int small) {
        return new Bounds(Measure.EMPLOYEES, BigDecimal.valueOf(upper), BigDecimal.valueOf(medium), BigDecimal.valueOf(small));
    }

    private static Bounds revenue(int upperWan, int mediumWan, int smallWan) {
        return new Bounds(Measure.REVENUE, WAN.multiply(BigDecimal.valueOf(upperWan)), WAN.multiply(BigDecimal.valueOf(mediumWan)),
                WAN.multiply(BigDecimal.valueOf(smallWan)));
    }

    private static Bounds assets(int upperWan, int mediumWan, int smallWan) {
        return new Bounds(Measure.ASSETS, WAN.multiply(BigDecimal.valueOf(upperWan)), WAN.multiply(BigDecimal.valueOf(mediumWan)),
                WAN.multiply(BigDecimal.valueOf(smallWan)));
    }

    /** The 16 rows in the order of 第四条 (一)–(十六). */
    public static final List<Row> ROWS = List.of(
            new Row(1, "农、林、牧、渔业", List.of("A"), List.of(revenue(20000, 500, 50))),
            new Row(2, "工业", List.of("B", "C", "D"), List.of(people(1000, 300, 20), revenue(40000, 2000, 300))),
            new Row(3, "建筑业", List.of("E"), List.of(revenue(80000, 6000, 300), assets(80000, 5000, 300))),
            new Row(4, "批发业", List.of("F51"), List.of(people(200, 20, 5), revenue(40000, 5000, 1000))),
            new Row(5, "零售业", List.of("F52"), List.of(people(300, 50, 10), revenue(20000, 500, 100))),
            new Row(6, "交通运输业（不含铁路运输业）", List.of("G54", "G55", "G56", "G57", "G58"),
                    List.of(people(1000, 300, 20), revenue(30000, 3000, 200))),
            new Row(7, "仓储业", List.of("G59"), List.of(people(200, 100, 20), revenue(30000, 1000, 100))),
            new Row(8, "邮政业", List.of("G60"), List.of(people(1000, 300, 20), revenue(30000, 2000, 100))),
            new Row(9, "住宿业", List.of("H61"), List.of(people(300, 100, 10), revenue(10000, 2000, 100))),
            new Row(10, "餐饮业", List.of("H62"), List.of(people(300, 100, 10), revenue(10000, 2000, 100))),
            new Row(11, "信息传输业", List.of("I63", "I64"), List.of(people(2000, 100, 10), revenue(100000, 1000, 100))),
            new Row(12, "软件和信息技术服务业", List.of("I65"), List.of(people(300, 100, 10), revenue(10000, 1000, 50))),
            new Row(13, "房地产开发经营", List.of("K7010"), List.of(revenue(200000, 1000, 100), assets(10000, 5000, 2000))),
            new Row(14, "物业管理", List.of("K7020"), List.of(people(1000, 300, 100), revenue(5000, 1000, 500))),
            new Row(15, "租赁和商务服务业", List.of("L"), List.of(people(300, 100, 10), assets(120000, 8000, 100))),
            new Row(16, "其他未列明行业", List.of(), List.of(people(300, 100, 10))));

    /**
     * Outside the standard: 金融业 (its own standard), 铁路运输, 公共管理和社会组织, 国际组织, and 自有房地产经营活动 (K7040),
     * which the scope note of 其他未列明行业 excludes (统计上大中小微型企业划分办法: "不包括自有房地产经营活动").
     */
    public static final List<String> OUTSIDE = List.of("J", "G53", "S", "T", "K7040");

    private SizeStandard() {
    }

    /**
     * The row for an industry code ("C3311", "F5211"): the longest matching prefix of rows (一)–(十五), else
     * (十六) 其他未列明行业. Empty when the code is outside the standard (金融业, 铁路运输, 公共管理 …) or too short to
     * tell (a bare "F" may be 批发 or 零售).
     */
    public static Optional<Row> row(String industryCode) {
        String code = industryCode.trim().toUpperCase(java.util.Locale.ROOT);
        if (code.isEmpty() || OUTSIDE.stream().anyMatch(code::startsWith)) {
            return Optional.empty();
        }
        Row best = null;
        int length = 0;
        for (Row r : ROWS) {
            for (String p : r.prefixes()) {
                if (p.length() > code.length() && p.startsWith(code)) {
                    return Optional.empty(); // too coarse: the code could be this row or another
                }
                if (code.startsWith(p) && p.length() > length) {
                    best = r;
                    length = p.length();
                }
            }
        }
        return Optional.of(best != null ? best : ROWS.get(ROWS.size() - 1));
    }

    /** Why an industry code has no row, in the user's words. */
    public static String noRow(String industryCode) {
        return "行业代码 " + industryCode + " 不在" + SOURCE + "的行业范围内（或代码不够细，无法分辨行业），无法按标准划型";
    }

    /**
     * The size by the row's bounds, three-valued: each figure may be null (unknown). Empty when the known figures
     * do not decide it (then {@link #needed} lists what is missing).
     */
    public static Optional<String> classify(Row row, Map<Measure, BigDecimal> figures) {
        Boolean large = all(row, figures, Tier.UPPER);
        if (large == null) {
            return Optional.empty();
        }
        if (large) {
            return Optional.of("大型");
        }
        Boolean medium = all(row, figures, Tier.MEDIUM);
        if (medium == null) {
            return Optional.empty();
        }
        if (medium) {
            return Optional.of("中型");
        }
        Boolean small = all(row, figures, Tier.SMALL);
        if (small == null) {
            return Optional.empty();
        }
        return Optional.of(small ? "小型" : "微型");
    }

    /** The measures of the row whose figure is missing. */
    public static List<Measure> needed(Row row, Map<Measure, BigDecimal> figures) {
        List<Measure> out = new ArrayList<>();
        for (Bounds b : row.bounds()) {
            if (figures.get(b.measure()) == null) {
                out.add(b.measure());
            }
        }
        return out;
    }

    enum Tier { UPPER, MEDIUM, SMALL }

    static BigDecimal bound(Bounds b, Tier t) {
        return switch (t) {
            case UPPER -> b.upper();
            case MEDIUM -> b.medium();
            case SMALL -> b.small();
        };
    }

    /** Every measure of the row at or above its bound of the tier (Kleene and: any false decides). */
    private static Boolean all(Row row, Map<Measure, BigDecimal> figures, Tier tier) {
        boolean unknown = false;
        for (Bounds b : row.bounds()) {
            BigDecimal v = figures.get(b.measure());
            if (v == null) {
                unknown = true;
            } else if (v.compareTo(bound(b, tier)) < 0) {
                return false;
            }
        }
        return unknown ? null : true;
    }
}
