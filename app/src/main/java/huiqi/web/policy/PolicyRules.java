package huiqi.web.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The encoded rules of a document's measures, for display. Implemented in huiqi.web.rules from the rule book
 * (CorePolicyRules): the policy pages see only this, so web.policy never depends on web.rules, which depends on it.
 */
public interface PolicyRules {

    List<RuleView> rulesOf(DocumentDraft document);

    /** The last day the document's encoded rules apply, when every one of them states a validity. */
    default Optional<LocalDate> rulesValidUntil(String documentId) {
        return Optional.empty();
    }

    /** One rule as shown on a measure card: id, measure number, title, quoted clause and its definition. */
    record RuleView(String id, int measure, String title, String quote, String kind, String delivery, String payer,
                    String definition) {
    }
}
