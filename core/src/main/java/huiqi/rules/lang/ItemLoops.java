package huiqi.rules.lang;

/**
 * Parses the rest of an item loop after the kind: {@code sum(for l in loans [order by key [asc|desc]] [where cond] return body)}.
 * {@code order}, {@code by}, {@code asc} and {@code desc} are words only here, so they stay usable as names elsewhere.
 */
final class ItemLoops {
    private ItemLoops() {
    }

    static Expr parseRest(Parser p, Expr.Aggregate agg, Token var, Token kind, Token fn) {
        Expr.Order order = null;
        if (p.accept("order")) {
            p.expect("by", "by（写法：order by " + var.text() + ".字段 desc）");
            Expr key = p.expr();
            boolean descending = false;
            if (p.accept("desc")) {
                descending = true;
            } else {
                p.accept("asc");
            }
            order = new Expr.Order(key, descending);
        }
        Expr filter = null;
        if (p.accept("where")) {
            filter = p.expr();
        }
        p.expect("return", filter == null ? (order == null ? "order by、where 或 return" : "where 或 return") : "return");
        Expr body = p.expr();
        Token close = p.expect(")", ")");
        return new Expr.ItemLoop(agg, var.text(), kind.text(), filter, body, Span.of(fn.span(), close.span()), order);
    }
}
