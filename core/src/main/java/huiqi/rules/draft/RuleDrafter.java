package huiqi.rules.draft;

import huiqi.facts.IndicatorCatalog;
import huiqi.policy.Measure;
import huiqi.policy.PolicyDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Proposes, for each measure of a parsed document, its category with the reason and, for computable measures, a
 * draft rule in the shape of rules.yaml: conditions mapped to the catalog's attributes and indicators (by their
 * Chinese names and {@code synonyms}), thresholds with the comparator the wording gives, periods from the text,
 * rates, per-unit amounts and caps, payer and delivery, each parameter with its verbatim quote. What it cannot
 * map becomes an {@link OpenQuestion}. Deterministic: the same text and catalog give the same drafts.
 */
public final class RuleDrafter {
    private final Vocabulary vocabulary;

    public RuleDrafter(IndicatorCatalog catalog) {
        this.vocabulary = new Vocabulary(catalog);
    }

    /** @param docId the directory name the rule file will live in (rule ids start with it) */
    public DocumentDraft draft(PolicyDocument doc, String docId) {
        int year = doc.effectiveFrom() != null ? doc.effectiveFrom().getYear()
                : doc.issuedOn() != null ? doc.issuedOn().getYear() : LocalDate.now().getYear();
        MeasureDrafter drafter = new MeasureDrafter(vocabulary, docId, year);
        List<MeasureDraft> drafts = new ArrayList<>();
        for (Measure m : doc.measures()) {
            drafts.add(drafter.draft(m));
        }
        return new DocumentDraft(docId, doc.docNumber(), doc.region() == null ? null : doc.region().code(),
                doc.effectiveFrom() != null ? doc.effectiveFrom() : doc.issuedOn(), doc.effectiveUntil(), drafts);
    }
}
