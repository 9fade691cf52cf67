package huiqi.rules.draft;

import java.time.LocalDate;
import java.util.List;

/**
 * Drafts for every measure of one document, with what the file level of rules.yaml needs: the doc-id (directory
 * name), 文号, region code, validity (either end may be null when the text does not state it).
 */
public record DocumentDraft(String docId, String docNumber, String regionCode, LocalDate validFrom, LocalDate validUntil,
                            List<MeasureDraft> measures) {

    public DocumentDraft {
        measures = List.copyOf(measures);
    }

    public int openQuestions() {
        return measures.stream().mapToInt(m -> m.questions().size()).sum();
    }
}
