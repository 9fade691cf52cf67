package huiqi.rules.lang;

import huiqi.facts.Period;
import huiqi.quantity.Unit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The AST of rule expressions, shared by the parser, the type checker, the interpreter and the SQL
 * compiler. {@link Parser} produces the syntactic nodes (including {@link Name}, {@link Index} and
 * {@link Call}); {@link Checker} replaces those by the resolved nodes ({@link AttributeRef},
 * {@link IndicatorRef}, {@link ParamRef}, {@link LetRef}, {@link LoopVar}, {@link RuleRef}, {@link Fn}),
 * so a checked tree never contains Name, Index or Call. Numbers are held in base units (万元 → 元).
 */
public sealed interface Expr {
    Span span();

    // ---- literals
    /** A number in base units of {@code unit} ("50万千瓦时" → 500000, 千瓦时; "5%" → 0.05, dimensionless). */
    record Num(BigDecimal value, Unit unit, Span span) implements Expr { }

    record Bool(boolean value, Span span) implements Expr { }

    record Text(String value, Span span) implements Expr { }

    record DateLit(LocalDate value, Span span) implements Expr { }

    record PeriodLit(Period value, Span span) implements Expr { }

    record ListLit(List<Expr> items, Span span) implements Expr { }

    // ---- syntactic nodes, replaced by the checker
    record Name(String name, Span span) implements Expr { }

    /** {@code target[index]}: an indicator for a period, or a parameter at a date. */
    record Index(Expr target, Expr index, Span span) implements Expr { }

    record Call(String function, List<Expr> args, Span span) implements Expr { }

    // ---- operators
    enum UnaryOp { NEG, NOT }

    record Unary(UnaryOp op, Expr operand, Span span) implements Expr { }

    enum BinaryOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"),
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
        AND("and"), OR("or"), IN("in");

        public final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        public boolean isComparison() {
            return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
        }

        public boolean isArithmetic() {
            return this == ADD || this == SUB || this == MUL || this == DIV;
        }
    }

    record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr { }

    record If(Expr condition, Expr then, Expr otherwise, Span span) implements Expr { }

    enum Aggregate { SUM, MIN, MAX }

    /** FEEL {@code sum(for m in 2023-01..2023-12 return body)}: body evaluated for every month of range. */
    record ForEach(Aggregate aggregate, String variable, Period range, Expr body, Span span) implements Expr { }

    /**
     * {@code sum(for l in loans where l.start >= 2020-02-01 return …)}: body evaluated for every listed item of a
     * kind that passes the (optional, nullable) filter; see {@link ItemField}. Checked trees keep this node.
     */
    record ItemLoop(Aggregate aggregate, String variable, String kind, Expr filter, Expr body, Span span, Order order) implements Expr {
        /** An unordered loop. */
        public ItemLoop(Aggregate aggregate, String variable, String kind, Expr filter, Expr body, Span span) {
            this(aggregate, variable, kind, filter, body, span, null);
        }
    }

    /**
     * {@code order by l.start desc}: the items of an {@link ItemLoop} are visited in the order of {@code key} (a date or a
     * number of the item), ties broken by item id in the same direction, so every engine visits them alike.
     */
    record Order(Expr key, boolean descending) { }

    /**
     * {@code sum_before(l.amount)} inside an ordered {@link ItemLoop} of {@code variable}: the sum of {@code arg} over the
     * counted items before the current one in the loop's order (0 for the first); each term settled to the fen.
     */
    record RunningSum(String variable, Expr arg, Span span) implements Expr { }

    /** Syntactic {@code target.field}, replaced by the checker with an {@link ItemField}. */
    record Member(Expr target, String field, Span span) implements Expr { }

    /** A field of the item bound by the enclosing {@link ItemLoop} of {@code variable}. */
    record ItemField(String variable, String kind, String field, Span span) implements Expr { }

    // ---- resolved references (checker output)
    /** A profile field (region, industry, size) or an attribute from indicators.yaml. */
    record AttributeRef(String id, Span span) implements Expr { }

    /** Where an indicator is read: a fixed period, or the month bound by an enclosing {@link ForEach}. */
    sealed interface PeriodRef permits Fixed, Var { }

    record Fixed(Period period) implements PeriodRef {
        @Override public String toString() { return period.toString(); }
    }

    record Var(String variable) implements PeriodRef {
        @Override public String toString() { return variable; }
    }

    /**
     * An indicator value for a period; periods coarser than the indicator's granularity are sums (never for a stock:
     * the checker refuses that, see {@link StockReads}).
     */
    record IndicatorRef(String id, PeriodRef period, Span span) implements Expr { }

    /** A parameter by its full name ("fz-2024-2/7.rate"); {@code at} (nullable) a Date or Period to read it at. */
    record ParamRef(String qualifiedName, Expr at, Span span) implements Expr { }

    /** A named intermediate value of the same rule. */
    record LetRef(String name, Span span) implements Expr { }

    /** The month variable of an enclosing {@link ForEach}, used as a value (a period). */
    record LoopVar(String name, Span span) implements Expr { }

    enum RuleField { GRANTED, ELIGIBLE }

    /** Another rule's final amount ({@code granted("id")}) or eligibility ({@code eligible("id")}). */
    record RuleRef(String ruleId, RuleField field, Span span) implements Expr { }

    /**
     * Built-ins. The checker also writes date arithmetic as functions: {@code date ± N天} is ADD_DAYS(date, ±N),
     * {@code date ± N月} is ADD_MONTHS(date, ±N), {@code a − b} of two dates is DAYS_BETWEEN(b, a).
     */
    enum Function { MIN, MAX, SUM, ABS, YOY_INCREASE, YOY_GROWTH, DAILY_AVG, DAYS, STARTS_WITH, KNOWN, ADD_DAYS, ADD_MONTHS,
        DAYS_BETWEEN,
        /** {@code months(d1, d2)}: months of rent due from d1 (inclusive) to d2 (exclusive), a started month counting whole; 0 when d2 ≤ d1. */
        MONTHS_BETWEEN,
        /** {@code avg(x[P])}: the mean of the indicator's reporting periods inside P (every one must be known). */
        AVG,
        /** {@code known(loans)}: the enterprise gave its list of this kind (possibly empty); the argument is the kind as Text. */
        ITEMS_GIVEN }

    /** A built-in function applied to checked arguments. */
    record Fn(Function function, List<Expr> args, Span span) implements Expr { }
}
