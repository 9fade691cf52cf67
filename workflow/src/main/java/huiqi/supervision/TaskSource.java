package huiqi.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What task generation needs from a parsed document, independent of where it is stored: the core parser's
 * PolicyDocument ({@link PolicyTasks}) and the web platform's stored documents both map onto it.
 */
public record TaskSource(String documentId, String docNumber, String title, LocalDate issuedOn,
                         LocalDate effectiveFrom, LocalDate effectiveUntil, List<Measure> measures) {

    public TaskSource {
        measures = List.copyOf(measures);
    }

    /** A measure with its units by role and its targets. */
    public record Measure(int number, String title, String text, List<String> leadUnits,
                          List<String> responsibleUnits, List<String> inheritedUnits, List<Target> targets) {
        public Measure {
            leadUnits = leadUnits == null ? List.of() : List.copyOf(leadUnits);
            responsibleUnits = responsibleUnits == null ? List.of() : List.copyOf(responsibleUnits);
            inheritedUnits = inheritedUnits == null ? List.of() : List.copyOf(inheritedUnits);
            targets = targets == null ? List.of() : List.copyOf(targets);
        }
    }

    /**
     * A target as the parser found it. Its deadline is read again from {@code text} by the deadline rule, so
     * that every task's deadline says where it came from.
     */
    public record Target(String text, BigDecimal quantity, String unit, String comparator) {
    }
}
