package huiqi.rules.draft;

import huiqi.rules.file.Condition;
import huiqi.rules.file.Parameter;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.Unencoded;
import huiqi.rules.lang.Expr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Scores a loaded draft rule file against the hand-written one, measure by measure; see {@link DraftAccuracyTest}
 * for what counts as right, open and wrong.
 */
final class DraftScore {
    int right;
    int open;
    int wrong;
    final List<String> log = new ArrayList<>();

    int total() {
        return right + open + wrong;
    }

    String line(String what) {
        return what + ": " + right + " of " + total() + " right, " + open + " open questions, " + wrong + " wrong";
    }

    void add(DraftScore other) {
        right += other.right;
        open += other.open;
        wrong += other.wrong;
    }

    static DraftScore of(RuleFile reference, RuleFile draft, DocumentDraft drafts) {
        DraftScore s = new DraftScore();
        for (MeasureDraft md : drafts.measures()) {
            int n = md.measure();
            List<Rule> refRules = reference.rules().stream().filter(r -> r.measure() == n).toList();
            List<Rule> draftRules = draft.rules().stream().filter(r -> r.measure() == n).toList();
            Category refCategory = refRules.stream().anyMatch(Rule::computable) ? Category.COMPUTABLE
                    : !refRules.isEmpty() ? Category.ELIGIBILITY_ONLY
                    : reference.unencoded().stream().filter(u -> u.measure() == n).map(Unencoded::category)
                    .map(Category::ofCode).findFirst().orElseThrow();
            s.score("第" + n + "条 类别", md.category() == refCategory ? Verdict.RIGHT
                            : md.alternatives().contains(refCategory) ? Verdict.OPEN : Verdict.WRONG,
                    md.category().label + " / " + refCategory.label);
            if (refCategory != Category.COMPUTABLE) {
                continue;
            }
            boolean asked = !md.questions().isEmpty();
            Verdict missing = draftRules.isEmpty() && md.category() == Category.NOT_ENCODABLE || asked
                    ? Verdict.OPEN : Verdict.WRONG;
            // parameters quoted from the document
            List<String> draftValues = draftRules.stream().flatMap(r -> r.parameters().values().stream())
                    .map(DraftScore::value).collect(Collectors.toCollection(ArrayList::new));
            Set<String> refValues = new TreeSet<>();
            for (Rule r : refRules) {
                for (Parameter p : r.parameters().values()) {
                    if (p.source() == null || !p.source().startsWith("第")) {
                        continue; // a value from another act (法定征收率) is the officer's knowledge, not the text's
                    }
                    String v = value(p);
                    if (!refValues.add(v)) {
                        continue;
                    }
                    s.score("第" + n + "条 参数 " + p.name() + "=" + v, draftValues.contains(v) ? Verdict.RIGHT : missing, "");
                }
            }
            for (String v : new TreeSet<>(draftValues)) {
                if (!refValues.contains(v)) {
                    s.score("第" + n + "条 多出的参数 " + v, Verdict.WRONG, "");
                }
            }
            // conditions, structurally after inlining lets and parameter values
            List<String> draftConds = draftRules.stream().flatMap(r -> r.conditions().stream().map(c -> shape(c, r)))
                    .toList();
            Set<String> refConds = new TreeSet<>();
            for (Rule r : refRules) {
                for (Condition c : r.conditions()) {
                    String shape = shape(c, r);
                    if (!refConds.add(shape)) {
                        continue;
                    }
                    Verdict v = draftConds.contains(shape) ? Verdict.RIGHT
                            : draftConds.stream().anyMatch(d -> refs(d).equals(refs(shape))) ? Verdict.WRONG : missing;
                    s.score("第" + n + "条 条件 " + shape, v, "");
                }
            }
            for (String d : new TreeSet<>(draftConds)) {
                if (!refConds.contains(d) && refConds.stream().noneMatch(r -> refs(r).equals(refs(d)))) {
                    s.score("第" + n + "条 多出的条件 " + d, Verdict.WRONG, "");
                }
            }
            // amount, cap, delivery, payer of every hand-written rule
            for (Rule r : refRules.stream().filter(Rule::computable).toList()) {
                String amount = shape(r.amount().expr(), r);
                s.score(r.id() + " 金额 " + amount, draftRules.stream().filter(Rule::computable)
                        .anyMatch(d -> shape(d.amount().expr(), d).equals(amount)) ? Verdict.RIGHT : missing, "");
                if (r.cap() != null) {
                    String cap = shape(r.cap().expr(), r);
                    s.score(r.id() + " 上限 " + cap, draftRules.stream().anyMatch(d -> d.cap() != null
                            && shape(d.cap().expr(), d).equals(cap)) ? Verdict.RIGHT : missing, "");
                }
                boolean askedDelivery = md.questions().stream().anyMatch(x -> x.topic() == OpenQuestion.Topic.DELIVERY);
                s.score(r.id() + " 兑现方式 " + r.delivery(), draftRules.isEmpty() ? missing
                        : draftRules.stream().anyMatch(d -> d.delivery() == r.delivery()) ? Verdict.RIGHT
                        : askedDelivery ? Verdict.OPEN : Verdict.WRONG, "");
                var payer = r.payers().get(0);
                List<huiqi.rules.file.Payer> drafted = draftRules.stream().filter(d -> !d.payers().isEmpty())
                        .map(d -> d.payers().get(0)).toList();
                s.score(r.id() + " 付款层级 " + payer.level(), drafted.isEmpty() ? missing
                        : drafted.stream().anyMatch(d -> d.level().equals(payer.level())) ? Verdict.RIGHT : Verdict.WRONG, "");
                s.score(r.id() + " 付款部门 " + payer.department(), drafted.isEmpty() ? missing
                        : drafted.stream().anyMatch(d -> payer.department().contains(d.department())
                        || d.department().contains(payer.department())) ? Verdict.RIGHT : Verdict.WRONG, "");
            }
        }
        return s;
    }

