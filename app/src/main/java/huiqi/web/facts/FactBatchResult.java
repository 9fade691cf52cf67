package huiqi.web.facts;

import java.time.OffsetDateTime;

/**
 * What an applied batch did ({@code lists}: how many item lists it replaced). A replay of the same batch returns the same figures with
 * {@code alreadyApplied = true}.
 */
public record FactBatchResult(String batchId, String source, int facts, int lists, int enterprises, int replaced,
                              String submittedBy, OffsetDateTime appliedAt, boolean alreadyApplied, String message) {

    FactBatchResult replayed() {
        return new FactBatchResult(batchId, source, facts, lists, enterprises, replaced, submittedBy, appliedAt, true,
                "该批次已于 " + appliedAt + " 入库，本次未做任何更改");
    }
}
