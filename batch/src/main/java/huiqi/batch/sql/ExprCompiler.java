package huiqi.batch.sql;

import huiqi.batch.sql.SqlValue.Dec;
import huiqi.batch.sql.SqlValue.Day;
import huiqi.batch.sql.SqlValue.Frac;
import huiqi.batch.sql.SqlValue.Items;
import huiqi.batch.sql.SqlValue.Logic;
import huiqi.batch.sql.SqlValue.MonthCol;
import huiqi.batch.sql.SqlValue.PeriodConst;
import huiqi.batch.sql.SqlValue.Str;
import huiqi.enterprise.ProfileField;
import huiqi.facts.AttributeType;
import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.rules.file.Parameter;
import huiqi.rules.lang.Checker;
import huiqi.rules.lang.Expr;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NavigableMap;
import java.util.stream.Collectors;

/** Compiles one checked expression (resolved AST) to SQL over the wide table, one row per enterprise. */
final class ExprCompiler {
    /** Columns of other rules that granted()/eligible() read. */
    interface RuleRefs {
        /** Status column (code, see {@link Status}). */
        String status(String ruleId);

        /** Final amount column, DECIMAL(38,2): 0 when ineligible, NULL when undeterminable. */
        String granted(String ruleId);
    }

    /** Where an expression is compiled: the rule's lets, loop months, and the date parameters are read at. */
    record Scope(Map<String, Checker.Checked> lets, Map<String, YearMonth> loop, LocalDate paramDate) {
        Scope bind(String var, YearMonth m) {
            Map<String, YearMonth> l = new HashMap<>(loop);
            l.put(var, m);
            return new Scope(lets, l, paramDate);
        }
    }

    private final SqlDialect dialect;
    private final Decimals dec;
    private final IndicatorCatalog catalog;
    private final FactColumns facts;
    private final Params params;
    private final RuleRefs refs;
    /** Table alias of each enclosing item loop's variable (see {@link ItemSql}). */
    private final Map<String, String> itemAliases = new HashMap<>();
    /** The column holding each sum_before of the ordered item loop being compiled (see {@link OrderedItemSql}). */
    private final Map<Expr, String> runningColumns = new java.util.IdentityHashMap<>();
    /** Item loops aggregated once for all enterprises; null: correlated subqueries (inside an item loop's body). */
    private final ItemAggregates itemAggregates;

    ExprCompiler(SqlDialect dialect, IndicatorCatalog catalog, FactColumns facts, Params params, RuleRefs refs) {
        this(dialect, catalog, facts, params, refs, null);
    }

    ExprCompiler(SqlDialect dialect, IndicatorCatalog catalog, FactColumns facts, Params params, RuleRefs refs,
                 SharedExpressions shared) {
        this(dialect, catalog, facts, params, refs, shared, null);
    }

    ExprCompiler(SqlDialect dialect, IndicatorCatalog catalog, FactColumns facts, Params params, RuleRefs refs,
                 SharedExpressions shared, ItemAggregates itemAggregates) {
        this.itemAggregates = itemAggregates;
        this.dialect = dialect;
        this.dec = new Decimals(dialect, shared);
        this.catalog = catalog;
        this.facts = facts;
        this.params = params;
        this.refs = refs;
    }

    Decimals decimals() {
        return dec;
    }

    SqlDialect dialect() {
        return dialect;
    }

    ItemAggregates itemAggregates() {
        return itemAggregates;
    }

    /** A compiler for an item loop's body: no shared expressions (they would read the item's row), the item bound. */
    ExprCompiler forItem(String variable, String alias) {
        ExprCompiler c = new ExprCompiler(dialect, catalog, facts, params, refs, null);
        c.itemAliases.putAll(itemAliases);
        c.itemAliases.put(variable, alias);
        c.runningColumns.putAll(runningColumns);
        return c;
    }

    /** {@link #forItem} with the columns of an ordered loop's running sums. */
    ExprCompiler forOrderedItem(String variable, String alias, Map<Expr, String> running) {
        ExprCompiler c = forItem(variable, alias);
        c.runningColumns.putAll(running);
        return c;
    }

