package huiqi.web.policy;

import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Decides {@link DocumentValidity} for stored documents (their end date, else their rules'), for every page alike. */
@Component
public class PolicyValidity {
    private final PolicyStore store;
    private final PolicyRules rules;

    PolicyValidity(PolicyStore store, PolicyRules rules) {
        this.store = store;
        this.rules = rules;
    }

    public DocumentValidity of(String documentId, LocalDate effectiveUntil) {
        return DocumentValidity.of(effectiveUntil, rules.rulesValidUntil(documentId), LocalDate.now());
    }

    /** How many documents are in force today (工作台). */
    public long countInForce() {
        return store.search(new PolicyFilter("", "", "", "", "", "")).stream()
                .filter(d -> of(d.id(), d.effectiveUntil()).valid()).count();
    }
}
