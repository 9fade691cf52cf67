package huiqi.web.rulesets;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One stored version of a policy's rule set: its YAML text byte for byte, its state and who did what when. */
public record RuleSetVersion(long id, String policyId, int version, RuleSetState state, String yaml, Integer basedOn,
                             List<String> authors, String author, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                             OffsetDateTime submittedAt, LocalDate requestedFrom, String reviewer,
                             OffsetDateTime reviewedAt, String reviewComment, LocalDate effectiveFrom,
                             OffsetDateTime publishedAt, Integer supersededBy, int lockVersion) {

    public String stateLabel() {
        return state.label();
    }

    public boolean wasPublished() {
        return publishedAt != null;
    }
}