    SqlValue compile(Expr e, Scope s) {
        if (e instanceof Expr.Num n) {
            return dec.literal(n.value());
        } else if (e instanceof Expr.Bool b) {
            return new Logic(b.value() ? "TRUE" : "FALSE");
        } else if (e instanceof Expr.Text t) {
            return new Str(text(t.value()));
        } else if (e instanceof Expr.DateLit d) {
            return new Day(dialect.date(d.value()));
        } else if (e instanceof Expr.PeriodLit p) {
            return new PeriodConst(p.value());
        } else if (e instanceof Expr.ListLit l) {
            List<SqlValue> items = new ArrayList<>();
            for (Expr i : l.items()) {
                items.add(compile(i, s));
            }
            return new Items(items);
        } else if (e instanceof Expr.Unary u) {
            SqlValue v = compile(u.operand(), s);
            return u.op() == Expr.UnaryOp.NOT ? new Logic("(NOT " + ((Logic) v).sql() + ")") : dec.neg(v);
        } else if (e instanceof Expr.Binary b) {
            return binary(b, s);
        } else if (e instanceof Expr.If f) {
            return ifThen(f, s);
        } else if (e instanceof Expr.ForEach f) {
            return forEach(f, s);
        } else if (e instanceof Expr.AttributeRef a) {
            return attribute(a.id(), s);
        } else if (e instanceof Expr.IndicatorRef r) {
            return indicator(r.id(), period(r.period(), s));
        } else if (e instanceof Expr.ParamRef p) {
            return param(p, s);
        } else if (e instanceof Expr.LetRef l) {
            Checker.Checked c = s.lets().get(l.name());
            if (c == null) {
                throw new IllegalStateException("未定义的中间值 " + l.name());
            }
            return dec.share(compile(c.expr(), new Scope(s.lets(), Map.of(), s.paramDate())));
        } else if (e instanceof Expr.LoopVar v) {
            return new PeriodConst(new Period.Month(s.loop().get(v.name())));
        } else if (e instanceof Expr.RuleRef r) {
            if (r.field() == Expr.RuleField.GRANTED) {
                return new Dec(refs.granted(r.ruleId()), 2);
            }
            String st = refs.status(r.ruleId());
            return new Logic(Status.asCondition(st));
        } else if (e instanceof Expr.Fn f) {
            return function(f, s);
        } else if (e instanceof Expr.ItemLoop l) {
            return ItemSql.loop(this, l, s);
        } else if (e instanceof Expr.ItemField f) {
            return ItemSql.field(f, itemAliases.get(f.variable()), catalog, dialect, dec);
        } else if (e instanceof Expr.RunningSum r) {
            return dec.column(runningColumns.get(r), 2);
        }
        throw new IllegalArgumentException("SQL 编译器不支持未检查的节点 " + e.getClass().getSimpleName()
                + "（请先经过 Checker）");
    }

    static String text(String v) {
        return "'" + v.replace("'", "''") + "'";
    }

    private Period period(Expr.PeriodRef ref, Scope s) {
        if (ref instanceof Expr.Fixed f) {
            return f.period();
        }
        return new Period.Month(s.loop().get(((Expr.Var) ref).variable()));
    }

    /** x[P] when the catalog has the indicator, else NULL (unknown). */
    Dec indicatorOrNull(String id, Period p) {
        if (catalog.indicator(id).isEmpty()) {
            return new Dec("CAST(NULL AS " + dialect.decimal(0) + ")", 0);
        }
        SqlValue v = indicator(id, p);
        return v instanceof Dec d ? d : dec.roundToFen(v);
    }

    /** x[P]: the value reported for P, else the sum of the reporting periods inside P (all must be known). */
    SqlValue indicator(String id, Period p) {
        IndicatorCatalog.Indicator ind = catalog.indicator(id)
                .orElseThrow(() -> new IllegalArgumentException("未知指标 " + id));
        Granularity g = ind.granularity();
        List<Period> units = PeriodUnits.units(p, g);
        if (units.size() == 1 && units.get(0).equals(p)) {
            return column(new FactColumn(id, p));
        }
        List<Dec> parts = new ArrayList<>();
        for (Period u : units) {
            parts.add(column(new FactColumn(id, u)));
        }
        Dec sum = dec.sum(parts);
        // every input accepts a value for exactly P (a monthly indicator's 2024-01..2024-02 included): it comes first
        Dec direct = column(new FactColumn(id, p));
        int scale = Math.max(direct.scale(), sum.scale());
        Dec a = dec.widen(direct, scale);
        Dec b = dec.widen(sum, scale);
        return dec.share(new Dec("COALESCE(" + a.sql() + ", " + b.sql() + ")", scale, Math.max(a.precision(), b.precision())));
    }

