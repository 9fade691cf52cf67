package huiqi.rules.file;

import huiqi.facts.Period;
import huiqi.rules.lang.Checker;
import huiqi.rules.lang.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Checks one rule: its header (measure, title, quote, kind, delivery, region, validity, class, stacking), its
 * periods and parameters, then lets, conditions and amount in a {@link Scope}, then the payout terms. Each part
 * is checked on its own, so independent problems are all reported; its example tests are read later.
 */
final class RuleBuilder {
    private static final Set<String> RULE_KEYS = Set.of("id", "measure", "title", "quote", "kind", "delivery", "payer",
            "payers", "region", "zone", "valid", "class", "stacking", "parameters", "periods", "let", "eligible", "amount", "cap",
            "deducts", "tests", "borne_by");

    private final FileContext ctx;
    private final YamlDoc doc;
    private final Problems problems;
    private final RuleIndex rules;
    private final ParameterReader parameterReader;
    private final QuoteVerifier quotes;
    private final PayoutTerms payout;

    RuleBuilder(FileContext ctx, RuleIndex rules) {
        this.ctx = ctx;
        this.doc = ctx.doc;
        this.problems = ctx.problems;
        this.rules = rules;
        this.parameterReader = new ParameterReader(ctx);
        this.quotes = new QuoteVerifier(ctx);
        this.payout = new PayoutTerms(ctx, rules);
    }

    Rule build(String id, Node rn) {
        Map<String, Node> m = doc.map(rn, "规则");
        boolean misspelt = doc.reportUnknownKeys(m, rn, RULE_KEYS, "规则 " + id, problems);
        Fields f = ctx.fields;
        int measure = problems.attempt(() -> f.positiveInt(m.get("measure"), rn, "measure（措施序号）")).orElse(0);
        String title = problems.attempt(() -> f.required(m, rn, "title", "标题")).orElse("");
        String quote = problems.attempt(() -> quotes.ruleQuote(m, rn)).orElse("");
        Kind kind = problems.attempt(() -> f.oneOf(Kind::parse, m.get("kind"), f.required(m, rn, "kind", "类型"),
                "kind 应为 减免、奖补、权益 或 资质")).orElse(null);
        Delivery delivery = problems.attempt(() -> f.oneOf(Delivery::parse, m.get("delivery"), f.required(m, rn, "delivery", "兑现方式"),
                "delivery 应为 免申即享 或 申请")).orElse(null);
        String region = problems.attempt(() -> m.containsKey("region") ? f.region(m.get("region")) : ctx.region).orElse(ctx.region);
        String zone = problems.attempt(() -> m.containsKey("zone") ? f.zone(m.get("zone")) : ctx.zone).orElse(ctx.zone);
        ValidityReader validity = new ValidityReader(doc);
        ValidityReader.Spec validSpec = m.containsKey("valid") ? problems.attempt(() -> validity.read(m.get("valid"))).orElse(null) : null;
        String ruleClass = m.containsKey("class") ? problems.attempt(() -> doc.string(m.get("class"), "class")).orElse(null) : null;
        Stacking stacking = problems.attempt(() -> m.containsKey("stacking") ? payout.stacking(m.get("stacking")) : ctx.stacking)
                .orElse(ctx.stacking);
        if (misspelt) {
            // a misspelt key hides what it should have said (amount, eligible…): checking the rest would mislead
            throw new Problems.Dependent();
        }
        Map<String, Period> periods = new LinkedHashMap<>(ctx.periods);
        Map<String, Parameter> params = new LinkedHashMap<>();
        Scope scope = new Scope(ctx, rules, params, periods);
        problems.run(() -> parameterReader.periods(m.get("periods"), periods, scope.broken));
        problems.run(() -> parameterReader.parameters(m.get("parameters"), id, params, scope.broken));
        Validity valid = validSpec == null ? ctx.valid
                : problems.attempt(() -> validity.resolve(validSpec, params, ctx.parameters)).orElse(ctx.valid);
        // the document scope comes first: its lets are visible to the rule's own, its conditions precede the rule's
        List<Let> lets = new ArrayList<>(ctx.scope.containsKey("let") ? lets(ctx.scope.get("let"), scope) : List.of());
        lets.addAll(m.containsKey("let") ? lets(m.get("let"), scope) : List.of());
        List<Condition> conditions = new ArrayList<>(ctx.scope.containsKey("eligible")
                ? conditions(ctx.scope.get("eligible"), scope).stream().map(Condition::ofDocumentScope).toList() : List.of());
        conditions.addAll(m.containsKey("eligible") ? conditions(m.get("eligible"), scope) : List.of());
        Checker.Checked amount = problems.attempt(() -> amount(m.get("amount"), scope)).orElse(null);
        Checker.Checked cap = problems.attempt(() -> payout.cap(m, scope, amount)).orElse(null);
        List<String> deducts = problems.attempt(() -> payout.deducts(m, scope, amount)).orElse(List.of());
        List<Payer> payers = problems.attempt(() -> payout.payers(m, rn, scope, m.get("amount") != null)).orElse(List.of());
        ItemPayer itemPayer = m.containsKey("borne_by") ? problems.attempt(() -> payout.itemPayer(m, amount)).orElse(null) : null;
        return new Rule(id, ctx.docId, ctx.document, measure, title, quote, kind, delivery, payers, region, zone, valid, ruleClass,
                stacking, Map.copyOf(params), List.copyOf(lets), List.copyOf(conditions), amount, Fields.text(m.get("amount")), cap,
                Fields.text(m.get("cap")), deducts, List.of(), doc.pos(rn), itemPayer);
    }

