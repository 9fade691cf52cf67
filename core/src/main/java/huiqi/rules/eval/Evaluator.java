package huiqi.rules.eval;

import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.IndicatorCatalog;
import huiqi.facts.Period;
import huiqi.quantity.Unit;
import huiqi.rules.Status;
import huiqi.rules.file.Dependencies;
import huiqi.rules.file.Parameter;
import huiqi.rules.file.Payer;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.SharedCap;
import huiqi.rules.file.Stacking;
import huiqi.rules.lang.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates rule files for one enterprise: rules in dependency order, then the declared cross-rule
 * relations — own cap and deducts (in {@link Interpreter}), shared caps in declared order, rounding once
 * to the fen (HALF_UP), payer split, and finally 取高不重复 across all files.
 */
public final class Evaluator {
    private final IndicatorCatalog catalog;
    private final Map<RuleFile, List<Rule>> orders = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private final Map<RuleFile, Map<String, Parameter>> params = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    public Evaluator(IndicatorCatalog catalog) {
        this.catalog = catalog;
    }

    /** Parameters of the files by full name. */
    public static Map<String, Parameter> parameters(List<RuleFile> files) {
        Map<String, Parameter> out = new HashMap<>();
        for (RuleFile f : files) {
            f.parameters().values().forEach(p -> out.put(p.qualifiedName(), p));
            for (Rule r : f.rules()) {
                r.parameters().values().forEach(p -> out.put(p.qualifiedName(), p));
            }
        }
        return out;
    }

    public Evaluation evaluate(List<RuleFile> files, EnterpriseRecord enterprise, LocalDate asOf, Overrides overrides) {
        if (!overrides.values().isEmpty()) {
            checkOverrides(parameters(files), overrides);
        }
        Map<String, Rule> rulesById = new HashMap<>();
        List<RuleResult> all = new ArrayList<>();
        for (RuleFile f : files) {
            f.rules().forEach(r -> rulesById.put(r.id(), r));
            all.addAll(evaluateFile(f, enterprise, asOf, overrides, fileParameters(f)).values());
        }
        all = applyTakeHighest(all, rulesById);
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        Map<String, BigDecimal> byPayer = new LinkedHashMap<>();
        Map<String, BigDecimal> byCurrency = new LinkedHashMap<>();
        for (RuleResult r : all) {
            if (r.status() != Status.ELIGIBLE || r.amount() == null) {
                continue;
            }
            if ("CNY".equals(r.currency())) {
                total = total.add(r.amount());
                for (RuleResult.PayerAmount p : r.payers()) {
                    byPayer.merge(p.payer(), p.amount(), BigDecimal::add);
                }
            } else {
                byCurrency.merge(r.currency(), r.amount(), BigDecimal::add);
            }
        }
        return new Evaluation(enterprise.profile(), asOf, all, total, byPayer, byCurrency);
    }

    private static void checkOverrides(Map<String, Parameter> params, Overrides overrides) {
        overrides.values().forEach((name, o) -> {
            Parameter p = params.get(name);
            if (p == null) {
                throw new IllegalArgumentException("试算覆盖了未知参数 '" + name + "'（参数全名形如 fz-2024-2/7.rate）");
            }
            if (!p.unit().equals(o.unit())) {
                throw new IllegalArgumentException("试算覆盖参数 " + name + " 的单位应为 " + p.unit().describe() + "，实为 " + o.unit().describe());
            }
        });
    }

    /** One file's rules (no cross-file stacking), keyed by rule id in file order. */
    public Map<String, RuleResult> evaluateFile(RuleFile f, EnterpriseRecord enterprise, LocalDate asOf, Overrides overrides) {
        Map<String, Parameter> params = fileParameters(f);
        checkOverrides(params, overrides);
        return evaluateFile(f, enterprise, asOf, overrides, params);
    }

    /** A file's parameters by full name; rules only read parameters of their own file. */
    private Map<String, Parameter> fileParameters(RuleFile f) {
        return params.computeIfAbsent(f, x -> Map.copyOf(parameters(List.of(x))));
    }

    private Map<String, RuleResult> evaluateFile(RuleFile f, EnterpriseRecord enterprise, LocalDate asOf,
                                                 Overrides overrides, Map<String, Parameter> params) {
        Map<String, RuleResult> results = new HashMap<>();
        for (Rule rule : orders.computeIfAbsent(f, x -> Dependencies.order(x.rules(), x.caps()))) {
            if (asOf != null && rule.valid() != null && !rule.valid().contains(new Period.Day(asOf))) {
                continue;
            }
            LocalDate paramDate = asOf != null ? asOf : rule.valid() != null ? rule.valid().start() : null;
            Interpreter.Context ctx = new Interpreter.Context(enterprise, catalog, params, paramDate, overrides, results);
            try {
                results.put(rule.id(), finish(rule, f, ctx, new Interpreter(ctx, rule).run()));
            } catch (RuntimeException e) { // never let one rule's surprise abort the others
                results.put(rule.id(), new RuleResult(rule.id(), rule.document(), rule.measure(), rule.title(),
                        Status.UNDETERMINABLE, null, rule.currency(), split(rule.payers(), null, List.of()),
                        rule.delivery().name(), List.of("? 评估出错：" + e), List.of(), null));
            }
        }
        Map<String, RuleResult> ordered = new LinkedHashMap<>();
        for (Rule r : f.rules()) {
            if (results.containsKey(r.id())) {
                ordered.put(r.id(), results.get(r.id()));
            }
        }
        return ordered;
    }

