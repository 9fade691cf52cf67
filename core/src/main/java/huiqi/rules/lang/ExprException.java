package huiqi.rules.lang;

/** A syntax, type or unit error inside one expression, located by its span; the message is Chinese. */
public final class ExprException extends RuntimeException {
    private final Span span;

    public ExprException(String message, Span span) {
        super(message);
        this.span = span;
    }

    public Span span() {
        return span;
    }
}
