package huiqi.rules.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Generic traversal helpers over the sealed {@link Expr} hierarchy. */
public final class Exprs {
    private Exprs() {
    }

    /** Direct children of a node, left to right. */
    public static List<Expr> children(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Expr.ListLit l) {
            out.addAll(l.items());
        } else if (e instanceof Expr.Index ix) {
            out.add(ix.target());
            out.add(ix.index());
        } else if (e instanceof Expr.Call c) {
            out.addAll(c.args());
        } else if (e instanceof Expr.Unary u) {
            out.add(u.operand());
        } else if (e instanceof Expr.Binary b) {
            out.add(b.left());
            out.add(b.right());
        } else if (e instanceof Expr.If f) {
            out.add(f.condition());
            out.add(f.then());
            out.add(f.otherwise());
        } else if (e instanceof Expr.ForEach f) {
            out.add(f.body());
        } else if (e instanceof Expr.ItemLoop l) {
            if (l.order() != null) {
                out.add(l.order().key());
            }
            if (l.filter() != null) {
                out.add(l.filter());
            }
            out.add(l.body());
        } else if (e instanceof Expr.RunningSum r) {
            out.add(r.arg());
        } else if (e instanceof Expr.Member m) {
            out.add(m.target());
        } else if (e instanceof Expr.ParamRef p && p.at() != null) {
            out.add(p.at());
        } else if (e instanceof Expr.Fn f) {
            out.addAll(f.args());
        }
        return out;
    }

    /** Visits every node, parents before children. */
    public static void walk(Expr e, Consumer<Expr> visitor) {
        visitor.accept(e);
        for (Expr c : children(e)) {
            walk(c, visitor);
        }
    }
}
