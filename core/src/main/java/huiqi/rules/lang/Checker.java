package huiqi.rules.lang;

import huiqi.enterprise.ProfileField;
import huiqi.facts.AttributeType;
import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.quantity.Unit;
import huiqi.quantity.Units;
import huiqi.rules.lang.Expr.BinaryOp;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Type checker: resolves names against the rule's scope and the indicator catalog, checks types and
 * units, and returns the resolved tree with the type of every node. Errors are {@link ExprException}s.
 */
public final class Checker {
    /** Label by id of the profile fields ({@link ProfileField}); kept for the rule file loader. */
    public static final Map<String, String> PROFILE_FIELDS = ProfileField.labels();

    /** A checked expression: resolved tree, its type, and the type of every node (identity map). */
    public record Checked(Expr expr, Type type, Map<Expr, Type> types) { }

    private final IndicatorCatalog catalog;
    private final Names names;
    private final Map<Expr, Type> types = new IdentityHashMap<>();
    private final Map<String, Boolean> loopVars = new HashMap<>();
    /** The argument of avg()/daily_avg()/end_of() being checked: the one place a stock may span several periods. */
    private Expr stockSpanArg;
    private final Map<String, huiqi.facts.ItemKind> itemVars = new HashMap<>();
    /** The variable of the innermost ordered item loop whose body is being checked (sum_before belongs to it), or null. */
    private String orderedBody;

    private Checker(IndicatorCatalog catalog, Names names) {
        this.catalog = catalog;
        this.names = names;
    }

    public static Checked check(Expr parsed, IndicatorCatalog catalog, Names names) {
        Checker c = new Checker(catalog, names);
        Expr resolved = c.visit(parsed);
        return new Checked(resolved, c.types.get(resolved), c.types);
    }

    /** The unit of an indicator from the catalog, or an error naming the catalog entry. */
    public static Unit indicatorUnit(IndicatorCatalog.Indicator ind) {
        return Units.parse(ind.unit()).map(Units.Scaled::unit)
                .orElseThrow(() -> new IllegalArgumentException("indicators.yaml 中指标 " + ind.id() + " 的单位 '" + ind.unit() + "' 无法识别"));
    }

    public static Type attributeType(AttributeType t) {
        return switch (t) {
            case BOOLEAN -> Type.BOOL;
            case TEXT, CODE, ZONE -> Type.TEXT;
            case DATE -> Type.DATE;
            case MONTH -> Type.PERIOD;
            case NUMBER -> Type.num(Unit.NONE);
        };
    }

    Expr typed(Expr e, Type t) {
        types.put(e, t);
        return e;
    }

    Type typeOf(Expr e) {
        return types.get(e);
    }

    Expr visit(Expr e) {
        if (e instanceof Expr.Num n) {
            return typed(n, Type.num(n.unit()));
        } else if (e instanceof Expr.Bool b) {
            return typed(b, Type.BOOL);
        } else if (e instanceof Expr.Text t) {
            return typed(t, Type.TEXT);
        } else if (e instanceof Expr.DateLit d) {
            return typed(d, Type.DATE);
        } else if (e instanceof Expr.PeriodLit p) {
            return typed(p, Type.PERIOD);
        } else if (e instanceof Expr.ListLit l) {
            return list(l);
        } else if (e instanceof Expr.Name n) {
            return name(n);
        } else if (e instanceof Expr.Index ix) {
            return index(ix);
        } else if (e instanceof Expr.Call c) {
            return call(c);
        } else if (e instanceof Expr.Unary u) {
            return unary(u);
        } else if (e instanceof Expr.Binary b) {
            return binary(b);
        } else if (e instanceof Expr.If f) {
            return ifExpr(f);
        } else if (e instanceof Expr.ForEach f) {
            return forEach(f);
        } else if (e instanceof Expr.ItemLoop l) {
            return itemLoop(l);
        } else if (e instanceof Expr.Member m) {
            return member(m);
        }
        throw new ExprException("内部错误：已解析的节点不能再次检查", e.span());
    }

