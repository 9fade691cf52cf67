package huiqi.enterprise;

import huiqi.facts.Provenance;
import java.util.Map;
import java.util.Objects;

/**
 * One validated profile row. A null field (or an attribute not in the map) was not supplied by the file and
 * leaves what is stored unchanged; supplied fields replace the stored ones and carry this row's provenance.
 */
public record ImportedProfile(String uscc, String name, String regionCode, String industryCode, String size,
                              Map<String, Object> attributes, Provenance provenance) {
    public ImportedProfile {
        Objects.requireNonNull(uscc, "uscc");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