    private List<Let> lets(Node ln, Scope scope) {
        List<Let> lets = new ArrayList<>();
        problems.run(() -> {
            for (Map.Entry<String, Node> e : doc.map(ln, "let").entrySet()) {
                String name = e.getKey();
                boolean ownName = ParameterReader.NAME.matcher(name).matches() && !scope.lets.containsKey(name)
                        && !scope.params.containsKey(name);
                problems.attempt(() -> let(name, e.getValue(), scope)).ifPresentOrElse(lets::add, () -> {
                    if (ownName) {
                        scope.broken.add(name);
                    }
                });
            }
        });
        return lets;
    }

    private Let let(String name, Node v, Scope scope) {
        if (!ParameterReader.NAME.matcher(name).matches()) {
            throw doc.problem(v, "中间值名 '" + name + "' 应为小写英文、数字和下划线");
        }
        if (scope.lets.containsKey(name) || scope.params.containsKey(name)) {
            throw doc.problem(v, "中间值名 '" + name + "' 与已有名字重复");
        }
        String label = null;
        Node exprNode = v;
        if (!(v instanceof ScalarNode)) {
            Map<String, Node> lm = doc.map(v, "中间值 " + name);
            doc.requireKnownKeys(lm, v, Set.of("expr", "label"), "中间值 " + name, problems);
            exprNode = lm.get("expr");
            if (exprNode == null) {
                throw doc.problem(v, "中间值 " + name + " 缺少 expr");
            }
            label = ctx.fields.optional(lm, "label");
        }
        Checker.Checked c = ctx.expressions.check(exprNode, scope, "中间值 " + name);
        scope.lets.put(name, c.type());
        return new Let(name, label, ((ScalarNode) exprNode).getValue().trim(), c, doc.pos(exprNode));
    }

    private List<Condition> conditions(Node list, Scope scope) {
        List<Condition> conditions = new ArrayList<>();
        problems.run(() -> {
            for (Node cn : doc.list(list, "eligible")) {
                problems.attempt(() -> condition(cn, scope)).ifPresent(conditions::add);
            }
        });
        return conditions;
    }

    private Condition condition(Node cn, Scope scope) {
        Node exprNode = cn;
        String label = null;
        if (!(cn instanceof ScalarNode)) {
            Map<String, Node> cm = doc.map(cn, "条件");
            doc.requireKnownKeys(cm, cn, Set.of("expr", "label"), "条件", problems);
            exprNode = cm.get("expr");
            if (exprNode == null) {
                throw doc.problem(cn, "条件缺少 expr");
            }
            label = ctx.fields.optional(cm, "label");
        }
        Checker.Checked c = ctx.expressions.check(exprNode, scope, "条件");
        if (!(c.type() instanceof Type.Bool)) {
            throw doc.problem(exprNode, "条件必须是布尔值（成立/不成立），实为 " + c.type());
        }
        String text = ((ScalarNode) exprNode).getValue().trim();
        return new Condition(label == null ? text : label, text, c, doc.pos(exprNode));
    }

    private Checker.Checked amount(Node n, Scope scope) {
        Checker.Checked a = ctx.expressions.check(n, scope, "amount");
        if (a != null && !(a.type() instanceof Type.Num num && num.unit().isMoney())) {
            throw doc.problem(n, "amount 必须是金额（单位 元 或 美元），实为 " + a.type());
        }
        return a;
    }
}