    private Expr list(Expr.ListLit l) {
        List<Expr> items = new ArrayList<>();
        Type elem = null;
        for (Expr item : l.items()) {
            Expr r = visit(item);
            Type t = typeOf(r);
            if (elem == null) {
                elem = t;
            } else if (!elem.equals(t)) {
                throw new ExprException("列表元素类型不一致：" + elem + " 与 " + t, item.span());
            }
            items.add(r);
        }
        return typed(new Expr.ListLit(items, l.span()), new Type.ListOf(elem == null ? Type.TEXT : elem));
    }

    private Expr name(Expr.Name n) {
        String id = n.name();
        if (itemVars.containsKey(id)) {
            huiqi.facts.ItemKind k = itemVars.get(id);
            throw new ExprException(k.name() + " " + id + " 须写字段，如 " + id + "." + k.fields().get(0).id()
                    + "（字段：" + k.fieldList() + "）", n.span());
        }
        if (catalog.itemKind(id).isPresent()) {
            throw new ExprException("清单 " + id + "（" + catalog.itemKind(id).get().name() + "）只能在 sum/min/max(for x in "
                    + id + " return …) 中逐项使用", n.span());
        }
        if (loopVars.containsKey(id)) {
            return typed(new Expr.LoopVar(id, n.span()), Type.PERIOD);
        }
        Optional<Type> let = names.let(id);
        if (let.isPresent()) {
            return typed(new Expr.LetRef(id, n.span()), let.get());
        }
        Optional<Names.Param> p = names.parameter(id);
        if (p.isPresent()) {
            if (p.get().keyType() != null) {
                throw new ExprException("参数 " + id + " 是查表参数，须写 " + id + "[键]（键为" + p.get().keyType() + "）", n.span());
            }
            return typed(new Expr.ParamRef(p.get().qualifiedName(), null, n.span()), p.get().type());
        }
        Optional<Period> period = names.period(id);
        if (period.isPresent()) {
            return typed(new Expr.PeriodLit(period.get(), n.span()), Type.PERIOD);
        }
        Optional<ProfileField> field = ProfileField.byId(id);
        if (field.isPresent()) {
            return typed(new Expr.AttributeRef(id, n.span()), attributeType(field.get().type()));
        }
        Optional<IndicatorCatalog.Attribute> attr = catalog.attribute(id);
        if (attr.isPresent()) {
            return typed(new Expr.AttributeRef(id, n.span()), attributeType(attr.get().type()));
        }
        Optional<IndicatorCatalog.Indicator> ind = catalog.indicator(id);
        if (ind.isPresent()) {
            throw new ExprException("指标 " + id + "（" + ind.get().name() + "）必须注明期间，如 " + id + "[2024-02]", n.span());
        }
        throw new ExprException("未知名字 '" + id + "'：不是中间值（let）、参数、命名期间、画像字段，也不在 indicators.yaml 中", n.span());
    }

