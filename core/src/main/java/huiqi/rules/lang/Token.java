package huiqi.rules.lang;

/** A lexical token; {@code value} holds the decoded literal (Expr.Num, String, LocalDate or Period). */
record Token(Kind kind, String text, Object value, Span span) {
    enum Kind { NUMBER, STRING, IDENT, DATE, PERIOD, OP, EOF }

    boolean is(String s) {
        return (kind == Kind.OP || kind == Kind.IDENT) && text.equals(s);
    }
}
