package huiqi.web.policy;

import huiqi.policy.PolicyDocument;
import huiqi.policy.PolicyParser;
import huiqi.policy.PolicyReadException;
import huiqi.policy.PolicyReader;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded or seeded file (.txt, .docx, .pdf) into a draft: the core parser (huiqi.policy) reads it
 * and the model is mapped to a {@link DocumentDraft}.
 */
@Component
public class PolicyParsing {
    private final PolicyParser parser = new PolicyParser();

    /**
     * @throws UnreadableDocumentException with a message for the user when nothing could be read
     */
    public DocumentDraft parse(String id, String fileName, byte[] content) {
        String text;
        try {
            text = PolicyReader.read(content, fileName);
        } catch (PolicyReadException e) {
            throw new UnreadableDocumentException(e.getMessage());
        }
        PolicyDocument d = parser.parse(text);
        return new DocumentDraft(id, d.docNumber(), d.issuer(), d.title(), d.issuedOn(), d.effectiveFrom(),
                d.effectiveUntil(),
                d.region() == null ? null : new DocumentDraft.Region(d.region().code(), d.region().name()),
                d.level() == null ? null : d.level().label(),
                d.chapters().stream().map(c -> new DocumentDraft.Chapter(String.valueOf(c.number()), c.title()))
                        .toList(),
                d.measures().stream().map(m -> new DocumentDraft.Measure(m.number(),
                        m.chapter() == null ? null : String.valueOf(m.chapter()), m.title(), m.text(),
                        m.leadUnits(), m.responsibleUnits(), m.inheritedUnits(),
                        m.targets().stream().map(t -> new DocumentDraft.Target(t.text(), t.quantity(), t.unit(),
                                t.comparator(), t.deadline() == null ? null : t.deadline().toString())).toList(),
                        m.amounts().stream().map(a -> new DocumentDraft.Amount(a.text(), a.value(), a.unit()))
                                .toList()))
                        .toList(),
                d.warnings(), text);
    }

    public static final class UnreadableDocumentException extends RuntimeException {
        public UnreadableDocumentException(String message) {
            super(message);
        }
    }
}