    private Expr index(Expr.Index ix) {
        if (!(ix.target() instanceof Expr.Name target)) {
            throw new ExprException("只有指标或参数可以用 [期间] 取值", ix.span());
        }
        String id = target.name();
        Optional<IndicatorCatalog.Indicator> ind = catalog.indicator(id);
        if (ind.isPresent() && names.let(id).isEmpty() && names.parameter(id).isEmpty()) {
            Unit unit = indicatorUnit(ind.get());
            Expr.PeriodRef ref = periodIndex(ix.index(), ind.get());
            if (ix != stockSpanArg) {
                StockReads.refuseSum(ind.get(), ref, ix.span());
            }
            return typed(new Expr.IndicatorRef(id, ref, ix.span()), Type.num(unit));
        }
        Optional<Names.Param> p = names.parameter(id);
        if (p.isPresent() && p.get().keyType() != null) {
            Expr key = visit(ix.index());
            Type kt = typeOf(key);
            if (!kt.equals(p.get().keyType())) {
                throw new ExprException("查表参数 " + id + " 的键应为" + p.get().keyType() + "，实为 " + kt
                        + hint(p.get().keyType(), kt), ix.index().span());
            }
            return typed(new Expr.ParamRef(p.get().qualifiedName(), key, ix.span()), p.get().type());
        }
        if (p.isPresent() && p.get().type() instanceof Type.Date) {
            throw new ExprException("日期参数 " + id + " 没有按日期取的值，不能写 " + id + "[…]", ix.span());
        }
        if (p.isPresent()) {
            Expr at = visit(ix.index());
            if (at instanceof Expr.Num num && isYear(num)) {
                at = typed(new Expr.PeriodLit(new Period.Year(num.value().intValueExact()), num.span()), Type.PERIOD);
            }
            Type t = typeOf(at);
            if (!(t instanceof Type.Date) && !(t instanceof Type.PeriodT)) {
                throw new ExprException("参数 " + id + " 只能按日期或期间取值，实为 " + t, ix.index().span());
            }
            return typed(new Expr.ParamRef(p.get().qualifiedName(), at, ix.span()), p.get().type());
        }
        if (catalog.attribute(id).isPresent() || ProfileField.byId(id).isPresent()) {
            throw new ExprException("属性 " + id + " 没有期间，不能写 " + id + "[…]", ix.span());
        }
        throw new ExprException("未知指标 '" + id + "'：indicators.yaml 的 indicators 中没有它", target.span());
    }

    private static boolean isYear(Expr.Num n) {
        return n.unit().isNone() && n.value().scale() <= 0 && n.value().compareTo(BigDecimal.valueOf(1900)) > 0
                && n.value().compareTo(BigDecimal.valueOf(2200)) < 0;
    }

    private Expr.PeriodRef periodIndex(Expr index, IndicatorCatalog.Indicator ind) {
        Period p;
        if (index instanceof Expr.PeriodLit pl) {
            p = pl.value();
        } else if (index instanceof Expr.DateLit d) {
            p = new Period.Day(d.value());
        } else if (index instanceof Expr.Num n && isYear(n)) {
            p = new Period.Year(n.value().intValueExact());
        } else if (index instanceof Expr.Name n && loopVars.containsKey(n.name())) {
            if (ind.granularity().compareTo(Granularity.MONTH) > 0) {
                throw new ExprException("指标 " + ind.id() + "（" + ind.name() + "）按" + granularityName(ind.granularity())
                        + "统计，不能按月循环取值", index.span());
            }
            return new Expr.Var(n.name());
        } else if (index instanceof Expr.Name n && names.period(n.name()).isPresent()) {
            p = names.period(n.name()).get();
        } else {
            throw new ExprException("指标的期间应写成 2024-02、2024-Q1、2023、2024-02-01、2024-01..2024-02、"
                    + "2024-02-01..2024-02-29 或命名期间", index.span());
        }
        checkAligned(p, ind, index.span());
        return new Expr.Fixed(p);
    }

    static String granularityName(Granularity g) {
        return switch (g) {
            case DAY -> "日";
            case MONTH -> "月";
            case QUARTER -> "季";
            case YEAR -> "年";
        };
    }

    /** A period must consist of whole reporting periods of the indicator. */
    private static void checkAligned(Period p, IndicatorCatalog.Indicator ind, Span span) {
        Granularity g = ind.granularity();
        LocalDate s = p.start();
        LocalDate e = p.end();
        boolean ok = switch (g) {
            case DAY -> true;
            case MONTH -> s.getDayOfMonth() == 1 && e.equals(YearMonth.from(e).atEndOfMonth());
            case QUARTER -> s.getDayOfMonth() == 1 && (s.getMonthValue() - 1) % 3 == 0
                    && e.equals(YearMonth.from(e).atEndOfMonth()) && e.getMonthValue() % 3 == 0;
            case YEAR -> s.getDayOfYear() == 1 && e.getMonthValue() == 12 && e.getDayOfMonth() == 31;
        };
        if (!ok) {
            throw new ExprException("指标 " + ind.id() + "（" + ind.name() + "）按" + granularityName(g) + "统计，期间 " + p
                    + " 不是整" + granularityName(g), span);
        }
    }