    /** avg(x[P]): the sum of the reporting periods inside P (NULL if any is) divided by their number. */
    private SqlValue average(Expr.IndicatorRef ref, Scope s) {
        Period p = period(ref.period(), s);
        IndicatorCatalog.Indicator ind = catalog.indicator(ref.id())
                .orElseThrow(() -> new IllegalArgumentException("未知指标 " + ref.id()));
        List<Period> units = PeriodUnits.units(p, ind.granularity());
        List<Dec> parts = new ArrayList<>();
        for (Period u : units) {
            parts.add(column(new FactColumn(ref.id(), u)));
        }
        Dec sum = dec.sum(parts);
        return dec.div(sum, dec.literal(BigDecimal.valueOf(units.size())));
    }

    private Dec column(FactColumn c) {
        int scale = facts.use(c);
        return dec.column(c.column(), scale, facts.precision(c));
    }

    private SqlValue attribute(String id, Scope s) {
        var field = ProfileField.byId(id);
        if (field.isPresent() && field.get() == ProfileField.SIZE && s.paramDate() != null) {
            // no declared size: the size by the standard from the figures of the year before; named once (two rules
            // read it), and the normalised industry code too (every WHEN of the long prefix CASE reads it)
            String industry = dec.share("upper(trim(" + ProfileField.INDUSTRY.sqlColumn() + "))");
            return new Str(dec.share("COALESCE(" + field.get().sqlColumn() + ", "
                    + new SizeSql(dialect, dec, this).derived(industry, s.paramDate().getYear() - 1) + ")"));
        }
        if (field.isPresent()) { // all profile fields are text
            return new Str(field.get().sqlColumn());
        }
        AttributeType t = catalog.attribute(id).orElseThrow(() -> new IllegalArgumentException("未知属性 " + id)).type();
        String col = "a_" + id;
        return switch (t) {
            case BOOLEAN -> new Logic(col);
            case TEXT, CODE, ZONE -> new Str(col);
            case DATE -> new Day(col);
            case MONTH -> new MonthCol(col);
            case NUMBER -> new Dec(col, WideTable.NUMBER_ATTRIBUTE_SCALE);
        };
    }

    private SqlValue param(Expr.ParamRef p, Scope s) {
        Parameter declared = params.declared(p.qualifiedName());
        if (!params.overridden(p.qualifiedName())) {
            if (declared.isDate()) { // an event date: unknown (NULL) until published
                return new Day(declared.date() == null ? "CAST(NULL AS DATE)" : dialect.date(declared.date()));
            }
            if (declared.isPending()) { // not published: unknown, like the interpreter's 待定
                return paramLiteral(null);
            }
            if (declared.table() != null) {
                return ParamLookup.compile(declared.table(), compile(p.at(), s), dialect, dec);
            }
        }
        if (p.at() == null) {
            return paramLiteral(params.at(p.qualifiedName(), s.paramDate()));
        }
        SqlValue at = compile(p.at(), s);
        if (at instanceof PeriodConst pc) {
            return paramLiteral(params.at(p.qualifiedName(), pc.period().start()));
        }
        if (at instanceof Day d && d.sql().startsWith("DATE '")) {
            return paramLiteral(params.at(p.qualifiedName(), LocalDate.parse(d.sql().substring(6, 16))));
        }
        // read at a date held by the enterprise: the latest value in force on that date (none yet: unknown)
        String col = at instanceof Day d ? d.sql() : ((MonthCol) at).sql();
        NavigableMap<LocalDate, BigDecimal> values = params.values(p.qualifiedName());
        List<Entry<LocalDate, BigDecimal>> desc = new ArrayList<>(values.descendingMap().entrySet());
        int scale = desc.stream().mapToInt(en -> dec.literal(en.getValue()).scale()).max().orElse(0);
        StringBuilder sb = new StringBuilder("CASE");
        int precision = 1;
        for (Entry<LocalDate, BigDecimal> en : desc) {
            Dec lit = dec.widen(dec.literal(en.getValue()), scale);
            precision = Math.max(precision, lit.precision());
            String v = lit.sql();
            if (en.getKey().equals(LocalDate.MIN)) {
                sb.append(" WHEN ").append(col).append(" IS NOT NULL THEN ").append(v);
            } else {
                sb.append(" WHEN ").append(col).append(" >= ").append(dialect.date(en.getKey())).append(" THEN ").append(v);
            }
        }
        return new Dec(sb.append(" END").toString(), scale, precision);
    }

    /** A parameter value as a literal; not yet in force = unknown. */
    private Dec paramLiteral(BigDecimal v) {
        return v == null ? new Dec("CAST(NULL AS " + dialect.decimal(0) + ")", 0) : dec.literal(v);
    }

