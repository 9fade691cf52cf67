package huiqi.rules.file;

import huiqi.policy.PayerLevel;
import huiqi.rules.lang.Checker;
import huiqi.rules.lang.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Who pays and how much at most: payers (level, department, shares), a rule's cap, deductions of other rules'
 * amounts, the stacking relation (叠加 / 取高不重复) and caps shared by several rules.
 */
final class PayoutTerms {
    private final FileContext ctx;
    private final YamlDoc doc;
    private final RuleIndex rules;
    private final QuoteVerifier quotes;

    PayoutTerms(FileContext ctx, RuleIndex rules) {
        this.ctx = ctx;
        this.doc = ctx.doc;
        this.rules = rules;
        this.quotes = new QuoteVerifier(ctx);
    }

    Stacking stacking(Node n) {
        if (n == null) {
            return null;
        }
        return ctx.fields.oneOf(Stacking::parse, n, doc.string(n, "stacking"), "stacking 应为 叠加 或 取高不重复");
    }

    List<Payer> payers(Map<String, Node> m, Node rn, Scope scope, boolean hasAmount) {
        if (m.containsKey("payer") && m.containsKey("payers")) {
            throw doc.problem(m.get("payers"), "payer 与 payers 只能写一个");
        }
        if (m.containsKey("payer")) {
            return List.of(payer(m.get("payer"), scope, false));
        }
        if (m.containsKey("payers")) {
            List<Node> list = doc.list(m.get("payers"), "payers");
            if (list.size() < 2) {
                throw doc.problem(m.get("payers"), "payers 用于两个及以上付款方；一个付款方请写 payer");
            }
            List<Payer> out = new ArrayList<>();
            for (Node pn : list) {
                out.add(payer(pn, scope, true));
            }
            return out;
        }
        if (hasAmount) {
            throw doc.problem(rn, "有金额的规则必须写 payer（付款方：level 和 department）");
        }
        return List.of();
    }

    private Payer payer(Node n, Scope scope, boolean withShare) {
        Map<String, Node> pm = doc.map(n, "payer");
        doc.requireKnownKeys(pm, n, withShare ? Set.of("level", "department", "share") : Set.of("level", "department"), "payer", ctx.problems);
        String written = ctx.fields.required(pm, n, "level", "付款方层级");
        PayerLevel level = PayerLevel.parse(written).orElseThrow(() -> doc.problem(pm.get("level"),
                "level 应为 " + String.join("、", new TreeSet<>(PayerLevel.labels())) + " 之一，实为 '" + written + "'"));
        String dept = ctx.fields.required(pm, n, "department", "付款部门");
        Checker.Checked share = null;
        if (withShare) {
            if (!pm.containsKey("share")) {
                throw doc.problem(n, "多个付款方时每个都要写 share（份额，无量纲，合计为 1）");
            }
            share = ctx.expressions.check(pm.get("share"), scope, "share");
            if (!(share.type() instanceof Type.Num num && num.unit().isNone())) {
                throw doc.problem(pm.get("share"), "share 必须是无量纲数（如 60% 或 a / (a + b)），实为 " + share.type());
            }
        }
        return new Payer(level, dept, share);
    }

    /**
     * {@code borne_by: lessor} (or {@code { field: lessor, verb: 减免 }}): the amount must be a sum over items, the field a
     * text field of them; a cap, a deduction or several payers would leave the parts per bearer undefined, so they are refused.
     */
    ItemPayer itemPayer(Map<String, Node> m, Checker.Checked amount) {
        Node n = m.get("borne_by");
        String field;
        String verb = "承担";
        if (n instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
            field = doc.string(n, "borne_by");
        } else {
            Map<String, Node> bm = doc.map(n, "borne_by");
            doc.requireKnownKeys(bm, n, Set.of("field", "verb"), "borne_by", ctx.problems);
            field = ctx.fields.required(bm, n, "field", "承担方字段");
            verb = bm.containsKey("verb") ? doc.string(bm.get("verb"), "verb") : verb;
        }
        if (m.get("amount") == null) {
            throw doc.problem(n, "borne_by（逐项付款方）只能用于有金额的规则");
        }
        if (amount == null) {
            throw new Problems.Dependent();
        }
        if (!(amount.expr() instanceof huiqi.rules.lang.Expr.ItemLoop loop) || loop.aggregate() != huiqi.rules.lang.Expr.Aggregate.SUM) {
            throw doc.problem(n, "borne_by（逐项付款方）要求 amount 是逐项求和 sum(for l in 清单 … return …)：各项的金额才能归到各自的"
                    + "承担方");
        }
        if (loop.order() != null) {
            // the per-bearer split is computed by the unordered loop (interpreter) and a plain GROUP BY (SQL); an ordered
            // loop's running sums would be left out of the parts, so the parts would no longer add up to the amount
            throw doc.problem(n, "borne_by（逐项付款方）不能与 order by 排序累计的逐项求和一起用：各承担方的金额无法逐项拆分");
        }
        huiqi.facts.ItemKind kind = ctx.catalog.itemKind(loop.kind()).orElseThrow();
        huiqi.facts.ItemKind.Field f = kind.field(field).orElseThrow(() -> doc.problem(n, kind.name() + "（" + kind.id()
                + "）没有字段 '" + field + "'（字段：" + kind.fieldList() + "）"));
        if (f.type() != huiqi.facts.AttributeType.TEXT) {
            throw doc.problem(n, "borne_by 的字段须是文本（承担方的名称），" + f.id() + "（" + f.name() + "）不是");
        }
        if (m.containsKey("cap")) {
            throw doc.problem(m.get("cap"), "逐项付款方（borne_by）的规则不能有按企业的上限 cap：封顶后各" + f.name()
                    + "各承担多少没有依据；逐项的上限写在 return 里，如 min(…, 单项上限)");
        }
        if (m.containsKey("deducts")) {
            throw doc.problem(m.get("deducts"), "逐项付款方（borne_by）的规则不能有 deducts：扣除的金额归哪个" + f.name() + "没有依据");
        }
        if (m.containsKey("payers")) {
            throw doc.problem(m.get("payers"), "逐项付款方（borne_by）的规则只写一个 payer（在平台上办理的单位）");
        }
        return new ItemPayer(kind.id(), f.id(), f.name(), verb);
    }

