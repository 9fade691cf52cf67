package huiqi.rules.file;

import huiqi.facts.IndicatorCatalog;
import huiqi.rules.lang.Checker;
import huiqi.rules.lang.Expr;
import huiqi.rules.lang.ExprException;
import huiqi.rules.lang.Names;
import huiqi.rules.lang.Parser;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Parses and type-checks expressions and literal quantities written in YAML scalars; errors point inside the scalar. */
final class Expressions {
    private final YamlDoc doc;
    private final IndicatorCatalog catalog;

    Expressions(YamlDoc doc, IndicatorCatalog catalog) {
        this.doc = doc;
        this.catalog = catalog;
    }

    /** A literal quantity such as 0.02元/千瓦时, 50%, -3万元. */
    Expr.Num quantity(ScalarNode s) {
        Expr e;
        try {
            e = Parser.parse(s.getValue());
        } catch (ExprException ex) {
            throw new YamlDoc.Problem(doc.pos(s, ex.span().start()), ex.getMessage());
        }
        if (e instanceof Expr.Num n) {
            return n;
        }
        if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEG && u.operand() instanceof Expr.Num n) {
            return new Expr.Num(n.value().negate(), n.unit(), u.span());
        }
        throw doc.problem(s, "应为一个数值（可带单位，如 0.02元/千瓦时、30万元、50%），实为 '" + s.getValue() + "'");
    }

    /** The checked expression of a node, or null if the node is absent. */
    Checker.Checked check(Node n, Names names, String what) {
        if (n == null) {
            return null;
        }
        ScalarNode s = doc.scalar(n, what);
        try {
            return Checker.check(Parser.parse(s.getValue()), catalog, names);
        } catch (ExprException e) {
            throw new YamlDoc.Problem(doc.pos(s, e.span().start()), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new YamlDoc.Problem(doc.pos(s), e.getMessage());
        }
    }
}