    enum Verdict { RIGHT, OPEN, WRONG }

    private void score(String item, Verdict v, String detail) {
        switch (v) {
            case RIGHT -> right++;
            case OPEN -> open++;
            case WRONG -> wrong++;
        }
        log.add(v + " " + item + (detail.isEmpty() ? "" : " (" + detail + ")"));
    }

    private static String value(Parameter p) {
        BigDecimal v = p.values().firstEntry().getValue();
        return v.stripTrailingZeros().toPlainString() + p.unit();
    }

    private static String shape(Condition c, Rule r) {
        return shape(c.expr().expr(), r);
    }

    /** The expression written out with lets inlined and parameters replaced by their values. */
    static String shape(Expr e, Rule r) {
        Map<String, Expr> lets = new HashMap<>();
        r.lets().forEach(l -> lets.put(l.name(), l.expr().expr()));
        Map<String, Parameter> params = new HashMap<>();
        r.parameters().values().forEach(p -> params.put(p.qualifiedName(), p));
        return render(e, lets, params);
    }

    private static String render(Expr e, Map<String, Expr> lets, Map<String, Parameter> params) {
        if (e instanceof Expr.LetRef l) {
            return render(lets.get(l.name()), lets, params);
        }
        if (e instanceof Expr.ParamRef p) {
            return params.containsKey(p.qualifiedName()) ? value(params.get(p.qualifiedName())) : p.qualifiedName();
        }
        if (e instanceof Expr.IndicatorRef i) {
            return "@" + i.id() + "[" + i.period() + "]";
        }
        if (e instanceof Expr.AttributeRef a) {
            return "@" + a.id();
        }
        if (e instanceof Expr.Num n) {
            return n.value().stripTrailingZeros().toPlainString() + n.unit();
        }
        if (e instanceof Expr.Text t) {
            return "\"" + t.value() + "\"";
        }
        if (e instanceof Expr.PeriodLit p) {
            return String.valueOf(p.value());
        }
        if (e instanceof Expr.DateLit d) {
            return String.valueOf(d.value());
        }
        if (e instanceof Expr.Bool b) {
            return String.valueOf(b.value());
        }
        if (e instanceof Expr.Binary b) {
            return "(" + render(b.left(), lets, params) + " " + b.op().symbol + " " + render(b.right(), lets, params) + ")";
        }
        if (e instanceof Expr.Fn f) {
            return f.function() + f.args().stream().map(a -> render(a, lets, params)).collect(Collectors.joining(",", "(", ")"));
        }
        return e.getClass().getSimpleName() + huiqi.rules.lang.Exprs.children(e).stream()
                .map(a -> render(a, lets, params)).collect(Collectors.joining(",", "(", ")"));
    }

    /** The catalog ids an expression shape reads (without periods), to tell a different reading of the same data. */
    private static Set<String> refs(String shape) {
        Set<String> out = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("@(\\w+)").matcher(shape);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Override
    public String toString() {
        return Objects.toString(log);
    }
}