    /** A rule's own cap: same unit as its amount, and only with an amount. */
    Checker.Checked cap(Map<String, Node> m, Scope scope, Checker.Checked amount) {
        Checker.Checked c = ctx.expressions.check(m.get("cap"), scope, "cap");
        if (c != null && amount != null && !c.type().equals(amount.type())) {
            throw doc.problem(m.get("cap"), "cap 的单位应与 amount 相同（" + amount.type() + "），实为 " + c.type());
        }
        if (c != null && m.get("amount") == null) {
            throw doc.problem(m.get("cap"), "没有 amount 的规则不能有 cap");
        }
        return c;
    }

    /** Rules whose amount is deducted from this rule's: same file, with an amount in the same currency. */
    List<String> deducts(Map<String, Node> m, Scope scope, Checker.Checked amount) {
        List<String> out = new ArrayList<>();
        if (!m.containsKey("deducts")) {
            return out;
        }
        for (Node dn : doc.list(m.get("deducts"), "deducts")) {
            String d = doc.string(dn, "deducts");
            rules.requireKnown(d, dn, "未知规则 '" + d + "'（deducts 只能引用同一文件中的规则）");
            Optional<Type> deducted = scope.ruleAmount(d);
            if (deducted.isEmpty()) {
                throw doc.problem(dn, "规则 '" + d + "' 没有金额，不能扣除");
            }
            if (amount != null && !deducted.get().equals(amount.type())) {
                throw doc.problem(dn, "扣除的规则 '" + d + "' 金额币种与本规则不同");
            }
            out.add(d);
        }
        if (m.get("amount") == null) {
            throw doc.problem(m.get("deducts"), "没有 amount 的规则不能有 deducts");
        }
        return out;
    }

    /** The file's caps shared by several rules (each checked on its own). */
    List<SharedCap> sharedCaps(Node n) {
        if (n == null) {
            return List.of();
        }
        List<SharedCap> out = new ArrayList<>();
        Scope scope = new Scope(ctx, rules, Map.of(), ctx.periods);
        for (Node cn : doc.list(n, "caps")) {
            ctx.problems.attempt(() -> sharedCap(cn, scope)).ifPresent(out::add);
        }
        return out;
    }

    private SharedCap sharedCap(Node cn, Scope scope) {
        Map<String, Node> m = doc.map(cn, "共享上限");
        doc.requireKnownKeys(m, cn, Set.of("id", "rules", "cap", "quote"), "共享上限", ctx.problems);
        String id = ctx.fields.required(m, cn, "id", "上限 id");
        List<String> members = new ArrayList<>();
        Type t = null;
        if (!m.containsKey("rules")) {
            throw doc.problem(cn, "共享上限缺少 rules");
        }
        for (Node rn : doc.list(m.get("rules"), "rules")) {
            String r = doc.string(rn, "规则 id");
            rules.requireKnown(r, rn, "未知规则 '" + r + "'");
            if (rules.fields(r) != null && rules.fields(r).containsKey("borne_by")) {
                throw doc.problem(rn, "规则 '" + r + "' 逐项付款方（borne_by），不能计入共享上限：封顶后各承担方各承担多少没有依据");
            }
            Optional<Type> at = scope.ruleAmount(r);
            if (at.isEmpty()) {
                throw doc.problem(rn, "规则 '" + r + "' 没有金额，不能计入共享上限");
            }
            t = at.get();
            members.add(r);
        }
        if (members.size() < 2) {
            throw doc.problem(m.get("rules"), "共享上限至少涉及两条规则；单条规则请用规则的 cap");
        }
        Checker.Checked cap = ctx.expressions.check(m.get("cap"), scope, "cap");
        if (cap == null) {
            throw doc.problem(cn, "共享上限缺少 cap");
        }
        if (!cap.type().equals(t)) {
            throw doc.problem(m.get("cap"), "cap 的单位应与规则金额相同（" + t + "），实为 " + cap.type());
        }
        String quote = quotes.optionalQuote(m);
        return new SharedCap(id, members, cap, doc.string(m.get("cap"), "cap"), quote, doc.pos(cn));
    }
}
