package huiqi.web.rules;

import huiqi.rules.file.Payer;
import huiqi.web.policy.DocumentDraft;
import huiqi.web.policy.PolicyRules;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The rules of a document's measures from its rules.yaml, for the measure cards and the highlighted text. */
@Component
class CorePolicyRules implements PolicyRules {
    private final RuleBook book;

    CorePolicyRules(RuleBook book) {
        this.book = book;
    }

    @Override
    public List<RuleView> rulesOf(DocumentDraft document) {
        return book.fileOf(document.id()).map(f -> f.rules().stream()
                        .map(r -> new RuleView(r.id(), r.measure(), r.title(), r.quote(), r.kind().label(),
                                r.delivery().label(),
                                r.payers().stream().map(Payer::label).collect(Collectors.joining("、")),
                                book.definition(r)))
                        .toList())
                .orElse(List.of());
    }

    @Override
    public Optional<LocalDate> rulesValidUntil(String documentId) {
        return book.fileOf(documentId).flatMap(f -> f.rules().isEmpty()
                || f.rules().stream().anyMatch(r -> r.valid() == null || r.valid().lastDay() == null)
                ? Optional.empty()
                : f.rules().stream().map(r -> r.valid().lastDay()).max(LocalDate::compareTo));
    }
}
