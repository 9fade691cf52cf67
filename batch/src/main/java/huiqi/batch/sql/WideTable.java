package huiqi.batch.sql;

import huiqi.enterprise.ProfileField;
import huiqi.facts.AttributeType;
import huiqi.facts.IndicatorCatalog;
import huiqi.policy.Zones;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SELECTs that turn the loaded files into table {@code wide} (the caller creates the tables): one row per enterprise with the profile fields
 * (uscc, region, industry, size), typed attributes {@code a_<id>} and one column per referenced
 * (indicator, period) pair. The pivot is conditional aggregation (standard {@code FILTER}), restricted to
 * the referenced indicators, in one pass over the long-form facts.
 * <p>Sources: {@code profiles_src} (all text, columns named by id) and {@code facts_src(uscc, indicator,
 * period, value)} with value as text; values keep their written decimals, so the scale of each column is
 * measured after the pivot ({@link #scales}) and the cast is exact. The text is converted to decimals once
 * ({@link #typedPivot}); the largest value of each column is measured on those decimals ({@link #magnitudes}) and
 * the wide table narrows them to the precision they need, a cheap decimal-to-decimal cast.
 */
public final class WideTable {
    /** Number attributes are read as DECIMAL(38,6). */
    public static final int NUMBER_ATTRIBUTE_SCALE = 6;
    /** The pivot with its text converted to decimals at the measured scale (the rows of {@link #typedPivot}). */
    public static final String TYPED_PIVOT = "fact_typed";

    private WideTable() {
    }

    /** The pivot (table {@code fact_pivot}): text values, one column per needed fact. */
    public static String pivot(FactColumns facts, IndicatorCatalog catalog) {
        Set<String> indicators = new LinkedHashSet<>();
        List<String> cols = new ArrayList<>();
        for (FactColumn c : facts.needed()) {
            // facts files may name the indicator by id or by its Chinese name (as the importer accepts)
            List<String> names = new ArrayList<>(List.of(ExprCompiler.text(c.indicator())));
            catalog.indicator(c.indicator()).ifPresent(i -> names.add(ExprCompiler.text(i.name())));
            indicators.addAll(names);
            String periods = String.join(", ", c.periodTexts().stream().map(ExprCompiler::text).toList());
            cols.add("max(value) FILTER (WHERE indicator IN (" + String.join(", ", names) + ") AND period IN (" + periods
                    + ")) AS " + c.column());
        }
        if (cols.isEmpty()) {
            return "SELECT DISTINCT uscc FROM facts_src WHERE FALSE";
        }
        return "SELECT uscc,\n  " + String.join(",\n  ", cols) + "\nFROM facts_src WHERE indicator IN ("
                + String.join(", ", indicators) + ")\nGROUP BY uscc";
    }

    /**
     * What the wide table of a data directory is made of apart from the files themselves: the pivoted
     * (indicator, period) columns and the typed attributes. A cached wide table is reused only for the same layout.
     */
    public static String layout(IndicatorCatalog catalog, FactColumns facts, SqlDialect d) {
        // v2: fact columns typed DECIMAL(measured precision, scale) (fact_scales has a precision column)
        StringBuilder sb = new StringBuilder("wide v2\n").append(pivot(facts, catalog));
        for (IndicatorCatalog.Attribute a : catalog.attributes()) {
            sb.append('\n').append(a.id()).append(' ').append(typed("p." + a.id(), a.type(), d));
        }
        for (ProfileField f : ProfileField.values()) {
            sb.append('\n').append(f.importColumn()).append(' ').append(f.sqlColumn());
        }
        return sb.toString();
    }

    /** A query measuring the decimals written in each pivot column (one row, columns in needed() order). */
    public static String scales(FactColumns facts) {
        return scales(facts, SqlDialect.DUCKDB);
    }

    public static String scales(FactColumns facts, SqlDialect d) {
        List<String> cols = new ArrayList<>();
        for (FactColumn c : facts.needed()) {
            cols.add(writtenScale(c.column(), d));
        }
        return "SELECT " + (cols.isEmpty() ? "0" : String.join(", ", cols)) + " FROM fact_pivot";
    }

    /** The most decimals written in text column {@code v} (0 when none or no value). */
    private static String writtenScale(String v, SqlDialect d) {
        String dot = d.position(v, "'.'");
        return "coalesce(max(CASE WHEN " + dot + " > 0 THEN length(" + v + ") - " + dot + " ELSE 0 END), 0)";
    }

    /**
     * Profiles columns no rule can read: neither a profile field nor a catalog attribute. A profile field's rule name
     * used as header ({@code region} for {@code region_code}) is refused, because it would leave the field empty for
     * every enterprise and turn every regional rule undeterminable without a word; other columns (a budget's
     * {@code order_by} column, notes) are returned so the caller can list them.
     */
    public static List<String> unreadProfileColumns(IndicatorCatalog catalog, Set<String> present) {
        Set<String> known = new java.util.LinkedHashSet<>(List.of("uscc", "name"));
        for (ProfileField f : ProfileField.values()) {
            known.add(f.importColumn());
        }
        catalog.attributes().forEach(a -> known.add(a.id()));
        for (ProfileField f : ProfileField.values()) {
            if (present.contains(f.id()) && !known.contains(f.id())) {
                throw new IllegalArgumentException("企业档案（profiles）的列名 " + f.id() + " 应写作 " + f.importColumn()
                        + "（或中文表头 " + f.label() + "）：按现在的表头，每家企业的" + f.label() + "都会是空的");
            }
        }
        return present.stream().filter(c -> !known.contains(c)).toList();
    }

    /**
     * A query measuring the text of each pivot column (one row, two values per column in needed() order): the
     * decimals written (as {@link #scales}) and how many values there are (see {@link #typedPivot}).
     */
    public static String textMeasures(FactColumns facts, SqlDialect d) {
        List<String> cols = new ArrayList<>();
        for (FactColumn c : facts.needed()) {
            cols.add(writtenScale(c.column(), d));
            cols.add("count(" + c.column() + ")");
        }
        return "SELECT " + (cols.isEmpty() ? "0" : String.join(", ", cols)) + " FROM fact_pivot";
    }

    /**
     * The precision a column of {@code scale} is first converted to ({@link #typedPivot}): 18 digits (64-bit, half the
     * memory of 38 digits) when the scale leaves room for an integer part, else 38.
     */
    public static int firstPrecision(int scale) {
        return scale < Decimals.INT64_DIGITS ? Decimals.INT64_DIGITS : SqlDialect.PRECISION;
    }

    /**
     * Table {@link #TYPED_PIVOT}: {@code fact_pivot} with each column's text (thousands separators dropped) converted
     * once to DECIMAL(the precision {@code facts} holds, the scale measured). Below 38 digits the conversion is a
     * TRY_CAST: a value too large for it becomes NULL, which {@link #magnitudes} finds by counting (fewer values than
     * {@link #textMeasures} counted); that column is then converted again at 38 digits, where a value that is no
     * number fails the load as a cast does. Either way the values are those of a cast to DECIMAL(38, scale).
     */
    public static String typedPivot(FactColumns facts, SqlDialect d) {
        List<String> cols = new ArrayList<>(List.of("uscc"));
        for (FactColumn c : facts.needed()) {
            String cast = facts.precision(c) < SqlDialect.PRECISION ? "TRY_CAST" : "CAST";
            cols.add(cast + "(replace(" + c.column() + ", ',', '') AS " + type(facts, c, d) + ") AS " + c.column());
        }
        return "SELECT " + String.join(", ", cols) + " FROM fact_pivot";
    }

    /** DECIMAL(precision, scale) of a fact column as {@code facts} holds them (DECIMAL(38, scale) unmeasured). */
    private static String type(FactColumns facts, FactColumn c, SqlDialect d) {
        int p = facts.precision(c);
        return p >= SqlDialect.PRECISION ? d.decimal(facts.scale(c)) : d.decimal(p, facts.scale(c));
    }

    /**
     * A query measuring the largest absolute value of each column of {@link #TYPED_PIVOT} and how many values it holds
     * (one row, two values per column in needed() order; NULL for a column with no value): the wide table stores a
     * column as DECIMAL(p, s) with the p its values need, so that arithmetic proven to fit 18 digits runs on 64-bit
     * integers (see Decimals).
     */
    public static String magnitudes(FactColumns facts) {
        List<String> cols = new ArrayList<>();
        for (FactColumn c : facts.needed()) {
            cols.add("max(abs(" + c.column() + "))");
            cols.add("count(" + c.column() + ")");
        }
        return "SELECT " + (cols.isEmpty() ? "0" : String.join(", ", cols)) + " FROM " + TYPED_PIVOT;
    }

    /** The precision of a column whose largest absolute value is {@code max} (null: no value) at {@code scale}. */
    public static int precision(java.math.BigDecimal max, int scale) {
        int integerDigits = max == null ? 0 : Math.max(0, max.precision() - max.scale());
        return Decimals.fit(integerDigits, scale);
    }

    /** Table {@code wide}: profiles left-joined with {@link #TYPED_PIVOT}, every column typed, fact columns narrowed. */
    public static String wide(IndicatorCatalog catalog, FactColumns facts, Set<String> profileColumns, SqlDialect d) {
        List<String> cols = new ArrayList<>(List.of("p.uscc AS uscc"));
        for (ProfileField f : ProfileField.values()) {
            cols.add(col(profileColumns, f.importColumn(), d) + " AS " + f.sqlColumn());
        }
        for (IndicatorCatalog.Attribute a : catalog.attributes()) {
            String raw = profileColumns.contains(a.id()) ? "nullif(trim(p." + a.id() + "), '')" : "NULL";
            cols.add(typed(raw, a.type(), d) + " AS a_" + a.id());
        }
        for (FactColumn c : facts.needed()) {
            cols.add("CAST(f." + c.column() + " AS " + type(facts, c, d) + ") AS " + c.column());
        }
        return "SELECT " + String.join(",\n  ", cols)
                + "\nFROM profiles_src p LEFT JOIN " + TYPED_PIVOT + " f ON f.uscc = p.uscc";
    }

    private static String col(Set<String> present, String name, SqlDialect d) {
        return present.contains(name) ? "nullif(trim(p." + name + "), '')" : "CAST(NULL AS " + d.text() + ")";
    }

    private static String typed(String raw, AttributeType t, SqlDialect d) {
        return switch (t) {
            case BOOLEAN -> "CASE WHEN lower(" + raw + ") IN ('是', 'true', '1', 'y', 'yes') THEN TRUE WHEN lower(" + raw
                    + ") IN ('否', 'false', '0', 'n', 'no') THEN FALSE END";
            case TEXT, CODE -> raw;
            case ZONE -> zone(raw);
            case DATE -> "CAST(" + raw + " AS DATE)";
            case MONTH -> "CAST(" + raw + " || '-01' AS DATE)";
            case NUMBER -> "CAST(replace(" + raw + ", ',', '') AS " + d.decimal(NUMBER_ATTRIBUTE_SCALE) + ")";
        };
    }

    /** A zone written by its name, short name or alias, as its canonical name (as {@link Zones#attributeValue} reads it). */
    private static String zone(String raw) {
        StringBuilder sql = new StringBuilder("CASE " + raw);
        Zones.names().forEach((name, canonical) -> {
            if (!name.equals(canonical)) {
                sql.append(" WHEN ").append(ExprCompiler.text(name)).append(" THEN ").append(ExprCompiler.text(canonical));
            }
        });
        return sql.append(" ELSE ").append(raw).append(" END").toString();
    }

    /** Header names accepted for the profile fields and facts columns (ids or the Chinese names of the import). */
    public static final Map<String, String> HEADER_ALIASES = Map.ofEntries(
            Map.entry("统一社会信用代码", "uscc"), Map.entry("企业名称", "name"), Map.entry("行政区划代码", "region_code"),
            Map.entry("行业代码", "industry_code"), Map.entry("企业规模", "size"), Map.entry("来源", "source"),
            Map.entry("指标", "indicator"), Map.entry("期间", "period"), Map.entry("数值", "value"));
}
