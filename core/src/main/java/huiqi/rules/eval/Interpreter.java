package huiqi.rules.eval;

import huiqi.enterprise.Enterprise;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.enterprise.ProfileField;
import huiqi.facts.FactValue;
import huiqi.facts.Granularity;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.policy.Zones;
import huiqi.quantity.Unit;
import huiqi.rules.Status;
import huiqi.rules.file.Condition;
import huiqi.rules.file.Let;
import huiqi.rules.file.Parameter;
import huiqi.rules.file.Rule;
import huiqi.rules.file.SharedCap;
import huiqi.rules.lang.Checker;
import huiqi.rules.lang.Expr;
import huiqi.rules.lang.Expr.BinaryOp;
import huiqi.rules.lang.Type;
import huiqi.rules.plan.RulePlan;
import huiqi.rules.size.SizeStandard;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Evaluates the checked expressions of one rule for one enterprise with three-valued (Kleene) logic,
 * recording what it saw for the explanation and the numeric comparisons for nearMiss. Rounding, payer split
 * and 取高不重复 are {@link Evaluator}'s job.
 */
final class Interpreter {
    /** Everything an evaluation may read. {@code results} holds the finished rules of the same file. */
    record Context(EnterpriseRecord enterprise, IndicatorCatalog catalog, Map<String, Parameter> params,
                   LocalDate paramDate, Overrides overrides, Map<String, RuleResult> results) { }

    /** A numeric comparison as evaluated. */
    record Comparison(String leftLabel, BinaryOp op, BigDecimal left, BigDecimal right, Unit unit, boolean holds) { }

    /**
     * A payer's share kept as an exact fraction: a share written as a division (province / (province + city))
     * is split on the exact value, so the part rounds like the SQL path does, not on a 34-digit quotient.
     */
    record Share(BigDecimal numerator, BigDecimal denominator) {
        BigDecimal of(BigDecimal amount) {
            return amount.multiply(numerator).divide(denominator, 2, RoundingMode.HALF_UP);
        }
    }

    /** Numerator and denominator of a share expression (denominator 1 unless the share is a top-level division). */
    private Value[] shareParts(Checker.Checked share) {
        if (share.expr() instanceof Expr.Binary b && b.op() == Expr.BinaryOp.DIV) {
            return new Value[] {
                evaluate(new Checker.Checked(b.left(), share.types().get(b.left()), share.types()), "share"),
                evaluate(new Checker.Checked(b.right(), share.types().get(b.right()), share.types()), "share")};
        }
        return new Value[] {evaluate(share, "share"), Value.known(BigDecimal.ONE)};
    }

    /** One rule before rounding and 取高不重复: amount exact (not rounded), after its caps and deducts. */
    record Outcome(Status status, BigDecimal amount, List<Share> shares, List<String> explanation,
                   Set<String> missing, String nearMiss, List<RuleResult.ItemPart> parts) {
        Outcome(Status status, BigDecimal amount, List<Share> shares, List<String> explanation, Set<String> missing, String nearMiss) {
            this(status, amount, shares, explanation, missing, nearMiss, List.of());
        }
    }

    private static final MathContext MC = MathContext.DECIMAL128;

    private final Context ctx;
    private final Rule rule;
    private final Map<String, Value> letValues = new HashMap<>();
    private final Map<String, Let> lets = new LinkedHashMap<>();
    private Map<Expr, Type> types = Map.of();
    private String text = "";
    private final Map<String, Period> loop = new HashMap<>();
    private final Map<String, huiqi.facts.Item> currentItems = new HashMap<>();
    /** The value of each sum_before of the ordered item loop being evaluated, for its current item. */
    private final Map<Expr.RunningSum, Value> runningSums = new IdentityHashMap<>();
    /** borne_by: each counted item's amount summed per bearer, the items per bearer, the counted items naming none. */
    private final Map<String, BigDecimal> bearerAmounts = new LinkedHashMap<>();
    private final Map<String, List<String>> bearerItems = new LinkedHashMap<>();
    private final List<String> itemsWithoutBearer = new ArrayList<>();
    /** One line per item of an item loop ("贷款 L001：…"), shown under the condition or amount that read them. */
    private final List<String> itemLines = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private final Map<String, Map<String, String>> loopSeen = new LinkedHashMap<>();
    private final List<Comparison> comparisons = new ArrayList<>();
    // what run() has found so far
    private final List<String> explanation = new ArrayList<>();
    /** The explanation lines of the document scope's conditions: [scopeFrom, scopeTo). */
    private int scopeFrom;
    private int scopeTo;
    private final Set<String> missing = new LinkedHashSet<>();
    private String nearMiss;
    private BigDecimal amount;
    private final ExprWords words = new ExprWords(this::label, this::sourceText);
    /** Words with each name's value for one item's line: "贷款余额 5,000,000.00元 × 年利率 3.6% × …". */
    private final ExprWords itemWords = new ExprWords(this::labelWithValue, this::sourceText);

    Interpreter(Context ctx, Rule rule) {
        this.ctx = ctx;
        this.rule = rule;
        rule.lets().forEach(l -> lets.put(l.name(), l));
    }

    /** Evaluates a checked expression of this rule, or of its document (a shared cap). */
    Value evaluate(Checker.Checked c, String sourceText) {
        Map<Expr, Type> savedTypes = types;
        String savedText = text;
        types = c.types();
        text = sourceText == null ? "" : sourceText;
        try {
            return eval(c.expr());
        } finally {
            types = savedTypes;
            text = savedText;
        }
    }

    /** The rule's stages in {@link RulePlan} order up to its payers' shares; the first undeterminable one ends it. */
    Outcome run(List<RulePlan.CapShare> sharedCaps, String validityPending) {
        Status eligibility = eligibility(validityPending);
        if (eligibility == Status.INELIGIBLE) {
            return new Outcome(eligibility, rule.amount() == null ? null : BigDecimal.ZERO, List.of(), explanation, Set.of(), nearMiss);
        }
        if (eligibility == Status.UNDETERMINABLE) {
            return undeterminable();
        }
        if (rule.amount() == null) {
            return new Outcome(Status.ELIGIBLE, null, List.of(), explanation, Set.of(), null);
        }
        Unit unit = ((Type.Num) rule.amount().type()).unit();
        List<Share> shares = new ArrayList<>();
        boolean known = amount(unit) && ownCap(unit) && deducts(unit) && sharedCaps(sharedCaps, unit) && payerShares(shares);
        if (known && rule.itemPayer() != null) {
            return bearerParts();
        }
        return known ? new Outcome(Status.ELIGIBLE, amount, shares, explanation, Set.of(), null) : undeterminable();
    }

    /** Which lines of the explanation explain the document's {@code scope:} conditions (after {@link #run}). */
    RuleResult.ScopeLines scopeLines() {
        return new RuleResult.ScopeLines(scopeFrom, scopeTo);
    }

