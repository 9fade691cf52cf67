package huiqi.rules.lang;

import huiqi.facts.Period;
import huiqi.rules.lang.Expr.BinaryOp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the FEEL-like expression syntax of docs/rules.md §2. Produces syntactic
 * nodes only; names are resolved by {@link Checker}.
 */
public final class Parser {
    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "and", "or", "not", "in", "for",
            "return", "true", "false", "where");
    private final List<Token> tokens;
    private int i;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses one expression; throws {@link ExprException} with the offending span. */
    public static Expr parse(String text) {
        Parser p = new Parser(Lexer.tokenize(text));
        if (p.peek().kind() == Token.Kind.EOF) {
            throw new ExprException("表达式为空", new Span(0, 0));
        }
        Expr e = p.expr();
        if (p.peek().kind() != Token.Kind.EOF) {
            throw new ExprException("多余的内容 '" + p.peek().text() + "'（是否缺少 and / or 或运算符？）", p.peek().span());
        }
        return e;
    }

    Token peek() {
        return tokens.get(i);
    }

    private Token advance() {
        return tokens.get(i++);
    }

    boolean accept(String s) {
        if (peek().is(s)) {
            i++;
            return true;
        }
        return false;
    }

    Token expect(String s, String what) {
        if (!peek().is(s)) {
            Token t = peek();
            throw new ExprException("此处应为 " + what + "，实为 " + (t.kind() == Token.Kind.EOF ? "表达式结尾" : "'" + t.text() + "'"), t.span());
        }
        return advance();
    }

    Expr expr() {
        if (peek().is("if")) {
            Token start = advance();
            Expr c = expr();
            expect("then", "then");
            Expr t = expr();
            expect("else", "else（if 必须有 else 分支）");
            Expr e = expr();
            return new Expr.If(c, t, e, Span.of(start.span(), e.span()));
        }
        return or();
    }

    private Expr or() {
        Expr left = and();
        while (accept("or")) {
            Expr right = and();
            left = new Expr.Binary(BinaryOp.OR, left, right, Span.of(left.span(), right.span()));
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (accept("and")) {
            Expr right = not();
            left = new Expr.Binary(BinaryOp.AND, left, right, Span.of(left.span(), right.span()));
        }
        return left;
    }

    private Expr not() {
        if (peek().is("not")) {
            Token t = advance();
            Expr e = not();
            return new Expr.Unary(Expr.UnaryOp.NOT, e, Span.of(t.span(), e.span()));
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = additive();
        Token t = peek();
        BinaryOp op = t.kind() != Token.Kind.OP && !t.is("in") ? null : switch (t.text()) {
            case ">=" -> BinaryOp.GE;
            case "<=" -> BinaryOp.LE;
            case ">" -> BinaryOp.GT;
            case "<" -> BinaryOp.LT;
            case "=" -> BinaryOp.EQ;
            case "!=" -> BinaryOp.NE;
            case "in" -> BinaryOp.IN;
            default -> null;
        };
        if (op == null) {
            return left;
        }
        advance();
        Expr right = additive();
        Expr cmp = new Expr.Binary(op, left, right, Span.of(left.span(), right.span()));
        Token n = peek();
        if (n.is(">=") || n.is("<=") || n.is(">") || n.is("<") || n.is("=") || n.is("!=")) {
            throw new ExprException("比较不能连写（如 a < b < c），请用 and 连接两个比较", n.span());
        }
        return cmp;
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (peek().is("+") || peek().is("-")) {
            BinaryOp op = advance().text().equals("+") ? BinaryOp.ADD : BinaryOp.SUB;
            Expr right = multiplicative();
            left = new Expr.Binary(op, left, right, Span.of(left.span(), right.span()));
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (peek().is("*") || peek().is("/")) {
            BinaryOp op = advance().text().equals("*") ? BinaryOp.MUL : BinaryOp.DIV;
            Expr right = unary();
            left = new Expr.Binary(op, left, right, Span.of(left.span(), right.span()));
        }
        return left;
    }

    private Expr unary() {
        if (peek().is("-")) {
            Token t = advance();
            Expr e = unary();
            return new Expr.Unary(Expr.UnaryOp.NEG, e, Span.of(t.span(), e.span()));
        }
        return postfix();
    }

    private Expr postfix() {
        Expr e = primary();
        while (peek().is("[") || peek().is(".")) {
            if (accept(".")) {
                Token field = advance();
                if (field.kind() != Token.Kind.IDENT || KEYWORDS.contains(field.text())) {
                    throw new ExprException(". 后应为字段名，如 l.balance", field.span());
                }
                e = new Expr.Member(e, field.text(), Span.of(e.span(), field.span()));
                continue;
            }
            advance();
            Expr index = expr();
            Token close = expect("]", "]");
            e = new Expr.Index(e, index, Span.of(e.span(), close.span()));
        }
        return e;
    }

    private Expr primary() {
        Token t = advance();
        switch (t.kind()) {
            case NUMBER:
                return (Expr.Num) t.value();
            case STRING:
                return new Expr.Text((String) t.value(), t.span());
            case DATE:
                return new Expr.DateLit((LocalDate) t.value(), t.span());
            case PERIOD:
                return new Expr.PeriodLit((Period) t.value(), t.span());
            case IDENT:
                return identifier(t);
            case OP:
                if (t.is("(")) {
                    Expr e = expr();
                    expect(")", ")");
                    return e;
                }
                if (t.is("[")) {
                    List<Expr> items = new ArrayList<>();
                    if (!peek().is("]")) {
                        do {
                            items.add(expr());
                        } while (accept(","));
                    }
                    Token close = expect("]", "] 或 ,");
                    return new Expr.ListLit(items, Span.of(t.span(), close.span()));
                }
                throw new ExprException("此处应为数值、名字或括号，实为 '" + t.text() + "'", t.span());
            default:
                throw new ExprException("表达式不完整", t.span());
        }
    }

    private Expr identifier(Token t) {
        String name = t.text();
        if (name.equals("true") || name.equals("false")) {
            return new Expr.Bool(name.equals("true"), t.span());
        }
        if (KEYWORDS.contains(name)) {
            throw new ExprException("此处不能出现关键字 '" + name + "'", t.span());
        }
        if (!peek().is("(")) {
            return new Expr.Name(name, t.span());
        }
        advance();
        if (peek().is("for")) {
            return forEach(t);
        }
        List<Expr> args = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                args.add(expr());
            } while (accept(","));
        }
        Token close = expect(")", ") 或 ,");
        return new Expr.Call(name, args, Span.of(t.span(), close.span()));
    }

    private Expr forEach(Token fn) {
        Expr.Aggregate agg = switch (fn.text()) {
            case "sum" -> Expr.Aggregate.SUM;
            case "min" -> Expr.Aggregate.MIN;
            case "max" -> Expr.Aggregate.MAX;
            default -> throw new ExprException("for … return 只能用于 sum、min、max", fn.span());
        };
        advance(); // for
        Token var = advance();
        if (var.kind() != Token.Kind.IDENT || KEYWORDS.contains(var.text())) {
            throw new ExprException("for 后应为循环变量名", var.span());
        }
        expect("in", "in");
        Token range = advance();
        if (range.kind() == Token.Kind.IDENT && !KEYWORDS.contains(range.text())) {
            return ItemLoops.parseRest(this, agg, var, range, fn);
        }
        if (range.kind() != Token.Kind.PERIOD) {
            throw new ExprException("for … in 后应为期间（如 2023-01..2023-12）或清单（如 loans）", range.span());
        }
        expect("return", "return");
        Expr body = expr();
        Token close = expect(")", ")");
        return new Expr.ForEach(agg, var.text(), (Period) range.value(), body, Span.of(fn.span(), close.span()));
    }
}