    private SqlValue binary(Expr.Binary b, Scope s) {
        SqlValue l = compile(b.left(), s);
        SqlValue r = compile(b.right(), s);
        return switch (b.op()) {
            case AND -> new Logic("(" + ((Logic) l).sql() + " AND " + ((Logic) r).sql() + ")");
            case OR -> new Logic("(" + ((Logic) l).sql() + " OR " + ((Logic) r).sql() + ")");
            case ADD -> dec.add(l, r);
            case SUB -> dec.sub(l, r);
            case MUL -> dec.mul(l, r);
            case DIV -> dec.div(l, r);
            case IN -> in(l, r);
            default -> compare(l, b.op().symbol, r);
        };
    }

    private Logic compare(SqlValue l, String op, SqlValue r) {
        String sqlOp = op.equals("!=") ? "<>" : op;
        if (l instanceof Dec || l instanceof Frac) {
            return dec.compare(l, sqlOp, r);
        }
        return new Logic("(" + scalar(l) + " " + sqlOp + " " + scalar(r) + ")");
    }

    private String scalar(SqlValue v) {
        if (v instanceof Logic x) {
            return x.sql();
        } else if (v instanceof Str x) {
            return x.sql();
        } else if (v instanceof Day x) {
            return x.sql();
        } else if (v instanceof MonthCol x) {
            return x.sql();
        } else if (v instanceof Dec x) {
            return x.sql();
        }
        throw new IllegalArgumentException("不能在 SQL 中直接比较 " + v);
    }

    private Logic in(SqlValue l, SqlValue r) {
        if (r instanceof Items items) {
            if (items.items().isEmpty()) {
                return new Logic("CASE WHEN " + (l instanceof Dec || l instanceof Frac ? dec.known(l) : "(" + scalar(l) + " IS NOT NULL)")
                        + " THEN FALSE END");
            }
            if (l instanceof Dec || l instanceof Frac) {
                List<String> eqs = items.items().stream().map(i -> dec.compare(l, "=", i).sql()).collect(Collectors.toList());
                return new Logic("(" + String.join(" OR ", eqs) + ")");
            }
            return new Logic("(" + scalar(l) + " IN (" + items.items().stream().map(this::scalar)
                    .collect(Collectors.joining(", ")) + "))");
        }
        Period p = ((PeriodConst) r).period();
        if (l instanceof PeriodConst lp) {
            return new Logic(p.contains(lp.period()) ? "TRUE" : "FALSE");
        }
        if (l instanceof MonthCol m) {
            // the whole month lies in P: first day >= P.start and month end <= P.end
            YearMonth last = YearMonth.from(p.end());
            if (!p.end().equals(last.atEndOfMonth())) {
                last = last.minusMonths(1);
            }
            return new Logic("(" + m.sql() + " >= " + dialect.date(p.start()) + " AND " + m.sql() + " <= "
                    + dialect.date(last.atDay(1)) + ")");
        }
        String d = scalar(l);
        return new Logic("(" + d + " >= " + dialect.date(p.start()) + " AND " + d + " <= " + dialect.date(p.end()) + ")");
    }

    private SqlValue ifThen(Expr.If f, Scope s) {
        String c = dec.share(((Logic) compile(f.condition(), s)).sql());
        SqlValue a = compile(f.then(), s);
        SqlValue b = compile(f.otherwise(), s);
        if (a instanceof Dec || a instanceof Frac) {
            return dec.choose(c, "NOT " + c, a, b);
        }
        String sql = "CASE WHEN " + c + " THEN " + scalar(a) + " WHEN NOT " + c + " THEN " + scalar(b) + " END";
        if (a instanceof Logic) {
            return new Logic(sql);
        } else if (a instanceof Str) {
            return new Str(sql);
        } else if (a instanceof Day) {
            return new Day(sql);
        } else if (a instanceof MonthCol) {
            return new MonthCol(sql);
        }
        throw new IllegalArgumentException("if 的分支类型不能编译为 SQL: " + a);
    }

    private SqlValue forEach(Expr.ForEach f, Scope s) {
        List<SqlValue> parts = new ArrayList<>();
        for (YearMonth m : f.range().months()) {
            parts.add(compile(f.body(), s.bind(f.variable(), m)));
        }
        return fold(f.aggregate() == Expr.Aggregate.SUM ? Expr.Function.SUM
                : f.aggregate() == Expr.Aggregate.MIN ? Expr.Function.MIN : Expr.Function.MAX, parts);
    }

