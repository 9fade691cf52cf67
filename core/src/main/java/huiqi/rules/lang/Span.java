package huiqi.rules.lang;

/** Character offsets [start, end) of a node inside the text of one expression. */
public record Span(int start, int end) {
    public static Span of(Span a, Span b) {
        return new Span(Math.min(a.start, b.start), Math.max(a.end, b.end));
    }
}
