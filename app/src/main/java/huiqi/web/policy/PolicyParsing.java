package huiqi.web.policy;

/** Turns an uploaded or seeded file (.txt, .docx, .pdf) into a draft; the core parser does the work. */
public interface PolicyParsing {

    /**
     * @throws UnreadableDocumentException with a message for the user when nothing could be read
     */
    DocumentDraft parse(String id, String fileName, byte[] content);

    final class UnreadableDocumentException extends RuntimeException {
        public UnreadableDocumentException(String message) {
            super(message);
        }
    }
}
