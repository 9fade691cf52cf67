package huiqi.enterprise;

import java.util.List;

/** Everything one import brings in, already validated; a store applies it all or nothing. */
public record ImportBatch(List<ImportedProfile> profiles, List<ImportedFact> facts) {
    public ImportBatch {
        profiles = List.copyOf(profiles);
        facts = List.copyOf(facts);
    }
}