    private Expr call(Expr.Call c) {
        String f = c.function();
        List<Expr> raw = c.args();
        switch (f) {
            case "sum_before" -> {
                return OrderedLoops.runningSum(this, c, orderedBody, itemVars.keySet());
            }
            case "granted", "eligible" -> {
                if (raw.size() != 1 || !(raw.get(0) instanceof Expr.Text id)) {
                    throw new ExprException(f + "() 需要一个规则 id 字符串，如 " + f + "(\"qt-2024-3/9-1\")", c.span());
                }
                if (!names.ruleExists(id.value())) {
                    throw new ExprException("未知规则 '" + id.value() + "'（只能引用同一文件中的规则）", id.span());
                }
                if (f.equals("eligible")) {
                    return typed(new Expr.RuleRef(id.value(), Expr.RuleField.ELIGIBLE, c.span()), Type.BOOL);
                }
                Type t = names.ruleAmount(id.value()).orElseThrow(() ->
                        new ExprException("规则 '" + id.value() + "' 没有金额（amount），不能用 granted()", id.span()));
                return typed(new Expr.RuleRef(id.value(), Expr.RuleField.GRANTED, c.span()), t);
            }
            case "known" -> {
                if (raw.size() == 1 && raw.get(0) instanceof Expr.Name kindName && catalog.itemKind(kindName.name()).isPresent()
                        && !itemVars.containsKey(kindName.name())) {
                    return typed(new Expr.Fn(Expr.Function.ITEMS_GIVEN, List.of(typed(new Expr.Text(kindName.name(), kindName.span()),
                            Type.TEXT)), c.span()), Type.BOOL);
                }
            }
            case "avg", "end_of" -> {
                one(c);
                IndicatorCatalog.Indicator ind = StockReads.indicatorArg(f, raw.get(0), catalog);
                Expr arg = visitStockSpan(raw.get(0));
                if (!(arg instanceof Expr.IndicatorRef ref) || !(ref.period() instanceof Expr.Fixed fixed)) {
                    throw new ExprException(f + "() 需要固定期间，如 " + f + "(" + ind.id() + "[2023-01..2023-12])", raw.get(0).span());
                }
                if (f.equals("end_of")) {
                    Expr last = new Expr.IndicatorRef(ref.id(), new Expr.Fixed(StockReads.lastPeriod(fixed.period(), ind)), c.span());
                    return typed(last, typeOf(ref));
                }
                return typed(new Expr.Fn(Expr.Function.AVG, List.of(ref), c.span()), typeOf(ref));
            }
            case "daily_avg" -> {
                one(c);
                IndicatorCatalog.Indicator ind = StockReads.indicatorArg(f, raw.get(0), catalog);
                if (ind.stock() && ind.granularity() != Granularity.DAY) {
                    throw new ExprException("指标 " + ind.id() + "（" + ind.name() + "）是存量，按" + granularityName(ind.granularity())
                            + "报送时点数，日均值无意义；平均人数写 avg(" + ind.id() + "[…])", c.span());
                }
            }
            case "days" -> {
                one(c);
                Expr a = visit(raw.get(0));
                if (!(a instanceof Expr.PeriodLit)) {
                    throw new ExprException("days() 需要一个期间常量，如 days(2024-01-01..2024-02-29)", a.span());
                }
                return typed(new Expr.Fn(Expr.Function.DAYS, List.of(a), c.span()), Type.num(Units.DAY));
            }
            default -> { }
        }
        List<Expr> args = new ArrayList<>();
        for (Expr a : raw) {
            args.add(f.equals("daily_avg") ? visitStockSpan(a) : visit(a));
        }
        switch (f) {
            case "min", "max", "sum" -> {
                if (args.isEmpty()) {
                    throw new ExprException(f + "() 至少需要一个参数", c.span());
                }
                Type t = typeOf(args.get(0));
                if (t instanceof Type.Date && !f.equals("sum")) { // the earlier / later of dates (到期日与起息日后一年孰早)
                    for (Expr a : args) {
                        if (!(typeOf(a) instanceof Type.Date)) {
                            throw new ExprException(f + "() 的参数须同为日期或同为数值，实为 " + typeOf(a), a.span());
                        }
                    }
                    return typed(new Expr.Fn(f.equals("min") ? Expr.Function.MIN : Expr.Function.MAX, args, c.span()), Type.DATE);
                }
                for (Expr a : args) {
                    Type at = typeOf(a);
                    if (!(at instanceof Type.Num)) {
                        throw new ExprException(f + "() 的参数必须是数值，实为 " + at, a.span());
                    }
                    if (!at.equals(t)) {
                        throw new ExprException("单位不一致：" + f + "() 的参数 " + unitOf(t) + " 与 " + unitOf(at)
                                + " 不能" + (f.equals("sum") ? "相加" : "比较"), a.span());
                    }
                }
                Expr.Function fn = f.equals("min") ? Expr.Function.MIN : f.equals("max") ? Expr.Function.MAX : Expr.Function.SUM;
                return typed(new Expr.Fn(fn, args, c.span()), t);
            }
            case "abs" -> {
                one(c);
                requireNum(args.get(0), "abs()");
                return typed(new Expr.Fn(Expr.Function.ABS, args, c.span()), typeOf(args.get(0)));
            }
            case "yoy_increase", "yoy_growth", "daily_avg" -> {
                one(c);
                if (!(args.get(0) instanceof Expr.IndicatorRef ref)) {
                    throw new ExprException(f + "() 的参数必须是带期间的指标，如 " + f + "(electricity_kwh[2024-Q1])", args.get(0).span());
                }
                if (f.equals("daily_avg") && !(ref.period() instanceof Expr.Fixed)) {
                    throw new ExprException("daily_avg() 需要固定期间", ref.span());
                }
                Type t = f.equals("yoy_growth") ? Type.num(Unit.NONE) : typeOf(ref);
                Expr.Function fn = switch (f) {
                    case "yoy_increase" -> Expr.Function.YOY_INCREASE;
                    case "yoy_growth" -> Expr.Function.YOY_GROWTH;
                    default -> Expr.Function.DAILY_AVG;
                };
                return typed(new Expr.Fn(fn, args, c.span()), t);
            }
            case "months" -> {
                if (args.size() != 2 || !(typeOf(args.get(0)) instanceof Type.Date) || !(typeOf(args.get(1)) instanceof Type.Date)) {
                    throw new ExprException("months() 需要两个日期：起始日（含）和截止日（不含），如 months(l.start, l.end + 1天)", c.span());
                }
                return typed(new Expr.Fn(Expr.Function.MONTHS_BETWEEN, args, c.span()), Type.num(Units.MONTH));
            }
            case "starts_with" -> {
                if (args.size() != 2 || !(typeOf(args.get(0)) instanceof Type.Text) || !(typeOf(args.get(1)) instanceof Type.Text)) {
                    throw new ExprException("starts_with() 需要两个文本参数，如 starts_with(industry, \"C\")", c.span());
                }
                return typed(new Expr.Fn(Expr.Function.STARTS_WITH, args, c.span()), Type.BOOL);
            }
            case "known" -> {
                one(c);
                return typed(new Expr.Fn(Expr.Function.KNOWN, args, c.span()), Type.BOOL);
            }
            default -> throw new ExprException("未知函数 '" + f + "'（可用：min、max、sum、abs、yoy_increase、yoy_growth、"
                    + "daily_avg、avg、end_of、days、months、starts_with、granted、eligible、known）", c.span());
        }
    }