    /**
     * {@code borne_by}: the items' amounts (each already to the fen) grouped by the bearer each item names, in the order
     * the items come; their sum is the amount. An item counted without a bearer makes the rule undeterminable.
     */
    private Outcome bearerParts() {
        var ip = rule.itemPayer();
        if (!itemsWithoutBearer.isEmpty()) {
            for (String id : itemsWithoutBearer) {
                missing.add(ip.kind() + "[" + id + "]." + ip.field());
            }
            String kindName = ctx.catalog().itemKind(ip.kind()).map(huiqi.facts.ItemKind::name).orElse(ip.kind());
            explanation.add("? 缺少 " + kindName + " " + String.join("、", itemsWithoutBearer) + " 的" + ip.fieldName()
                    + "：不知道由谁" + ip.verb());
            return undeterminable();
        }
        List<RuleResult.ItemPart> parts = new ArrayList<>();
        if (amount.signum() > 0) {
            for (var e : bearerAmounts.entrySet()) {
                parts.add(new RuleResult.ItemPart(ip.fieldName(), e.getKey(), e.getValue(), List.copyOf(bearerItems.get(e.getKey()))));
                explanation.add("由" + ip.fieldName() + " " + e.getKey() + " " + ip.verb() + " "
                        + Display.money(e.getValue(), "元") + "（" + String.join("、", bearerItems.get(e.getKey())) + "）");
            }
        }
        return new Outcome(Status.ELIGIBLE, amount, List.of(), explanation, Set.of(), null, parts);
    }

    private void flushItemLines() {
        itemLines.forEach(l -> explanation.add("  " + l));
        itemLines.clear();
    }

    private Outcome undeterminable() {
        return new Outcome(Status.UNDETERMINABLE, null, List.of(), explanation, missing, null);
    }

    /** Validity, region prefix and conditions, three-valued: any false decides, else any unknown. */
    private Status eligibility(String validityPending) {
        boolean anyFalse = false;
        boolean anyUnknown = false;
        if (validityPending != null) { // in force from its start until an event whose date is not published yet
            anyUnknown = true;
            explanation.add("? 在有效期内（" + rule.valid() + "）：" + validityPending);
        }
        Enterprise p = ctx.enterprise().profile();
        if (rule.region() != null) {
            String where = "适用地区 " + RegionWords.prefix(rule.region());
            if (p.regionCode() == null || p.regionCode().isBlank()) {
                anyUnknown = true;
                missing.add("region");
                explanation.add("? " + where + "：缺少企业行政区划代码");
            } else if (p.regionCode().startsWith(rule.region())) {
                explanation.add("✓ " + where + "：企业所在 " + RegionWords.code(p.regionCode()));
            } else {
                anyFalse = true;
                explanation.add("✗ " + where + "：企业所在 " + RegionWords.code(p.regionCode()));
            }
        }
        if (rule.zone() != null) {
            String where = "适用园区 " + rule.zone();
            Object z = p.attributes().get(Zones.ATTRIBUTE);
            String zone = z == null ? null : Zones.canonical(z.toString()).orElse(z.toString());
            if (zone == null) {
                anyUnknown = true;
                missing.add(Zones.ATTRIBUTE);
                explanation.add("? " + where + "：缺少企业所在园区（功能区）");
            } else if (zone.equals(rule.zone())) {
                explanation.add("✓ " + where + "：企业所在园区 " + zone);
            } else {
                anyFalse = true;
                explanation.add("✗ " + where + "：企业" + (zone.equals(Zones.NONE) ? "不在任何园区" : "所在园区 " + zone));
            }
        }
        scopeFrom = explanation.size();
        scopeTo = scopeFrom;
        for (Condition c : rule.conditions()) {
            seen.clear();
            comparisons.clear();
            Value v = evaluate(c.expr(), c.text());
            String saw = seen.isEmpty() ? "" : "：" + String.join("；", seen);
            // a condition written without a label reads in the words of its names, not as code
            String label = c.label().equals(c.text()) ? words.of(c.expr().expr()) : c.label();
            if (v instanceof Value.Known k && Boolean.TRUE.equals(k.value())) {
                explanation.add("✓ " + label + saw);
            } else if (v instanceof Value.Known) {
                explanation.add("✗ " + label + saw);
                if (!anyFalse) {
                    nearMiss = nearMiss(comparisons);
                }
                anyFalse = true;
            } else {
                Value.Unknown u = (Value.Unknown) v;
                anyUnknown = true;
                missing.addAll(u.missing());
                explanation.add("? " + label + saw + unknownText(u));
            }
            flushItemLines();
            if (c.ofDocument()) {
                scopeTo = explanation.size();
            }
        }
        return anyFalse ? Status.INELIGIBLE : anyUnknown ? Status.UNDETERMINABLE : Status.ELIGIBLE;
    }

    /** The amount; a negative one counts as 0. */
    private boolean amount(Unit unit) {
        seen.clear();
        Value a = evaluate(rule.amount(), amountText());
        if (a instanceof Value.Unknown u) {
            explanation.add("? 金额 = " + words.of(rule.amount().expr()) + (seen.isEmpty() ? "" : "：" + String.join("；", seen)) + unknownText(u));
            flushItemLines();
            missing.addAll(u.missing());
            return false;
        }
        amount = (BigDecimal) ((Value.Known) a).value();
        explanation.add("金额 = " + words.of(rule.amount().expr()) + " = " + Display.number(amount, unit)
                + (seen.isEmpty() ? "" : "（" + String.join("；", seen) + "）"));
        flushItemLines();
        if (amount.signum() < 0) {
            explanation.add("金额为负，按 0 计");
            amount = BigDecimal.ZERO;
        }
        return true;
    }

    private boolean ownCap(Unit unit) {
        if (rule.cap() == null) {
            return true;
        }
        seen.clear();
        Value cv = evaluate(rule.cap(), rule.capText());
        if (cv instanceof Value.Unknown u) {
            missing.addAll(u.missing());
            explanation.add("? 上限" + unknownText(u));
            return false;
        }
        BigDecimal cap = (BigDecimal) ((Value.Known) cv).value();
        if (amount.compareTo(cap) > 0) {
            explanation.add("按上限 " + Display.number(cap, unit) + " 封顶（最高不超过）");
            amount = cap;
        }
        return true;
    }

    /** Less what the rules named in deducts granted, in declared order. */
    private boolean deducts(Unit unit) {
        for (String d : rule.deducts()) {
            RuleResult r = ctx.results().get(d);
            if (r == null || r.status() == Status.UNDETERMINABLE) {
                explanation.add("? 需扣除" + (r == null ? "另一项政策" : "“" + r.title() + "”") + "已获金额，但其结果无法判断");
                missing.addAll(r == null ? List.of() : r.missing());
                return false;
            }
            BigDecimal got = r.amount() == null ? BigDecimal.ZERO : r.amount();
            BigDecimal after = amount.subtract(got).max(BigDecimal.ZERO);
            explanation.add("扣除已获“" + r.title() + "” " + Display.number(got, unit) + "，余 " + Display.number(after, unit));
            amount = after;
        }
        return true;
    }

