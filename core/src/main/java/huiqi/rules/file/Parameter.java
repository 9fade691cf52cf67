package huiqi.rules.file;

import huiqi.quantity.Unit;
import huiqi.rules.lang.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.NavigableMap;

/**
 * A named, dated parameter (OpenFisca style): values in base units of {@code unit}, each in force from its
 * date. {@code qualifiedName} ("fz-2024-2/7.rate") is what what-if overrides use.
 * <p>
 * Besides a quantity it may be a date ({@code type} 日期, {@code date}: an event such as 一级响应结束), a table
 * looked up by a key ({@code table}: bands, grades, regions; {@code values} then empty), or not yet published
 * ({@code pending} holds why; {@code values} empty, {@code date} null): every rule reading it is undeterminable.
 */
public record Parameter(String qualifiedName, String name, Unit unit, NavigableMap<LocalDate, BigDecimal> values,
                        String source, String label, SourcePos pos, Type type, String pending, ParamTable table,
                        LocalDate date) {

    /** A published quantity with dated values. */
    public Parameter(String qualifiedName, String name, Unit unit, NavigableMap<LocalDate, BigDecimal> values,
                     String source, String label, SourcePos pos) {
        this(qualifiedName, name, unit, values, source, label, pos, Type.num(unit), null, null, null);
    }

    public boolean isPending() {
        return pending != null;
    }

    public boolean isDate() {
        return type instanceof Type.Date;
    }

    /** Its label, else its name: how explanations name it. */
    public String displayName() {
        return label != null ? label : name;
    }

    /** The undeterminable reason while unpublished ("待定：一级响应结束日期未公布"), else null. */
    public String pendingReason() {
        return pending;
    }
}