    /** Checks the argument of an averaging or end-of-period function, where a stock may span several periods. */
    private Expr visitStockSpan(Expr arg) {
        Expr before = stockSpanArg;
        stockSpanArg = arg;
        try {
            return visit(arg);
        } finally {
            stockSpanArg = before;
        }
    }

    private static void one(Expr.Call c) {
        if (c.args().size() != 1) {
            throw new ExprException(c.function() + "() 需要 1 个参数，实有 " + c.args().size() + " 个", c.span());
        }
    }

    private void requireNum(Expr e, String where) {
        if (!(typeOf(e) instanceof Type.Num)) {
            throw new ExprException(where + " 需要数值，实为 " + typeOf(e), e.span());
        }
    }

    private static String unitOf(Type t) {
        return t instanceof Type.Num n ? n.unit().describe() : t.toString();
    }

    private Expr unary(Expr.Unary u) {
        Expr e = visit(u.operand());
        Type t = typeOf(e);
        if (u.op() == Expr.UnaryOp.NOT) {
            if (!(t instanceof Type.Bool)) {
                throw new ExprException("not 需要布尔值，实为 " + t, e.span());
            }
            return typed(new Expr.Unary(u.op(), e, u.span()), Type.BOOL);
        }
        requireNum(e, "负号");
        return typed(new Expr.Unary(u.op(), e, u.span()), t);
    }

