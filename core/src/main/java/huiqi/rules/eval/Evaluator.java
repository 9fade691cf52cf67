package huiqi.rules.eval;

import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.Status;
import huiqi.rules.file.Parameter;
import huiqi.rules.file.Payer;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.Stacking;
import huiqi.rules.plan.RulePlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates rule files for one enterprise following their {@link RulePlan}: each rule in force by
 * {@link Interpreter} (up to its shared caps), then rounding once to the fen (HALF_UP), payer split, and
 * finally 取高不重复 across all files.
 */
public final class Evaluator {
    private final IndicatorCatalog catalog;
    private final Map<PlanKey, RulePlan> plans = Collections.synchronizedMap(new HashMap<>());
    private final Map<RuleFile, Map<String, Parameter>> params = Collections.synchronizedMap(new IdentityHashMap<>());

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
        RulePlan plan = plan(files, asOf);
        List<RuleResult> all = applyTakeHighest(plan, run(plan, enterprise, overrides));
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
            if (p.table() != null || p.isDate()) {
                throw new IllegalArgumentException("试算覆盖参数 " + name + "：查表参数和日期参数不能覆盖");
            }
            if (!p.unit().equals(o.unit())) {
                throw new IllegalArgumentException("试算覆盖参数 " + name + " 的单位应为 " + p.unit().describe() + "，实为 " + o.unit().describe());
            }
        });
    }

    /**
     * One file's rules, keyed by rule id in file order, with 取高不重复 among the file's own rules exactly as
     * {@link #evaluate} applies it (rivals in other files are not seen): what `./huiqi check` tests assert.
     */
    public Map<String, RuleResult> evaluateFile(RuleFile f, EnterpriseRecord enterprise, LocalDate asOf, Overrides overrides) {
        checkOverrides(fileParameters(f), overrides);
        Map<String, RuleResult> out = new LinkedHashMap<>();
        RulePlan plan = plan(List.of(f), asOf);
        applyTakeHighest(plan, run(plan, enterprise, overrides)).forEach(r -> out.put(r.ruleId(), r));
        return out;
    }

    /** A file's parameters by full name; rules only read parameters of their own file. */
    private Map<String, Parameter> fileParameters(RuleFile f) {
        return params.computeIfAbsent(f, x -> Map.copyOf(parameters(List.of(x))));
    }

    private RulePlan plan(List<RuleFile> files, LocalDate asOf) {
        if (plans.size() > 256) {
            plans.clear();
        }
        return plans.computeIfAbsent(new PlanKey(files, asOf), k -> RulePlan.of(files, asOf));
    }

    /** The rules in force layer by layer (a rule after those it reads); results in plan order. */
    private List<RuleResult> run(RulePlan plan, EnterpriseRecord enterprise, Overrides overrides) {
        Map<String, RuleResult> results = new HashMap<>();
        for (List<RulePlan.Step> layer : plan.layers()) {
            for (RulePlan.Step step : layer) {
                Rule rule = step.rule();
                Interpreter.Context ctx = new Interpreter.Context(enterprise, catalog, fileParameters(step.file()),
                        step.paramDate(), overrides, results);
                try {
                    Interpreter interpreter = new Interpreter(ctx, rule);
                    Interpreter.Outcome o = interpreter.run(step.sharedCaps(), step.validityPending());
                    results.put(rule.id(), finish(rule, o, interpreter.scopeLines()));
                } catch (RuntimeException e) { // never let one rule's surprise abort the others
                    results.put(rule.id(), new RuleResult(rule.id(), rule.document(), rule.measure(), rule.title(),
                            Status.UNDETERMINABLE, null, rule.currency(), split(rule.payers(), null, List.of()),
                            rule.delivery().label(), List.of("? 本项评估出错，暂无法判断，请联系政策主管部门"),
                            List.of(), null));
                }
            }
        }
        return plan.steps().stream().map(s -> results.get(s.rule().id())).toList();
    }

    private RuleResult finish(Rule rule, Interpreter.Outcome o, RuleResult.ScopeLines scope) {
        List<String> explanation = new ArrayList<>(o.explanation());
        Status status = o.status();
        BigDecimal amount = o.amount();
        BigDecimal rounded = amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
        if (rounded != null && status == Status.ELIGIBLE && amount.compareTo(rounded) != 0) {
            explanation.add("舍入到分（四舍五入）：" + Display.plain(amount) + " → " + Display.money(rounded, unitOf(rule)));
        }
        if (status == Status.ELIGIBLE && rule.ruleClass() != null && rule.stacking() == Stacking.COMBINED) {
            explanation.add("可与同类政策（" + rule.ruleClass() + "）叠加享受");
        }
        List<RuleResult.PayerAmount> payers = split(rule.payers(), rounded, o.shares());
        return new RuleResult(rule.id(), rule.document(), rule.measure(), rule.title(), status,
                status == Status.UNDETERMINABLE ? null : rounded, rule.currency(), payers, rule.delivery().label(),
                List.copyOf(explanation), List.copyOf(o.missing()), o.nearMiss(), scope,
                status == Status.ELIGIBLE ? o.parts() : List.of());
    }

    private static String unitOf(Rule rule) {
        return "USD".equals(rule.currency()) ? "美元" : "元";
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

    /** 取高不重复 ({@link RulePlan.Rival}): a rule yields to the rival granting most, keeping its status. */
    private static List<RuleResult> applyTakeHighest(RulePlan plan, List<RuleResult> results) {
        List<RuleResult> out = new ArrayList<>();
        for (RulePlan.Step step : plan.steps()) {
            RuleResult r = results.get(step.index());
            RuleResult winner = null;
            if (r.status() == Status.ELIGIBLE && r.amount() != null) {
                for (RulePlan.Rival rival : step.rivals()) {
                    RuleResult o = results.get(rival.index());
                    if (o.status() != Status.ELIGIBLE || o.amount() == null) {
                        continue;
                    }
                    int c = o.amount().compareTo(r.amount());
                    if ((c > 0 || c == 0 && rival.winsTies()) && (winner == null || o.amount().compareTo(winner.amount()) > 0)) {
                        winner = o;
                    }
                }
            }
            if (winner == null) {
                out.add(r);
                continue;
            }
            List<String> ex = new ArrayList<>(r.explanation());
            String unit = "USD".equals(r.currency()) ? "美元" : "元";
            ex.add("按“取高不重复”原则，已享受同类政策“" + winner.title() + "”（" + Display.money(winner.amount(), unit)
                    + "），本项不重复享受（原为 " + Display.money(r.amount(), unit) + "）");
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            List<RuleResult.PayerAmount> payers = r.payers().stream()
                    .map(p -> new RuleResult.PayerAmount(p.payer(), zero)).toList();
            List<RuleResult.ItemPart> parts = r.parts().stream()
                    .map(p -> new RuleResult.ItemPart(p.role(), p.name(), zero, p.items())).toList();
            out.add(new RuleResult(r.ruleId(), r.docNumber(), r.measure(), r.title(), r.status(), zero, r.currency(),
                    payers, r.delivery(), List.copyOf(ex), r.missing(), r.nearMiss(), r.scope(), parts));
        }
        return out;
    }

    /** Files compared by identity (a reloaded file is a new plan), with the evaluation date. */
    private record PlanKey(List<RuleFile> files, LocalDate asOf) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof PlanKey k) || k.files.size() != files.size() || !Objects.equals(k.asOf, asOf)) {
                return false;
            }
            for (int i = 0; i < files.size(); i++) {
                if (k.files.get(i) != files.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(asOf);
            for (RuleFile f : files) {
                h = 31 * h + System.identityHashCode(f);
            }
            return h;
        }
    }
}