    private RuleResult finish(Rule rule, RuleFile f, Interpreter.Context ctx, Interpreter.Outcome o) {
        List<String> explanation = new ArrayList<>(o.explanation());
        Set<String> missing = new LinkedHashSet<>(o.missing());
        Status status = o.status();
        BigDecimal amount = o.amount();
        Unit unit = rule.amount() == null ? null : ((Type.Num) rule.amount().type()).unit();
        if (status == Status.ELIGIBLE && amount != null) {
            for (SharedCap cap : f.caps()) {
                int i = cap.rules().indexOf(rule.id());
                if (i < 0) {
                    continue;
                }
                Value cv = new Interpreter(ctx, null).evaluate(cap.cap(), cap.text());
                BigDecimal used = BigDecimal.ZERO;
                boolean unknown = !(cv instanceof Value.Known);
                for (String earlier : cap.rules().subList(0, i)) {
                    RuleResult r = ctx.results().get(earlier);
                    if (r == null) {
                        continue;
                    }
                    if (r.status() == Status.UNDETERMINABLE) {
                        unknown = true;
                        missing.addAll(r.missing());
                    } else if (r.amount() != null) {
                        used = used.add(r.amount());
                    }
                }
                if (unknown) {
                    explanation.add("? 与 " + String.join("、", cap.rules()) + " 共享上限，但前面的规则无法判断");
                    status = Status.UNDETERMINABLE;
                    amount = null;
                    break;
                }
                BigDecimal capValue = (BigDecimal) ((Value.Known) cv).value();
                BigDecimal remaining = capValue.subtract(used).max(BigDecimal.ZERO);
                if (amount.compareTo(remaining) > 0) {
                    explanation.add("与 " + String.join("、", cap.rules()) + " 共享上限 " + Display.number(capValue, unit)
                            + "（已用 " + Display.number(used, unit) + "），本项封顶为 " + Display.number(remaining, unit));
                    amount = remaining;
                }
            }
        }
        BigDecimal rounded = amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
        if (rounded != null && status == Status.ELIGIBLE && amount.compareTo(rounded) != 0) {
            explanation.add("舍入到分（四舍五入）：" + Display.plain(amount) + " → " + rounded.toPlainString());
        }
        if (status == Status.ELIGIBLE && rule.ruleClass() != null && rule.stacking() == Stacking.叠加) {
            explanation.add("可与同类政策（" + rule.ruleClass() + "）叠加享受");
        }
        List<RuleResult.PayerAmount> payers = split(rule.payers(), rounded, o.shares());
        return new RuleResult(rule.id(), rule.document(), rule.measure(), rule.title(), status,
                status == Status.UNDETERMINABLE ? null : rounded, rule.currency(), payers, rule.delivery().name(),
                List.copyOf(explanation), List.copyOf(missing), o.nearMiss());
    }

    /** Each payer's part rounded to the fen; the last payer takes the remainder so parts sum to the total. */
    static List<RuleResult.PayerAmount> split(List<Payer> payers, BigDecimal amount, List<Interpreter.Share> shares) {
        List<RuleResult.PayerAmount> out = new ArrayList<>();
        if (payers.size() == 1 || shares.size() != payers.size()) {
            for (Payer p : payers) {
                out.add(new RuleResult.PayerAmount(p.label(), payers.size() == 1 ? amount : null));
            }
            return out;
        }
        BigDecimal rest = amount;
        for (int i = 0; i < payers.size(); i++) {
            BigDecimal part = i == payers.size() - 1 ? rest : shares.get(i).of(amount);
            rest = rest.subtract(part);
            out.add(new RuleResult.PayerAmount(payers.get(i).label(), part));
        }
        return out;
    }

    /**
     * 取高不重复: a rule declared so yields (amount 0, still eligible) to a same-class rule with a higher
     * amount, or an equal one that is 叠加 or comes first. Rules declared 叠加 never yield.
     */
    private static List<RuleResult> applyTakeHighest(List<RuleResult> results, Map<String, Rule> rules) {
        List<RuleResult> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            RuleResult r = results.get(i);
            Rule rule = rules.get(r.ruleId());
            if (rule.stacking() != Stacking.取高不重复 || rule.ruleClass() == null || r.status() != Status.ELIGIBLE
                    || r.amount() == null) {
                out.add(r);
                continue;
            }
            RuleResult winner = null;
            for (int j = 0; j < results.size(); j++) {
                RuleResult o = results.get(j);
                Rule orule = rules.get(o.ruleId());
                if (j == i || !rule.ruleClass().equals(orule.ruleClass()) || o.status() != Status.ELIGIBLE
                        || o.amount() == null || !o.currency().equals(r.currency())) {
                    continue;
                }
                int c = o.amount().compareTo(r.amount());
                if (c > 0 || c == 0 && (orule.stacking() == Stacking.叠加 || j < i)) {
                    if (winner == null || o.amount().compareTo(winner.amount()) > 0) {
                        winner = o;
                    }
                }
            }
            if (winner == null) {
                out.add(r);
                continue;
            }
            List<String> ex = new ArrayList<>(r.explanation());
            ex.add("按“取高不重复”原则，已享受同类政策 " + winner.ruleId() + "（" + winner.title() + "，" + winner.amount().toPlainString()
                    + " 元），本项不重复享受（原为 " + r.amount().toPlainString() + " 元）");
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            List<RuleResult.PayerAmount> payers = r.payers().stream()
                    .map(p -> new RuleResult.PayerAmount(p.payer(), zero)).toList();
            out.add(new RuleResult(r.ruleId(), r.docNumber(), r.measure(), r.title(), r.status(), zero, r.currency(),
                    payers, r.delivery(), List.copyOf(ex), r.missing(), r.nearMiss()));
        }
        return out;
    }
}