    private Expr binary(Expr.Binary b) {
        Expr l = visit(b.left());
        Expr r = visit(b.right());
        Type lt = typeOf(l);
        Type rt = typeOf(r);
        BinaryOp op = b.op();
        Expr out = new Expr.Binary(op, l, r, b.span());
        switch (op) {
            case AND, OR -> {
                if (!(lt instanceof Type.Bool)) {
                    throw new ExprException(op.symbol + " 的左边必须是布尔值（条件），实为 " + lt, l.span());
                }
                if (!(rt instanceof Type.Bool)) {
                    throw new ExprException(op.symbol + " 的右边必须是布尔值（条件），实为 " + rt, r.span());
                }
                return typed(out, Type.BOOL);
            }
            case ADD, SUB -> {
                if (lt instanceof Type.Date || rt instanceof Type.Date) {
                    return dateArithmetic(op, l, lt, r, rt, b.span());
                }
                requireNum(l, op.symbol);
                requireNum(r, op.symbol);
                if (!lt.equals(rt)) {
                    throw new ExprException("单位不一致：" + unitOf(lt) + (op == BinaryOp.ADD ? " 与 " : " 减去 ") + unitOf(rt)
                            + " 不能" + (op == BinaryOp.ADD ? "相加" : "相减") + hint(lt, rt), b.span());
                }
                return typed(out, lt);
            }
            case MUL, DIV -> {
                requireNum(l, op.symbol);
                requireNum(r, op.symbol);
                Unit lu = ((Type.Num) lt).unit();
                Unit ru = ((Type.Num) rt).unit();
                return typed(out, Type.num(op == BinaryOp.MUL ? lu.times(ru) : lu.per(ru)));
            }
            case IN -> {
                if (rt instanceof Type.ListOf list) {
                    if (!list.element().equals(lt)) {
                        throw new ExprException("in 两边类型不一致：" + lt + " 不能在 " + rt + " 中查找", b.span());
                    }
                    return typed(out, Type.BOOL);
                }
                if (rt instanceof Type.PeriodT && (lt instanceof Type.Date || lt instanceof Type.PeriodT)) {
                    return typed(out, Type.BOOL);
                }
                throw new ExprException("in 的右边应为列表 [..] 或期间，左边为 " + lt + "，右边为 " + rt, r.span());
            }
            default -> { // comparisons
                if (!lt.equals(rt)) {
                    if (lt instanceof Type.Num && rt instanceof Type.Num) {
                        throw new ExprException("单位不一致：" + unitOf(lt) + " 与 " + unitOf(rt) + " 不能比较" + hint(lt, rt), b.span());
                    }
                    throw new ExprException("类型不一致：" + lt + " 与 " + rt + " 不能比较", b.span());
                }
                if ((lt instanceof Type.Text || lt instanceof Type.Bool) && op != BinaryOp.EQ && op != BinaryOp.NE) {
                    throw new ExprException(lt + " 只能用 = 或 != 比较", b.span());
                }
                if (lt instanceof Type.ListOf || lt instanceof Type.PeriodT) {
                    throw new ExprException(lt + " 不能比较大小", b.span());
                }
                return typed(out, Type.BOOL);
            }
        }
    }

