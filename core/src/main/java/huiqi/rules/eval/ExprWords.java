package huiqi.rules.eval;

import huiqi.rules.lang.Expr;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An expression in the words of its labels, for explanations an enterprise reads: "feb_kwh * rate" becomes
 * "2月用电量 × 用电奖励标准", "sum(for m in …)" becomes "2023-01至2023-12各月 月销售额 之和". Names, parameters,
 * indicators and rules are given by {@code leaf} (their Chinese labels).
 */
final class ExprWords {
    private final Function<Expr, String> leaf;
    private final Function<Expr, String> other;

    /** {@code leaf} names references; {@code other} words a node this class does not know (never calls back here). */
    ExprWords(Function<Expr, String> leaf, Function<Expr, String> other) {
        this.leaf = leaf;
        this.other = other;
    }

    String of(Expr e) {
        if (e instanceof Expr.Num n) {
            return Display.number(n.value(), n.unit());
        } else if (e instanceof Expr.Bool b) {
            return b.value() ? "是" : "否";
        } else if (e instanceof Expr.Text t) {
            return t.value();
        } else if (e instanceof Expr.DateLit d) {
            return d.value().toString();
        } else if (e instanceof Expr.PeriodLit p) {
            return Display.period(p.value());
        } else if (e instanceof Expr.ListLit l) {
            return l.items().stream().map(this::of).collect(Collectors.joining("、", "（", "）"));
        } else if (e instanceof Expr.LoopVar) {
            return "当月";
        } else if (e instanceof Expr.Unary u) {
            return u.op() == Expr.UnaryOp.NOT ? "并非" + wrapped(u.operand(), 9) : "−" + wrapped(u.operand(), 9);
        } else if (e instanceof Expr.Binary b) {
            int p = precedence(b.op());
            // right operand of − and ÷ parenthesised at equal precedence: a − (b − c)
            int rightAt = b.op() == Expr.BinaryOp.SUB || b.op() == Expr.BinaryOp.DIV ? p + 1 : p;
            return wrapped(b.left(), p) + " " + symbol(b.op()) + " " + wrapped(b.right(), rightAt);
        } else if (e instanceof Expr.If f) {
            return "若" + of(f.condition()) + "，则" + of(f.then()) + "，否则" + of(f.otherwise());
        } else if (e instanceof Expr.ForEach f) {
            String what = switch (f.aggregate()) {
                case SUM -> "之和";
                case MIN -> "中的最小值";
                case MAX -> "中的最大值";
            };
            return Display.period(f.range()) + "各月" + wrapped(f.body(), 1) + what;
        } else if (e instanceof Expr.ItemLoop l) {
            String what = switch (l.aggregate()) {
                case SUM -> "之和";
                case MIN -> "中的最小值";
                case MAX -> "中的最大值";
            };
            String order = l.order() == null ? "" : "按" + of(l.order().key()) + (l.order().descending() ? "降序" : "升序") + "排列的";
            return leaf.apply(l) + (l.filter() == null ? "" : "中" + of(l.filter()) + "的") + order + "各项" + wrapped(l.body(), 1) + what;
        } else if (e instanceof Expr.ItemField || e instanceof Expr.RunningSum) {
            return leaf.apply(e);
        } else if (e instanceof Expr.Fn f) {
            return function(f);
        } else if (e instanceof Expr.AttributeRef || e instanceof Expr.IndicatorRef || e instanceof Expr.ParamRef
                || e instanceof Expr.LetRef || e instanceof Expr.RuleRef) {
            return leaf.apply(e);
        }
        return other.apply(e);
    }

    private String function(Expr.Fn f) {
        String args = f.args().stream().map(this::of).collect(Collectors.joining("、"));
        return switch (f.function()) {
            case MIN -> args + " 中的较小者";
            case MAX -> args + " 中的较大者";
            case SUM -> f.args().stream().map(a -> wrapped(a, 6)).collect(Collectors.joining(" + "));
            case ABS -> of(f.args().get(0)) + " 的绝对值";
            case DAYS -> of(f.args().get(0)) + " 的天数";
            case STARTS_WITH -> of(f.args().get(0)) + " 以 " + of(f.args().get(1)) + " 开头";
            case KNOWN -> "已提供" + of(f.args().get(0));
            case ITEMS_GIVEN -> leaf.apply(f);
            case ADD_DAYS -> of(f.args().get(0)) + " + " + of(f.args().get(1)).replaceAll("天$", "") + "天";
            case ADD_MONTHS -> of(f.args().get(0)) + " + " + of(f.args().get(1)).replaceAll("月$", "") + "个月";
            case DAYS_BETWEEN -> "从" + of(f.args().get(0)) + "到" + of(f.args().get(1)) + "的天数";
            case MONTHS_BETWEEN -> "从" + of(f.args().get(0)) + "到" + of(f.args().get(1)) + "（不含）的月数";
            case YOY_INCREASE, YOY_GROWTH, DAILY_AVG, AVG -> f.args().get(0) instanceof Expr.IndicatorRef
                    ? leaf.apply(f)
                    : of(f.args().get(0)) + switch (f.function()) {
                        case YOY_GROWTH -> "的同比增长率";
                        case YOY_INCREASE -> "的同比增量";
                        case AVG -> "的平均值";
                        default -> "的日均值";
                    };
        };
    }

    private String wrapped(Expr e, int outer) {
        if (e instanceof Expr.Binary b && precedence(b.op()) < outer) {
            return "（" + of(e) + "）";
        }
        if (e instanceof Expr.If && outer > 0) {
            return "（" + of(e) + "）";
        }
        return of(e);
    }

    private static int precedence(Expr.BinaryOp op) {
        return switch (op) {
            case OR -> 1;
            case AND -> 2;
            case EQ, NE, LT, LE, GT, GE, IN -> 4;
            case ADD, SUB -> 6;
            case MUL, DIV -> 7;
        };
    }

    static String symbol(Expr.BinaryOp op) {
        return switch (op) {
            case ADD -> "+";
            case SUB -> "−";
            case MUL -> "×";
            case DIV -> "÷";
            case EQ -> "=";
            case NE -> "≠";
            case LT -> "<";
            case LE -> "≤";
            case GT -> ">";
            case GE -> "≥";
            case AND -> "且";
            case OR -> "或";
            case IN -> "属于";
        };
    }
}
