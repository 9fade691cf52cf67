package huiqi.rules.file;

import huiqi.quantity.Unit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.NavigableMap;

/**
 * A named, dated parameter (OpenFisca style): values in base units of {@code unit}, each in force from its
 * date. {@code qualifiedName} ("fz-2024-2/7.rate") is what what-if overrides use.
 */
public record Parameter(String qualifiedName, String name, Unit unit, NavigableMap<LocalDate, BigDecimal> values,
                        String source, String label, SourcePos pos) {
}