    /**
     * date ± N天 / N月 is a date (months are calendar months, clamped to the month's end); date − date is the
     * number of days between them. A duration must be a whole number: it may not contain a division.
     */
    private Expr dateArithmetic(BinaryOp op, Expr l, Type lt, Expr r, Type rt, Span span) {
        if (lt instanceof Type.Date && rt instanceof Type.Date) {
            if (op == BinaryOp.ADD) {
                throw new ExprException("两个日期不能相加；日期相减得天数，日期加减天数或月数得日期", span);
            }
            return typed(new Expr.Fn(Expr.Function.DAYS_BETWEEN, List.of(r, l), span), Type.num(Units.DAY));
        }
        if (op == BinaryOp.SUB && !(lt instanceof Type.Date)) {
            throw new ExprException("不能用数值减去日期；写 日期 - 天数 或 日期 - 日期", span);
        }
        Expr duration = lt instanceof Type.Date ? r : l;
        Type dt = lt instanceof Type.Date ? rt : lt;
        if (!(dt instanceof Type.Num n) || !(n.unit().equals(Units.DAY) || n.unit().equals(Units.MONTH))) {
            throw new ExprException("日期只能加减天数或月数（如 + 30天、+ 12月），实为 " + dt
                    + (dt instanceof Type.Num x && x.unit().isNone() ? "；无单位的数字请写上单位 天 或 月" : ""), duration.span());
        }
        Exprs.walk(duration, e -> {
            if (e instanceof Expr.Binary x && x.op() == BinaryOp.DIV) {
                throw new ExprException("日期加减的天数或月数须为整数，不能含除法", x.span());
            }
        });
        Expr date = lt instanceof Type.Date ? l : r;
        Expr signed = op == BinaryOp.SUB ? typed(new Expr.Unary(Expr.UnaryOp.NEG, duration, duration.span()), dt) : duration;
        Expr.Function fn = ((Type.Num) dt).unit().equals(Units.MONTH) ? Expr.Function.ADD_MONTHS : Expr.Function.ADD_DAYS;
        return typed(new Expr.Fn(fn, List.of(date, signed), span), Type.DATE);
    }

    private static String hint(Type a, Type b) {
        if (a instanceof Type.Num x && b instanceof Type.Num y && (x.unit().isNone() || y.unit().isNone())) {
            return "；无单位的数字不会自动采用对方的单位，请写上单位，如 50万千瓦时、0元";
        }
        return "";
    }

    private Expr ifExpr(Expr.If f) {
        Expr c = visit(f.condition());
        if (!(typeOf(c) instanceof Type.Bool)) {
            throw new ExprException("if 的条件必须是布尔值，实为 " + typeOf(c), c.span());
        }
        Expr t = visit(f.then());
        Expr e = visit(f.otherwise());
        if (!typeOf(t).equals(typeOf(e))) {
            throw new ExprException("if 两个分支类型不一致：then 为 " + typeOf(t) + "，else 为 " + typeOf(e)
                    + hint(typeOf(t), typeOf(e)), f.span());
        }
        return typed(new Expr.If(c, t, e, f.span()), typeOf(t));
    }

