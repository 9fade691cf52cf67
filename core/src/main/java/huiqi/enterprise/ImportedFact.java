package huiqi.enterprise;

import huiqi.facts.FactValue;
import java.util.Objects;

/** One validated fact row: the enterprise it belongs to and the value with its provenance. */
public record ImportedFact(String uscc, FactValue value) {
    public ImportedFact {
        Objects.requireNonNull(uscc, "uscc");
        Objects.requireNonNull(value, "value");
    }
}