    /** At most what each shared cap leaves after the rules before this one in it, in declared order. */
    private boolean sharedCaps(List<RulePlan.CapShare> sharedCaps, Unit unit) {
        for (RulePlan.CapShare share : sharedCaps) {
            SharedCap cap = share.cap();
            Value cv = evaluate(cap.cap(), cap.text());
            BigDecimal used = BigDecimal.ZERO;
            boolean unknown = !(cv instanceof Value.Known);
            for (String earlier : share.before()) {
                RuleResult r = ctx.results().get(earlier);
                if (r.status() == Status.UNDETERMINABLE) {
                    unknown = true;
                    missing.addAll(r.missing());
                } else if (r.amount() != null) {
                    used = used.add(r.amount());
                }
            }
            if (unknown) {
                explanation.add("? 与" + titles(cap.rules()) + "共享上限，但前面的措施无法判断");
                return false;
            }
            BigDecimal capValue = (BigDecimal) ((Value.Known) cv).value();
            BigDecimal remaining = capValue.subtract(used).max(BigDecimal.ZERO);
            if (amount.compareTo(remaining) > 0) {
                explanation.add("与" + titles(cap.rules()) + "共享上限 " + Display.number(capValue, unit)
                        + "（已用 " + Display.number(used, unit) + "），本项封顶为 " + Display.number(remaining, unit));
                amount = remaining;
            }
        }
        return true;
    }

    /** With several payers, each one's share: all known, none dividing by zero, summing to 1. */
    private boolean payerShares(List<Share> shares) {
        if (rule.payers().size() <= 1) {
            return true;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (var payer : rule.payers()) {
            Value[] parts = shareParts(payer.share());
            for (Value sv : parts) {
                if (sv instanceof Value.Unknown u) {
                    missing.addAll(u.missing());
                    explanation.add("? " + payer.label() + " 的份额" + unknownText(u));
                    return false;
                }
            }
            BigDecimal num = (BigDecimal) ((Value.Known) parts[0]).value();
            BigDecimal den = (BigDecimal) ((Value.Known) parts[1]).value();
            if (den.signum() == 0) {
                explanation.add("? " + payer.label() + " 的份额：除数为零");
                return false;
            }
            shares.add(new Share(num, den));
            total = total.add(num.divide(den, MC));
        }
        if (total.subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("1e-20")) > 0) {
            explanation.add("? 付款方份额合计为 " + Display.plain(total) + "，应为 1");
            return false;
        }
        return true;
    }

    private String amountText() {
        return rule.amountText() == null ? "" : rule.amountText();
    }

    /** The other rules of a shared cap by title (this rule itself as 本项). */
    private String titles(List<String> ruleIds) {
        return ruleIds.stream().map(id -> id.equals(rule.id()) ? "本项"
                : ctx.results().containsKey(id) ? "“" + ctx.results().get(id).title() + "”" : "同一上限内的其他措施")
                .distinct().collect(Collectors.joining("、"));
    }

    private String unknownText(Value.Unknown u) {
        List<String> parts = new ArrayList<>();
        if (!u.missing().isEmpty()) {
            parts.add(MissingFacts.sentence(u.missing(), ctx.catalog()));
        }
        parts.addAll(u.reasons());
        return parts.isEmpty() ? "" : "（" + String.join("；", parts) + "）";
    }

