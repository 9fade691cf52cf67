package huiqi.rules.lang;

import java.util.List;
import java.util.Set;

/**
 * Checks of ordered item loops ({@code order by}) and of {@code sum_before}. The key, the filter and the argument of
 * sum_before read only the item itself (its fields, constants, parameters): the SQL engines compute the running sum as a
 * window over the items table, before the enterprise's own facts are at hand.
 */
final class OrderedLoops {
    private OrderedLoops() {
    }

    static void checkKey(Expr key, Type type, String variable) {
        if (!(type instanceof Type.Date) && !(type instanceof Type.Num)) {
            throw new ExprException("order by 后须为日期或数值（如 " + variable + ".start），实为 " + type, key.span());
        }
        itemLocal(key, variable, "order by 的排序依据");
    }

    /** {@code sum_before(x)}: only in the return part of an ordered loop, x a number of the current item. */
    static Expr runningSum(Checker c, Expr.Call call, String orderedBody, Set<String> itemVars) {
        if (orderedBody == null) {
            throw new ExprException(itemVars.isEmpty()
                    ? "sum_before() 只能用在有 order by 的清单循环的 return 之后，如 sum(for l in loans order by l.start desc return … sum_before(l.amount) …)"
                    : "sum_before() 只能用在有 order by 的清单循环的 return 之后（不能用在 order by、where 中或没有 order by 的循环里）", call.span());
        }
        if (call.args().size() != 1) {
            throw new ExprException("sum_before() 需要一个参数，如 sum_before(" + orderedBody + ".amount)", call.span());
        }
        Expr arg = c.visit(call.args().get(0));
        if (!(c.typeOf(arg) instanceof Type.Num)) {
            throw new ExprException("sum_before() 的参数必须是数值，实为 " + c.typeOf(arg), arg.span());
        }
        itemLocal(arg, orderedBody, "sum_before() 的参数");
        return c.typed(new Expr.RunningSum(orderedBody, arg, call.span()), c.typeOf(arg));
    }

    /** Refuses anything but the item's own fields, constants and parameters read at a constant or the item's date. */
    static void itemLocal(Expr e, String variable, String what) {
        Exprs.walk(e, x -> {
            String bad = null;
            if (x instanceof Expr.ItemField f && !f.variable().equals(variable)) {
                bad = "外层清单的 " + f.variable() + "." + f.field();
            } else if (x instanceof Expr.IndicatorRef r) {
                bad = "指标 " + r.id();
            } else if (x instanceof Expr.AttributeRef a) {
                bad = "属性 " + a.id();
            } else if (x instanceof Expr.LetRef l) {
                bad = "中间值 " + l.name();
            } else if (x instanceof Expr.RuleRef r) {
                bad = "另一条规则的结果";
            } else if (x instanceof Expr.LoopVar || x instanceof Expr.ForEach) {
                bad = "按月循环";
            } else if (x instanceof Expr.ItemLoop || x instanceof Expr.RunningSum) {
                bad = "清单循环或 sum_before";
            } else if (x instanceof Expr.Fn f && List.of(Expr.Function.ITEMS_GIVEN, Expr.Function.YOY_GROWTH,
                    Expr.Function.YOY_INCREASE, Expr.Function.DAILY_AVG, Expr.Function.AVG).contains(f.function())) {
                bad = "企业的指标或清单";
            }
            if (bad != null) {
                throw new ExprException(what + "只能读本项（" + variable + "）的字段、常数和参数，不能读" + bad, x.span());
            }
        });
    }
}
