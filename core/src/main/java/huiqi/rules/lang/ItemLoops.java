package huiqi.rules.lang;

/** Parses the rest of an item loop: {@code sum(for l in loans [where cond] return body)}, after the kind. */
final class ItemLoops {
    private ItemLoops() {
    }

    static Expr parseRest(Parser p, Expr.Aggregate agg, Token var, Token kind, Token fn) {
        Expr filter = null;
        if (p.accept("where")) {
            filter = p.expr();
        }
        p.expect("return", filter == null ? "where 或 return" : "return");
        Expr body = p.expr();
        Token close = p.expect(")", ")");
        return new Expr.ItemLoop(agg, var.text(), kind.text(), filter, body, Span.of(fn.span(), close.span()));
    }
}