    /** An item loop: the kind must be declared, the filter a condition, the body a number. */
    private Expr itemLoop(Expr.ItemLoop l) {
        huiqi.facts.ItemKind kind = catalog.itemKind(l.kind()).orElseThrow(() -> new ExprException("未知清单 '" + l.kind()
                + "'：indicators.yaml 的 items 中没有它" + (catalog.itemKinds().isEmpty() ? "" : "（已有："
                + String.join("、", catalog.itemKinds().stream().map(k -> k.id() + "（" + k.name() + "）").toList()) + "）"), l.span()));
        String v = l.variable();
        if (names.let(v).isPresent() || names.parameter(v).isPresent() || loopVars.containsKey(v) || itemVars.containsKey(v)) {
            throw new ExprException("循环变量 '" + v + "' 与已有名字重复", l.span());
        }
        itemVars.put(v, kind);
        String outerBody = orderedBody;
        orderedBody = null; // sum_before belongs to the body of an ordered loop, never to its key or filter
        try {
            Expr.Order order = null;
            if (l.order() != null) {
                Expr key = visit(l.order().key());
                OrderedLoops.checkKey(key, typeOf(key), v);
                order = new Expr.Order(key, l.order().descending());
            }
            Expr filter = null;
            if (l.filter() != null) {
                filter = visit(l.filter());
                if (!(typeOf(filter) instanceof Type.Bool)) {
                    throw new ExprException("where 后须为条件（布尔值），实为 " + typeOf(filter), filter.span());
                }
                if (order != null) {
                    OrderedLoops.itemLocal(filter, v, "有 order by 的清单循环中 where 条件");
                }
            }
            orderedBody = order != null ? v : null;
            Expr body = visit(l.body());
            if (!(typeOf(body) instanceof Type.Num)) {
                throw new ExprException("for … return 的结果必须是数值，实为 " + typeOf(body), body.span());
            }
            return typed(new Expr.ItemLoop(l.aggregate(), v, kind.id(), filter, body, l.span(), order), typeOf(body));
        } finally {
            itemVars.remove(v);
            orderedBody = outerBody;
        }
    }

    /** {@code l.balance}: a declared field of the item bound by an enclosing item loop. */
    private Expr member(Expr.Member m) {
        if (!(m.target() instanceof Expr.Name n) || !itemVars.containsKey(n.name())) {
            throw new ExprException("只有清单循环变量可以用 .字段 取值（如 for l in loans return l.balance）", m.span());
        }
        huiqi.facts.ItemKind kind = itemVars.get(n.name());
        huiqi.facts.ItemKind.Field field = kind.field(m.field()).orElseThrow(() -> new ExprException(kind.name() + "（" + kind.id()
                + "）没有字段 '" + m.field() + "'（字段：" + kind.fieldList() + "）", m.span()));
        Type t = switch (field.type()) {
            case NUMBER -> Type.num(field.unit().isEmpty() ? Unit.NONE : Units.parse(field.unit()).orElseThrow().unit());
            case DATE -> Type.DATE;
            case BOOLEAN -> Type.BOOL;
            default -> Type.TEXT;
        };
        return typed(new Expr.ItemField(n.name(), kind.id(), field.id(), m.span()), t);
    }

    private Expr forEach(Expr.ForEach f) {
        if (names.let(f.variable()).isPresent() || names.parameter(f.variable()).isPresent() || loopVars.containsKey(f.variable())) {
            throw new ExprException("循环变量 '" + f.variable() + "' 与已有名字重复", f.span());
        }
        loopVars.put(f.variable(), true);
        try {
            Expr body = visit(f.body());
            if (!(typeOf(body) instanceof Type.Num)) {
                throw new ExprException("for … return 的结果必须是数值，实为 " + typeOf(body), body.span());
            }
            if (f.aggregate() == Expr.Aggregate.SUM && body instanceof Expr.IndicatorRef r) {
                StockReads.refuseMonthlySum(catalog.indicator(r.id()).orElseThrow(), f.range(), f.span());
            }
            return typed(new Expr.ForEach(f.aggregate(), f.variable(), f.range(), body, f.span()), typeOf(body));
        } finally {
            loopVars.remove(f.variable());
        }
    }
}