    private static String nearMiss(List<Comparison> cs) {
        for (Comparison c : cs) {
            // a zero bound tests presence (省级奖励 > 0), not a threshold to come close to
            if (c.holds() || c.right().signum() == 0) {
                continue;
            }
            String l = Display.number(c.left(), c.unit());
            String r = Display.number(c.right(), c.unit());
            switch (c.op()) {
                case GE, GT -> {
                    BigDecimal gap = c.right().subtract(c.left());
                    return c.leftLabel() + " " + l + "，距 " + r + " 差 " + Display.number(gap, c.unit())
                            + (c.op() == BinaryOp.GT ? "（须超过）" : "");
                }
                case LE, LT -> {
                    BigDecimal gap = c.left().subtract(c.right());
                    return c.leftLabel() + " " + l + "，超出 " + r + " " + Display.number(gap, c.unit())
                            + (c.op() == BinaryOp.LT ? "（须低于）" : "");
                }
                default -> { }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ expressions

    private Unit unitOf(Expr e) {
        Type t = types.get(e);
        return t instanceof Type.Num n ? n.unit() : Unit.NONE;
    }

    private String label(Expr e) {
        if (e instanceof Expr.LetRef l) {
            Let let = lets.get(l.name());
            if (let != null && let.label() != null) {
                return let.label();
            }
            return let == null ? l.name() : words.of(let.expr().expr());
        }
        if (e instanceof Expr.RuleRef r) {
            RuleResult res = ctx.results().get(r.ruleId());
            String title = res == null ? "另一项政策" : "“" + res.title() + "”";
            return r.field() == Expr.RuleField.ELIGIBLE ? "符合" + title : title + "已获金额";
        }
        if (e instanceof Expr.IndicatorRef r) {
            return ctx.catalog().indicator(r.id()).map(IndicatorCatalog.Indicator::name).orElse(r.id())
                    + "（" + period(r.period()) + "）";
        }
        if (e instanceof Expr.Fn f && (f.function() == Expr.Function.YOY_GROWTH || f.function() == Expr.Function.YOY_INCREASE
                || f.function() == Expr.Function.DAILY_AVG || f.function() == Expr.Function.AVG) && f.args().get(0) instanceof Expr.IndicatorRef r) {
            String what = switch (f.function()) {
                case YOY_GROWTH -> "同比增长率";
                case YOY_INCREASE -> "同比增量";
                case AVG -> Averages.word(ctx.catalog(), r.id());
                default -> "日均值";
            };
            return ctx.catalog().indicator(r.id()).map(IndicatorCatalog.Indicator::name).orElse(r.id()) + what
                    + "（" + period(r.period()) + "）";
        }
        if (e instanceof Expr.ItemField f) {
            return ctx.catalog().itemKind(f.kind()).flatMap(k -> k.field(f.field())).map(huiqi.facts.ItemKind.Field::name).orElse(f.field());
        }
        if (e instanceof Expr.Fn f && f.function() == Expr.Function.ITEMS_GIVEN) {
            String kind = ((Expr.Text) f.args().get(0)).value();
            return "已逐项申报" + ctx.catalog().itemKind(kind).map(k -> k.name()).orElse(kind) + "清单";
        }
        if (e instanceof Expr.ItemLoop l) {
            return ctx.catalog().itemKind(l.kind()).map(k -> k.name()).orElse(l.kind()) + "清单";
        }
        if (e instanceof Expr.RunningSum r) {
            return "排在前面各项的" + words.of(r.arg()) + "之和";
        }
        if (e instanceof Expr.ParamRef p) {
            return ParameterWords.label(ctx.params().get(p.qualifiedName()), p.qualifiedName());
        }
        Expr.AttributeRef a = e instanceof Expr.AttributeRef x ? x : null;
        if (a != null) {
            return MissingFacts.name(a.id(), ctx.catalog());
        }
        return words.of(e);
    }

    /** An expression as written in the rule file: only for constructs {@link ExprWords} has no words for yet. */
    private String sourceText(Expr e) {
        int s = Math.max(0, e.span().start());
        int end = Math.min(text.length(), e.span().end());
        return s < end ? text.substring(s, end) : e.toString();
    }

    private String period(Expr.PeriodRef r) {
        if (r instanceof Expr.Fixed f) {
            return Display.period(f.period());
        }
        Period p = loop.get(((Expr.Var) r).variable());
        return p == null ? "当月" : Display.period(p);
    }

    private Value eval(Expr e) {
        if (e instanceof Expr.Num n) {
            return Value.known(n.value());
        } else if (e instanceof Expr.Bool b) {
            return Value.known(b.value());
        } else if (e instanceof Expr.Text t) {
            return Value.known(t.value());
        } else if (e instanceof Expr.DateLit d) {
            return Value.known(d.value());
        } else if (e instanceof Expr.PeriodLit p) {
            return Value.known(p.value());
        } else if (e instanceof Expr.ListLit l) {
            List<Object> out = new ArrayList<>();
            List<Value> unknown = new ArrayList<>();
            for (Expr item : l.items()) {
                Value v = eval(item);
                if (v instanceof Value.Known k) {
                    out.add(k.value());
                } else {
                    unknown.add(v);
                }
            }
            return unknown.isEmpty() ? Value.known(out) : Value.merge(unknown.toArray(Value[]::new));
        } else if (e instanceof Expr.AttributeRef a) {
            return attribute(a);
        } else if (e instanceof Expr.IndicatorRef r) {
            Period p = r.period() instanceof Expr.Fixed f ? f.period() : loop.get(((Expr.Var) r.period()).variable());
            Value v = indicator(r.id(), p);
            if (v instanceof Value.Known k) {
                String shown = Display.number((BigDecimal) k.value(), unitOf(r));
                if (r.period() instanceof Expr.Var) { // one line per indicator for a whole for-each loop
                    String name = ctx.catalog().indicator(r.id()).map(IndicatorCatalog.Indicator::name).orElse(r.id());
                    loopSeen.computeIfAbsent(name, x -> new LinkedHashMap<>()).put(p.toString(), shown);
                } else {
                    seen.add(label(r) + " = " + shown);
                }
            }
            return v;
        } else if (e instanceof Expr.ParamRef p) {
            return param(p);
        } else if (e instanceof Expr.LetRef l) {
            return let(l);
        } else if (e instanceof Expr.LoopVar v) {
            return Value.known(loop.get(v.name()));
        } else if (e instanceof Expr.RuleRef r) {
            return ruleRef(r);
        } else if (e instanceof Expr.Unary u) {
            Value v = eval(u.operand());
            if (!(v instanceof Value.Known k)) {
                return v;
            }
            return u.op() == Expr.UnaryOp.NOT ? Value.known(!(Boolean) k.value()) : Value.known(((BigDecimal) k.value()).negate());
        } else if (e instanceof Expr.Binary b) {
            return binary(b);
        } else if (e instanceof Expr.If f) {
            Value c = eval(f.condition());
            if (!(c instanceof Value.Known k)) {
                return c;
            }
            return (Boolean) k.value() ? eval(f.then()) : eval(f.otherwise());
        } else if (e instanceof Expr.ForEach f) {
            return forEach(f);
        } else if (e instanceof Expr.Fn f) {
            return fn(f);
        } else if (e instanceof Expr.ItemLoop l) {
            return itemLoop(l);
        } else if (e instanceof Expr.ItemField f) {
            return itemField(f);
        } else if (e instanceof Expr.RunningSum r) {
            Value v = runningSums.get(r);
            if (v instanceof Value.Known k) {
                seen.add(label(r) + " " + Display.number((BigDecimal) k.value(), unitOf(r)));
            }
            return v;
        }
        throw new IllegalStateException("未检查的表达式节点: " + e);
    }

    /**
     * Every listed item of the kind: the filter decides (unknown filter → that item unknown), then the body. Any
     * unknown item makes the aggregate unknown, never a partial sum; a list not given is unknown, an empty one is 0.
     */
    private Value itemLoop(Expr.ItemLoop l) {
        var facts = ctx.enterprise().facts();
        huiqi.facts.ItemKind kind = ctx.catalog().itemKind(l.kind()).orElseThrow();
        if (!facts.hasItems(l.kind())) {
            return Value.missing(l.kind());
        }
        if (l.order() != null) {
            return orderedItemLoop(l, kind, facts.items(l.kind()));
        }
        ItemFold fold = new ItemFold(l.aggregate());
        List<Value> unknown = fold.unknown();
        Unit unit = unitOf(l.body());
        for (huiqi.facts.Item item : facts.items(l.kind())) {
            currentItems.put(l.variable(), item);
            Set<String> outer = new LinkedHashSet<>(seen);
            seen.clear();
            String head = kind.name() + " " + item.id() + "：";
            try {
                if (!counts(l, head, unknown)) {
                    continue;
                }
                seen.clear();
                Value v = eval(l.body());
                String saw = seen.isEmpty() ? "" : String.join("；", seen);
                if (v instanceof Value.Known k) {
                    BigDecimal x = settle(l, item, k, fold);
                    itemLines.add(head + itemWords.of(l.body()) + " = " + Display.number(x, unit));
                } else {
                    unknown.add(v);
                    itemLines.add(head + "无法计算" + unknownText((Value.Unknown) v));
                }
            } finally {
                seen.clear();
                seen.addAll(outer);
                currentItems.remove(l.variable());
            }
        }
        return fold.end(kind.name());
    }

    /**
     * One item's amount in a loop: settled to the fen before the aggregate (as a bank settles each loan's interest), its
     * part recorded for the item's bearer when the loop is the rule's amount under borne_by, and combined into the fold.
     */
    private BigDecimal settle(Expr.ItemLoop l, huiqi.facts.Item item, Value.Known k, ItemFold fold) {
        BigDecimal x = ((BigDecimal) k.value()).setScale(2, RoundingMode.HALF_UP);
        if (rule.itemPayer() != null && rule.amount() != null && l == rule.amount().expr()) {
            Object bearer = item.get(rule.itemPayer().field());
            if (bearer == null || String.valueOf(bearer).isBlank()) {
                itemsWithoutBearer.add(item.id());
            } else {
                bearerAmounts.merge(String.valueOf(bearer), x, BigDecimal::add);
                bearerItems.computeIfAbsent(String.valueOf(bearer), b -> new ArrayList<>()).add(item.id());
            }
        }
        fold.combine(x);
        return x;
    }

    /**
     * Whether the loop's current item passes its {@code where} (true without one). An item left out, or whose filter is
     * unknown (added to {@code unknown}), gets its line saying why.
     */
    private boolean counts(Expr.ItemLoop l, String head, List<Value> unknown) {
        if (l.filter() == null) {
            return true;
        }
        Value f = eval(l.filter());
        if (f instanceof Value.Known k && !(Boolean) k.value()) {
            itemLines.add(head + "不计（不满足" + words.of(l.filter()) + (seen.isEmpty() ? "" : "：" + String.join("；", seen)) + "）");
            return false;
        }
        if (!(f instanceof Value.Known)) {
            unknown.add(f);
            itemLines.add(head + "无法判断是否计入" + unknownText((Value.Unknown) f));
            return false;
        }
        return true;
    }

    /**
     * An item loop with {@code order by}: the filter picks the items, the key orders them (ties by item id in the same
     * direction), then the body is evaluated item by item with every {@code sum_before} bound to the sum of its argument
     * over the items before (each term settled to the fen). A key unknown on a counted item leaves the order, and so the
     * aggregate, unknown; an argument unknown on one item leaves the running sums of every later item unknown.
     */
    private Value orderedItemLoop(Expr.ItemLoop l, huiqi.facts.ItemKind kind, List<huiqi.facts.Item> items) {
        ItemFold fold = new ItemFold(l.aggregate());
        List<Value> unknown = fold.unknown();
        List<huiqi.facts.Item> counted = new ArrayList<>();
        Map<huiqi.facts.Item, Object> keys = new IdentityHashMap<>();
        for (huiqi.facts.Item item : items) {
            String head = kind.name() + " " + item.id() + "：";
            Set<String> outer = new LinkedHashSet<>(seen);
            currentItems.put(l.variable(), item);
            try {
                seen.clear();
                if (!counts(l, head, unknown)) {
                    continue;
                }
                Value key = eval(l.order().key());
                if (key instanceof Value.Known k) {
                    keys.put(item, k.value());
                    counted.add(item);
                } else {
                    unknown.add(key);
                    itemLines.add(head + "无法排序，顺序无法确定" + unknownText((Value.Unknown) key));
                }
            } finally {
                seen.clear();
                seen.addAll(outer);
                currentItems.remove(l.variable());
            }
        }
        if (fold.anyUnknown()) {
            return fold.end(kind.name());
        }
        Comparator<huiqi.facts.Item> byKey = Comparator.comparing(it -> ItemOrder.comparable(keys.get(it)));
        byKey = byKey.thenComparing(huiqi.facts.Item::id);
        counted.sort(l.order().descending() ? byKey.reversed() : byKey);
        itemLines.add("按" + words.of(l.order().key()) + direction(l.order())
                + "逐项计算，相同时按编号：");
        List<Expr.RunningSum> sums = new ArrayList<>();
        huiqi.rules.lang.Exprs.walk(l.body(), e -> {
            if (e instanceof Expr.RunningSum r && r.variable().equals(l.variable())) {
                sums.add(r);
            }
        });
        sums.forEach(r -> runningSums.put(r, Value.known(BigDecimal.ZERO)));
        Unit unit = unitOf(l.body());
        int position = 0;
        try {
            for (huiqi.facts.Item item : counted) {
                position++;
                String head = "第" + position + "项 " + kind.name() + " " + item.id() + "：";
                Set<String> outer = new LinkedHashSet<>(seen);
                currentItems.put(l.variable(), item);
                try {
                    seen.clear();
                    Value v = eval(l.body());
                    if (v instanceof Value.Known k) {
                        BigDecimal x = settle(l, item, k, fold);
                        itemLines.add(head + takenWords(l.body()) + " = " + Display.number(x, unit));
                    } else {
                        unknown.add(v);
                        itemLines.add(head + "无法计算" + unknownText((Value.Unknown) v));
                    }
                    for (Expr.RunningSum r : sums) {
                        runningSums.put(r, addTerm(runningSums.get(r), r, kind, item));
                    }
                } finally {
                    seen.clear();
                    seen.addAll(outer);
                    currentItems.remove(l.variable());
                }
            }
        } finally {
            sums.forEach(runningSums::remove);
        }
        return fold.end(kind.name());
    }

    /** An item's line of an ordered loop: only the branches of if … then … else the item took, with the conditions that chose them. */
    private String takenWords(Expr e) {
        if (e instanceof Expr.If f) {
            Set<String> saved = new LinkedHashSet<>(seen);
            Value c;
            try {
                c = eval(f.condition());
            } finally {
                seen.clear();
                seen.addAll(saved);
            }
            if (c instanceof Value.Known k) {
                boolean t = (Boolean) k.value();
                return (t ? "满足 " : "不满足 ") + itemWords.of(f.condition()) + (t ? "：" : "；") + takenWords(t ? f.then() : f.otherwise());
            }
        }
        return itemWords.of(e);
    }

    private String direction(Expr.Order o) {
        boolean date = types.get(o.key()) instanceof Type.Date;
        return o.descending() ? (date ? "从晚到早" : "从大到小") : (date ? "从早到晚" : "从小到大");
    }

    /** The running sum after the current item: its term settled to the fen; unknown from the first unknown term on. */
    private Value addTerm(Value before, Expr.RunningSum r, huiqi.facts.ItemKind kind, huiqi.facts.Item item) {
        Set<String> saved = new LinkedHashSet<>(seen);
        Value t;
        try {
            t = eval(r.arg());
        } finally {
            seen.clear();
            seen.addAll(saved);
        }
        if (before instanceof Value.Known b && t instanceof Value.Known k) {
            return Value.known(((BigDecimal) b.value()).add(((BigDecimal) k.value()).setScale(2, RoundingMode.HALF_UP)));
        }
        if (before instanceof Value.Unknown) {
            return before;
        }
        return Value.merge(t, Value.because("排在前面的" + kind.name() + " " + item.id() + "的" + words.of(r.arg())
                + "未知，其后各项的" + label(r) + "无法确定"));
    }

    /** A name and its value as evaluated now (for the current item); the name alone when unknown. */
    private String labelWithValue(Expr e) {
        Set<String> saved = new LinkedHashSet<>(seen);
        try {
            Value v = eval(e);
            return v instanceof Value.Known k ? label(e) + " " + Display.value(k.value(), unitOf(e)) : label(e);
        } finally {
            seen.clear();
            seen.addAll(saved);
        }
    }

    private Value itemField(Expr.ItemField f) {
        huiqi.facts.Item item = currentItems.get(f.variable());
        Object v = item.get(f.field());
        if (v == null) {
            return Value.missing(f.kind() + "[" + item.id() + "]." + f.field());
        }
        seen.add(label(f) + " " + Display.value(v, unitOf(f)));
        return Value.known(v);
    }

    private Value attribute(Expr.AttributeRef a) {
        Enterprise p = ctx.enterprise().profile();
        var field = ProfileField.byId(a.id());
        Object v = field.isPresent() ? field.get().read(p) : p.attributes().get(a.id());
        if (v == null && field.isPresent() && field.get() == ProfileField.SIZE && p.industryCode() != null) {
            return derivedSize(p.industryCode());
        }
        if (v == null) {
            return Value.missing(a.id());
        }
        var declared = ctx.catalog().attribute(a.id());
        if (declared.isPresent() && !fits(v, declared.get().type())) {
            // e.g. an importer stored "是" as text: read it as declared, or say why it cannot be used
            try {
                v = huiqi.enterprise.FactText.attribute(declared.get(), String.valueOf(v));
            } catch (IllegalArgumentException ex) {
                // the enterprise reads the attribute's name, not its id in the catalog
                String id = declared.get().id();
                return Value.because(String.valueOf(ex.getMessage()).replace(id + "（", "（").replace("属性 （", "属性（"));
            }
        }
        if (v instanceof YearMonth ym) {
            v = new Period.Month(ym);
        }
        seen.add(label(a) + " = " + (v instanceof BigDecimal d ? Display.plain(d) : Display.value(v, Unit.NONE)));
        return Value.known(v);
    }

    /**
     * No declared size: the size by the standard (工信部联企业〔2011〕300号) from the industry and the figures of the
     * year before the date parameters are read on; unknown, listing the figures it lacks, when they do not decide it.
     */
    private Value derivedSize(String industry) {
        var row = SizeStandard.row(industry);
        if (row.isEmpty()) {
            return new Value.Unknown(Set.of("size"), List.of(SizeStandard.noRow(industry)));
        }
        if (ctx.paramDate() == null) {
            return new Value.Unknown(Set.of("size"), List.of("没有评估日期，无法确定按哪一年度的数据划型"));
        }
        Period year = new Period.Year(ctx.paramDate().getYear() - 1);
        Map<SizeStandard.Measure, BigDecimal> figures = new java.util.EnumMap<>(SizeStandard.Measure.class);
        Set<String> lacking = new LinkedHashSet<>();
        List<String> shown = new ArrayList<>();
        for (SizeStandard.Bounds b : row.get().bounds()) {
            Value fv = ctx.catalog().indicator(b.measure().indicator).isPresent() ? indicator(b.measure().indicator, year)
                    : Value.missing(b.measure().indicator + "[" + year + "]");
            if (fv instanceof Value.Known k) {
                figures.put(b.measure(), (BigDecimal) k.value());
                shown.add(b.measure().label + " " + Display.number((BigDecimal) k.value(),
                        b.measure() == SizeStandard.Measure.EMPLOYEES ? huiqi.quantity.Unit.base("人") : huiqi.quantity.Units.YUAN));
            } else {
                lacking.addAll(((Value.Unknown) fv).missing());
            }
        }
        var size = SizeStandard.classify(row.get(), figures);
        if (size.isEmpty()) {
            Set<String> missingFacts = new LinkedHashSet<>(List.of("size"));
            missingFacts.addAll(lacking);
            return new Value.Unknown(missingFacts, List.of("未申报企业规模，按" + SizeStandard.SOURCE + "（" + row.get().name()
                    + "）划型还缺 " + year + " 年度的" + String.join("、", SizeStandard.needed(row.get(), figures).stream()
                    .map(m -> m.label).toList())));
        }
        seen.add("企业规模 = " + size.get() + "（未申报，按" + SizeStandard.SOURCE + "（" + row.get().name() + "）由 " + year
                + " 年度" + String.join("、", shown) + " 划型）");
        return Value.known(size.get());
    }

    private static boolean fits(Object v, huiqi.facts.AttributeType t) {
        return switch (t) {
            case BOOLEAN -> v instanceof Boolean;
            case DATE -> v instanceof LocalDate;
            case MONTH -> v instanceof YearMonth;
            case NUMBER -> v instanceof BigDecimal;
            case TEXT, CODE -> v instanceof String;
            case ZONE -> v instanceof String s && (s.equals(Zones.NONE) || Zones.all().contains(s));
        };
    }

    /** An indicator for a period: the stored value, or the sum of the indicator's periods inside it. */
    private Value indicator(String id, Period p) {
        var facts = ctx.enterprise().facts();
        var exact = facts.get(id, p);
        if (exact.isPresent()) {
            return Value.known(exact.get().value());
        }
        Granularity g = ctx.catalog().indicator(id).map(IndicatorCatalog.Indicator::granularity).orElse(Granularity.MONTH);
        List<Period> parts = split(p, g);
        if (parts.size() <= 1) {
            return Value.missing(id + "[" + p + "]");
        }
        BigDecimal sum = BigDecimal.ZERO;
        List<String> missing = new ArrayList<>();
        for (Period part : parts) {
            var v = facts.get(id, part);
            if (v.isPresent()) {
                sum = sum.add(v.map(FactValue::value).get());
            } else {
                missing.add(id + "[" + part + "]");
            }
        }
        if (missing.size() == parts.size()) {
            return Value.missing(id + "[" + p + "]");
        }
        if (!missing.isEmpty()) {
            return new Value.Unknown(new LinkedHashSet<>(missing), List.of());
        }
        return Value.known(sum);
    }

    static List<Period> split(Period p, Granularity g) {
        List<Period> out = new ArrayList<>();
        switch (g) {
            case DAY -> {
                for (LocalDate d = p.start(); !d.isAfter(p.end()); d = d.plusDays(1)) {
                    out.add(new Period.Day(d));
                }
            }
            case MONTH -> p.months().forEach(m -> out.add(new Period.Month(m)));
            case QUARTER -> {
                for (YearMonth m : p.months()) {
                    if ((m.getMonthValue() - 1) % 3 == 0) {
                        out.add(new Period.Quarter(m.getYear(), (m.getMonthValue() + 2) / 3));
                    }
                }
            }
            case YEAR -> {
                for (int y = p.start().getYear(); y <= p.end().getYear(); y++) {
                    out.add(new Period.Year(y));
                }
            }
        }
        return out;
    }

    private Value param(Expr.ParamRef p) {
        Parameter param = ctx.params().get(p.qualifiedName());
        var override = ctx.overrides().get(p.qualifiedName());
        Value v;
        if (override.isPresent() && param.table() == null) {
            v = Value.known(override.get().value());
            seen.add(label(p) + " = " + Display.number(override.get().value(), param.unit()) + "（试算覆盖）");
            return v;
        }
        if (param.isPending()) {
            return Value.because(param.pendingReason());
        }
        if (param.isDate()) {
            seen.add(label(p) + " = " + param.date() + (param.source() == null ? "" : "（依据" + param.source() + "）"));
            return Value.known(param.date());
        }
        if (param.table() != null) {
            return lookup(p, param);
        }
        LocalDate date = ctx.paramDate();
        if (p.at() != null) {
            Value at = eval(p.at());
            if (!(at instanceof Value.Known k)) {
                return at;
            }
            date = k.value() instanceof LocalDate d ? d : ((Period) k.value()).start();
        }
        var entry = date == null ? param.values().firstEntry() : param.values().floorEntry(date);
        if (entry == null) {
            return Value.because(label(p) + " 在 " + date + " 尚未生效");
        }
        String since = entry.getKey().equals(LocalDate.MIN) ? "" : "自 " + entry.getKey() + " 起";
        String source = param.source() == null ? "" : (since.isEmpty() ? "" : "，") + "依据" + param.source();
        seen.add(label(p) + " = " + Display.number(entry.getValue(), param.unit())
                + (since.isEmpty() && source.isEmpty() ? "" : "（" + since + source + "）"));
        return Value.known(entry.getValue());
    }

    /** A table parameter looked up by its key; a key no row covers is unknown, with the reason. */
    private Value lookup(Expr.ParamRef p, Parameter param) {
        Value key = eval(p.at());
        if (!(key instanceof Value.Known k)) {
            return key;
        }
        Object kv = k.value();
        String shownKey = kv instanceof BigDecimal d ? Display.number(d, unitOf(p.at())) : String.valueOf(kv);
        var value = param.table().lookup(kv);
        if (value.isEmpty()) {
            return Value.because(label(p) + "表中没有 " + shownKey + " 对应的值");
        }
        String source = param.source() == null ? "" : "，依据" + param.source();
        seen.add(label(p) + " = " + Display.number(value.get(), param.unit()) + "（按 " + label(p.at()) + " " + shownKey + " 查表："
                + param.table().rowText(kv).orElse("") + source + "）");
        return Value.known(value.get());
    }

    private Value let(Expr.LetRef l) {
        Value v = letValues.get(l.name());
        if (v == null) {
            Let let = lets.get(l.name());
            Map<Expr, Type> savedTypes = types;
            String savedText = text;
            types = let.expr().types();
            text = let.text();
            Expr body = let.expr().expr();
            boolean leaf = body instanceof Expr.IndicatorRef || body instanceof Expr.AttributeRef || body instanceof Expr.ParamRef;
            Set<String> outer = new LinkedHashSet<>(seen);
            try {
                v = eval(body);
            } finally {
                types = savedTypes;
                text = savedText;
            }
            if (leaf) { // the let's own line below says the same
                seen.clear();
                seen.addAll(outer);
            }
            letValues.put(l.name(), v);
        }
        if (v instanceof Value.Known k) {
            Let let = lets.get(l.name());
            Type t = let.expr().type();
            seen.add(label(l) + " = " + Display.value(k.value(), t instanceof Type.Num n ? n.unit() : Unit.NONE));
        }
        return v;
    }

    private Value ruleRef(Expr.RuleRef r) {
        RuleResult res = ctx.results().get(r.ruleId());
        if (res == null) {
            return Value.because("所依据的另一项政策不在本次评估范围内");
        }
        if (res.status() == Status.UNDETERMINABLE) {
            return new Value.Unknown(new LinkedHashSet<>(res.missing()), List.of("“" + res.title() + "”无法判断"));
        }
        if (r.field() == Expr.RuleField.ELIGIBLE) {
            seen.add("“" + res.title() + "” " + res.status().chinese());
            return Value.known(res.status() == Status.ELIGIBLE);
        }
        BigDecimal amt = res.amount() == null ? BigDecimal.ZERO : res.amount();
        seen.add("“" + res.title() + "” 已获 " + Display.yuan(amt));
        return Value.known(amt);
    }

    private Value binary(Expr.Binary b) {
        BinaryOp op = b.op();
        if (op == BinaryOp.AND || op == BinaryOp.OR) {
            boolean stop = op == BinaryOp.OR; // the value that decides alone
            Value l = eval(b.left());
            if (l instanceof Value.Known k && (Boolean) k.value() == stop) {
                return l;
            }
            Value r = eval(b.right());
            if (r instanceof Value.Known k && (Boolean) k.value() == stop) {
                return r;
            }
            if (l.isKnown() && r.isKnown()) {
                return Value.known(!stop);
            }
            return Value.merge(l, r);
        }
        Value l = eval(b.left());
        Value r = eval(b.right());
        if (!(l instanceof Value.Known lk) || !(r instanceof Value.Known rk)) {
            return Value.merge(l, r);
        }
        Object x = lk.value();
        Object y = rk.value();
        switch (op) {
            case ADD:
                return Value.known(((BigDecimal) x).add((BigDecimal) y));
            case SUB:
                return Value.known(((BigDecimal) x).subtract((BigDecimal) y));
            case MUL:
                return Value.known(((BigDecimal) x).multiply((BigDecimal) y));
            case DIV:
                if (((BigDecimal) y).signum() == 0) {
                    return Value.because("除数为零：" + label(b.right()));
                }
                return Value.known(divide((BigDecimal) x, (BigDecimal) y));
            case IN:
                if (y instanceof List<?> list) {
                    for (Object o : list) {
                        if (same(x, o)) {
                            return Value.known(true);
                        }
                    }
                    return Value.known(false);
                }
                Period range = (Period) y;
                Period what = x instanceof LocalDate d ? new Period.Day(d) : (Period) x;
                return Value.known(range.contains(what));
            default:
                int c;
                if (x instanceof BigDecimal bx) {
                    c = bx.compareTo((BigDecimal) y);
                } else if (x instanceof LocalDate dx) {
                    c = dx.compareTo((LocalDate) y);
                } else {
                    c = x.equals(y) ? 0 : 1;
                }
                boolean holds = switch (op) {
                    case EQ -> c == 0;
                    case NE -> c != 0;
                    case LT -> c < 0;
                    case LE -> c <= 0;
                    case GT -> c > 0;
                    default -> c >= 0;
                };
                if (x instanceof BigDecimal bx) {
                    comparisons.add(new Comparison(label(b.left()), op, bx, (BigDecimal) y, unitOf(b.left()), holds));
                }
                return Value.known(holds);
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return a.equals(b);
    }

    static BigDecimal divide(BigDecimal x, BigDecimal y) {
        try {
            return x.divide(y);
        } catch (ArithmeticException nonTerminating) {
            return x.divide(y, MC);
        }
    }

    private Value forEach(Expr.ForEach f) {
        BigDecimal acc = null;
        List<Value> unknown = new ArrayList<>();
        Period saved = loop.get(f.variable());
        try {
            for (YearMonth m : f.range().months()) {
                loop.put(f.variable(), new Period.Month(m));
                Value v = eval(f.body());
                if (v instanceof Value.Known k) {
                    BigDecimal x = (BigDecimal) k.value();
                    acc = acc == null ? x : switch (f.aggregate()) {
                        case SUM -> acc.add(x);
                        case MIN -> acc.min(x);
                        case MAX -> acc.max(x);
                    };
                } else {
                    unknown.add(v);
                }
            }
        } finally {
            if (saved == null) {
                loop.remove(f.variable());
            } else {
                loop.put(f.variable(), saved);
            }
            if (loop.isEmpty()) {
                loopSeen.forEach((name, values) -> seen.add(name + "：" + values.entrySet().stream()
                        .map(x -> x.getKey() + " " + x.getValue()).collect(Collectors.joining("，"))));
                loopSeen.clear();
            }
        }
        if (!unknown.isEmpty()) {
            return Value.merge(unknown.toArray(Value[]::new));
        }
        return Value.known(acc == null ? BigDecimal.ZERO : acc);
    }

    /**
     * avg(x[P]): the mean of the indicator's reporting periods inside P, each as reported (a value reported for P
     * itself is not used: for a stock it is not the mean). Any period missing → unknown, naming only those.
     */
    private Value average(Expr.IndicatorRef r) {
        Period p = ((Expr.Fixed) r.period()).period();
        Granularity g = ctx.catalog().indicator(r.id()).map(IndicatorCatalog.Indicator::granularity).orElse(Granularity.MONTH);
        List<Period> parts = split(p, g);
        Set<String> lacking = new LinkedHashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Period part : parts) {
            var v = ctx.enterprise().facts().get(r.id(), part);
            if (v.isPresent()) {
                sum = sum.add(v.get().value());
            } else {
                lacking.add(r.id() + "[" + part + "]");
            }
        }
        if (!lacking.isEmpty()) {
            return new Value.Unknown(lacking, List.of(Averages.word(ctx.catalog(), r.id()) + "须有" + Display.period(p) + "每"
                    + Averages.unitWord(g) + "的值"));
        }
        BigDecimal avg = divide(sum, BigDecimal.valueOf(parts.size()));
        Unit unit = unitOf(r);
        String name = ctx.catalog().indicator(r.id()).map(IndicatorCatalog.Indicator::name).orElse(r.id());
        seen.add(name + "（" + Display.period(p) + "，" + parts.size() + " 个" + Averages.unitWord(g) + "）合计 "
                + Display.number(sum, unit) + "，" + Averages.word(ctx.catalog(), r.id()) + " " + Display.number(avg, unit));
        return Value.known(avg);
    }

    private Value fn(Expr.Fn f) {
        switch (f.function()) {
            case KNOWN -> {
                return Value.known(eval(f.args().get(0)).isKnown());
            }
            case ITEMS_GIVEN -> {
                String kind = ((Expr.Text) f.args().get(0)).value();
                boolean given = ctx.enterprise().facts().hasItems(kind);
                seen.add(label(f) + "：" + (given ? "是" : "否"));
                return Value.known(given);
            }
            case DAYS -> {
                return Value.known(BigDecimal.valueOf(((Expr.PeriodLit) f.args().get(0)).value().days()));
            }
            case AVG -> {
                return average((Expr.IndicatorRef) f.args().get(0));
            }
            case YOY_INCREASE, YOY_GROWTH, DAILY_AVG -> {
                Expr.IndicatorRef r = (Expr.IndicatorRef) f.args().get(0);
                Period p = r.period() instanceof Expr.Fixed fx ? fx.period() : loop.get(((Expr.Var) r.period()).variable());
                Value cur = indicator(r.id(), p);
                Unit unit = unitOf(r);
                String name = ctx.catalog().indicator(r.id()).map(IndicatorCatalog.Indicator::name).orElse(r.id());
                if (f.function() == Expr.Function.DAILY_AVG) {
                    if (!(cur instanceof Value.Known k)) {
                        return cur;
                    }
                    BigDecimal avg = divide((BigDecimal) k.value(), BigDecimal.valueOf(p.days()));
                    seen.add(name + "（" + Display.period(p) + "，" + p.days() + " 天）合计 " + Display.number((BigDecimal) k.value(), unit)
                            + "，日均 " + Display.number(avg, unit));
                    return Value.known(avg);
                }
                Period prevP = p.previousYear();
                Value prev = indicator(r.id(), prevP);
                if (!(cur instanceof Value.Known ck) || !(prev instanceof Value.Known pk)) {
                    return Value.merge(cur, prev);
                }
                BigDecimal c = (BigDecimal) ck.value();
                BigDecimal pv = (BigDecimal) pk.value();
                BigDecimal inc = c.subtract(pv);
                if (f.function() == Expr.Function.YOY_INCREASE) {
                    seen.add(name + " " + Display.period(p) + " " + Display.number(c, unit) + "，上年同期 " + Display.number(pv, unit)
                            + "，同比增量 " + Display.number(inc, unit));
                    return Value.known(inc);
                }
                if (pv.signum() == 0) {
                    return Value.because(name + " 上年同期（" + Display.period(prevP) + "）为零，同比增长率无定义");
                }
                BigDecimal g = divide(inc, pv);
                seen.add(name + " " + Display.period(p) + " " + Display.number(c, unit) + "，上年同期 " + Display.number(pv, unit)
                        + "，同比增长 " + Display.number(g, Unit.NONE));
                return Value.known(g);
            }
            default -> { }
        }
        List<Value> args = new ArrayList<>();
        for (Expr a : f.args()) {
            args.add(eval(a));
        }
        for (Value v : args) {
            if (!v.isKnown()) {
                return Value.merge(args.toArray(Value[]::new));
            }
        }
        switch (f.function()) {
            case DAYS_BETWEEN -> {
                LocalDate from = (LocalDate) ((Value.Known) args.get(0)).value();
                LocalDate to = (LocalDate) ((Value.Known) args.get(1)).value();
                return Value.known(BigDecimal.valueOf(from.until(to, java.time.temporal.ChronoUnit.DAYS)));
            }
            case MONTHS_BETWEEN -> {
                LocalDate from = (LocalDate) ((Value.Known) args.get(0)).value();
                LocalDate to = (LocalDate) ((Value.Known) args.get(1)).value();
                return Value.known(BigDecimal.valueOf(MonthCount.between(from, to)));
            }
            case ADD_DAYS, ADD_MONTHS -> {
                LocalDate date = (LocalDate) ((Value.Known) args.get(0)).value();
                BigDecimal n = (BigDecimal) ((Value.Known) args.get(1)).value();
                if (n.stripTrailingZeros().scale() > 0) {
                    return Value.because("日期加减的" + label(f.args().get(1)) + " = " + Display.plain(n) + " 不是整数");
                }
                long k = n.longValueExact();
                return Value.known(f.function() == Expr.Function.ADD_MONTHS ? date.plusMonths(k) : date.plusDays(k));
            }
            case STARTS_WITH -> {
                return Value.known(((String) ((Value.Known) args.get(0)).value()).startsWith((String) ((Value.Known) args.get(1)).value()));
            }
            case ABS -> {
                return Value.known(((BigDecimal) ((Value.Known) args.get(0)).value()).abs());
            }
            default -> {
                if (((Value.Known) args.get(0)).value() instanceof LocalDate) { // the earlier / later date
                    LocalDate d = null;
                    for (Value v : args) {
                        LocalDate x = (LocalDate) ((Value.Known) v).value();
                        d = d == null ? x : f.function() == Expr.Function.MIN ? (x.isBefore(d) ? x : d) : (x.isAfter(d) ? x : d);
                    }
                    return Value.known(d);
                }
                BigDecimal acc = null;
                for (Value v : args) {
                    BigDecimal x = (BigDecimal) ((Value.Known) v).value();
                    acc = acc == null ? x : switch (f.function()) {
                        case MIN -> acc.min(x);
                        case MAX -> acc.max(x);
                        default -> acc.add(x);
                    };
                }
                return Value.known(acc);
            }
        }
    }
}