    private SqlValue fold(Expr.Function fn, List<SqlValue> parts) {
        if (fn == Expr.Function.SUM && parts.size() > 2) {
            return dec.sumValues(parts);
        }
        SqlValue acc = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            SqlValue x = parts.get(i);
            acc = switch (fn) {
                case SUM -> dec.add(acc, x);
                case MIN -> dec.min(acc, x);
                case MAX -> dec.max(acc, x);
                default -> throw new IllegalStateException(fn.name());
            };
        }
        return acc;
    }

    private SqlValue function(Expr.Fn f, Scope s) {
        List<Expr> args = f.args();
        switch (f.function()) {
            case MIN, MAX, SUM -> {
                List<SqlValue> parts = new ArrayList<>();
                for (Expr a : args) {
                    parts.add(compile(a, s));
                }
                if (parts.get(0) instanceof Day) { // the earlier / later date; unknown if any is
                    String acc = ((Day) parts.get(0)).sql();
                    for (int i = 1; i < parts.size(); i++) {
                        String x = ((Day) parts.get(i)).sql();
                        acc = "CASE WHEN " + acc + " " + (f.function() == Expr.Function.MIN ? "<=" : ">=") + " " + x + " THEN " + acc
                                + " WHEN " + x + " IS NOT NULL AND " + acc + " IS NOT NULL THEN " + x + " END";
                    }
                    return new Day(acc);
                }
                return fold(f.function(), parts);
            }
            case ABS -> {
                return dec.abs(compile(args.get(0), s));
            }
            case DAYS -> {
                return dec.literal(BigDecimal.valueOf(((Expr.PeriodLit) args.get(0)).value().days()));
            }
            case KNOWN -> {
                SqlValue v = compile(args.get(0), s);
                if (v instanceof Dec || v instanceof Frac) {
                    return new Logic(dec.known(v));
                }
                if (v instanceof PeriodConst || v instanceof Items) {
                    return new Logic("TRUE");
                }
                return new Logic("(" + scalar(v) + " IS NOT NULL)");
            }
            case ITEMS_GIVEN -> {
                String kind = ((Expr.Text) args.get(0)).value();
                return new Logic(itemAggregates == null ? ItemSql.given(kind) : itemAggregates.given(kind));
            }
            case DAYS_BETWEEN -> {
                String from = ((Day) compile(args.get(0), s)).sql();
                String to = ((Day) compile(args.get(1), s)).sql();
                return new Dec("CAST(" + dialect.daysBetween(from, to) + " AS " + dialect.decimal(0) + ")", 0);
            }
            case MONTHS_BETWEEN -> {
                String from = ((Day) compile(args.get(0), s)).sql();
                String to = ((Day) compile(args.get(1), s)).sql();
                return new Dec("CAST(" + dialect.monthsBetween(from, to) + " AS " + dialect.decimal(0) + ")", 0);
            }
            case ADD_DAYS, ADD_MONTHS -> {
                // a whole number of days or months; otherwise NULL, as the interpreter's unknown
                String date = ((Day) compile(args.get(0), s)).sql();
                SqlValue n = compile(args.get(1), s);
                if (!(n instanceof Dec)) {
                    throw new IllegalArgumentException("日期加减的天数或月数不能来自除法（检查它引用的中间值）");
                }
                String k = dec.share(((Dec) n).sql());
                String whole = "CAST(" + k + " AS INTEGER)";
                String shifted = f.function() == Expr.Function.ADD_MONTHS ? dialect.addMonths(date, whole) : dialect.addDays(date, whole);
                String isWhole = dec.compare(new Dec(k, ((Dec) n).scale()), "=", new Dec("floor(" + k + ")", 0)).sql();
                return new Day("CASE WHEN " + isWhole + " THEN " + shifted + " END");
            }
            case STARTS_WITH -> {
                String a = scalar(compile(args.get(0), s));
                String b = scalar(compile(args.get(1), s));
                return new Logic("(substr(" + a + ", 1, length(" + b + ")) = " + b + ")");
            }
            case AVG -> {
                return average((Expr.IndicatorRef) args.get(0), s);
            }
            case YOY_INCREASE, YOY_GROWTH, DAILY_AVG -> {
                Expr.IndicatorRef ref = (Expr.IndicatorRef) args.get(0);
                Period p = period(ref.period(), s);
                SqlValue now = indicator(ref.id(), p);
                if (f.function() == Expr.Function.DAILY_AVG) {
                    return dec.div(now, dec.literal(BigDecimal.valueOf(p.days())));
                }
                SqlValue before = indicator(ref.id(), p.previousYear());
                SqlValue increase = dec.sub(now, before);
                return f.function() == Expr.Function.YOY_INCREASE ? increase : dec.div(increase, before);
            }
            default -> throw new IllegalArgumentException("SQL 编译器不支持函数 " + f.function());
        }
    }
}
