package huiqi.enterprise;

import java.util.Collections;
import java.util.List;

/** Everything one import brings in, already validated; a store applies it all or nothing. */
public record ImportBatch(List<ImportedProfile> profiles, List<ImportedFact> facts, List<ImportedItems> items) {
    public ImportBatch {
        // wrapped, not copied: a batch of millions of facts should not exist twice in memory
        profiles = Collections.unmodifiableList(profiles);
        facts = Collections.unmodifiableList(facts);
        items = Collections.unmodifiableList(items);
    }

    /** A batch without items (lists of loans, leases…). */
    public ImportBatch(List<ImportedProfile> profiles, List<ImportedFact> facts) {
        this(profiles, facts, List.of());
    }
}
