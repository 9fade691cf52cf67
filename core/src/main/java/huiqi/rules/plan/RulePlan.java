package huiqi.rules.plan;

import huiqi.rules.file.Dependencies;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.SharedCap;
import huiqi.rules.file.Stacking;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a rule set is evaluated, followed by both the interpreter ({@code huiqi.rules.eval}) and the SQL compiler
 * ({@code huiqi.batch.sql}):
 * <ol>
 * <li>the rules in force on the evaluation date (all when there is none), in file order ({@link #steps});
 *   parameters are read on that date, else on the rule's first valid day;</li>
 * <li>per rule: region prefix, conditions (three-valued), amount (a negative one counts as 0), own cap,
 *   deducts in declared order, shared caps in declared order less what the cap's earlier rules in force took
 *   ({@link Step#sharedCaps}), rounding once to the fen (HALF_UP), payer split (the last payer takes the rest);</li>
 * <li>across rules: a rule is evaluated after the rules it reads ({@link #layers}), and 取高不重复 comes last,
 *   over all files ({@link Step#rivals}).</li>
 * </ol>
 */
public final class RulePlan {
    /**
     * One rule in force: its position among the rules in force, its file, the date its parameters are read on,
     * its layer (0 unless it reads other rules, else one more than the latest it reads), the shared caps it
     * draws on and, for a 取高不重复 rule, the same-class rules it yields to. {@code validityPending} is why it may
     * no longer be in force on the evaluation date (its validity ends at an event whose date is unpublished), else
     * null: that is one more condition, unknown, so the rule is undeterminable unless another condition fails.
     */
    public record Step(Rule rule, int index, RuleFile file, LocalDate paramDate, int layer,
                       List<CapShare> sharedCaps, List<Rival> rivals, String validityPending) { }

    /** A cap shared with other rules, and the rules in force that draw on it before this one. */
    public record CapShare(SharedCap cap, List<String> before) { }

    /**
     * A computable rule of the same class and currency: the 取高不重复 rule yields (amount 0, still eligible) when
     * the rival is eligible and grants more, or as much when {@code winsTies} (the rival is 叠加 or comes first).
     */
    public record Rival(int index, boolean winsTies) { }

    private final List<Step> steps;
    private final Map<String, Step> byId = new LinkedHashMap<>();
    private final List<List<Step>> layers;

    private RulePlan(List<Step> steps) {
        this.steps = List.copyOf(steps);
        List<List<Step>> byLayer = new ArrayList<>();
        for (Step s : steps) {
            byId.put(s.rule().id(), s);
            while (byLayer.size() <= s.layer()) {
                byLayer.add(new ArrayList<>());
            }
            byLayer.get(s.layer()).add(s);
        }
        this.layers = byLayer.stream().map(List::copyOf).toList();
    }

    /** In force on {@code asOf} (no date: every rule), or possibly in force: its end is an unpublished event date. */
    public static boolean inForce(Rule r, LocalDate asOf) {
        return asOf == null || r.valid() == null || !Boolean.FALSE.equals(r.valid().contains(asOf));
    }

    private static String validityPending(Rule r, LocalDate asOf) {
        return asOf == null || r.valid() == null || r.valid().contains(asOf) != null ? null : r.valid().pendingReason();
    }

    public static RulePlan of(List<RuleFile> files, LocalDate asOf) {
        List<Rule> rules = new ArrayList<>();
        List<RuleFile> fileOf = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (RuleFile f : files) {
            for (Rule r : f.rules()) {
                if (inForce(r, asOf)) {
                    index.put(r.id(), rules.size());
                    rules.add(r);
                    fileOf.add(f);
                }
            }
        }
        List<List<CapShare>> caps = new ArrayList<>();
        List<Set<Integer>> reads = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            List<CapShare> shares = new ArrayList<>();
            Set<Integer> deps = new LinkedHashSet<>();
            for (SharedCap cap : fileOf.get(i).caps()) {
                int pos = cap.rules().indexOf(r.id());
                if (pos >= 0) {
                    List<String> before = cap.rules().subList(0, pos).stream().filter(index::containsKey).toList();
                    shares.add(new CapShare(cap, before));
                    before.forEach(b -> deps.add(index.get(b)));
                }
            }
            for (String id : Dependencies.of(r, fileOf.get(i).caps())) {
                if (index.containsKey(id)) {
                    deps.add(index.get(id));
                }
            }
            caps.add(shares);
            reads.add(deps);
        }
        int[] layer = new int[rules.size()];
        int[] state = new int[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            layer(i, reads, layer, state, rules);
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            LocalDate paramDate = asOf != null ? asOf : r.valid() != null ? r.valid().start() : null;
            steps.add(new Step(r, i, fileOf.get(i), paramDate, layer[i], List.copyOf(caps.get(i)), rivals(rules, i),
                    validityPending(r, asOf)));
        }
        return new RulePlan(steps);
    }

    private static List<Rival> rivals(List<Rule> rules, int i) {
        Rule r = rules.get(i);
        List<Rival> out = new ArrayList<>();
        if (r.ruleClass() == null || r.stacking() != Stacking.HIGHEST_ONLY || !r.computable()) {
            return out;
        }
        for (int j = 0; j < rules.size(); j++) {
            Rule o = rules.get(j);
            if (j != i && r.ruleClass().equals(o.ruleClass()) && o.computable() && r.currency().equals(o.currency())) {
                out.add(new Rival(j, o.stacking() == Stacking.COMBINED || j < i));
            }
        }
        return List.copyOf(out);
    }

    private static int layer(int i, List<Set<Integer>> reads, int[] layer, int[] state, List<Rule> rules) {
        if (state[i] == 2) {
            return layer[i];
        }
        if (state[i] == 1) {
            throw new IllegalArgumentException("规则之间循环引用：" + rules.get(i).id());
        }
        state[i] = 1;
        int l = 0;
        for (int d : reads.get(i)) {
            l = Math.max(l, layer(d, reads, layer, state, rules) + 1);
        }
        state[i] = 2;
        layer[i] = l;
        return l;
    }

    /** The rules in force, in file order ({@link Step#index} is the position here). */
    public List<Step> steps() {
        return steps;
    }

    /** The rules in force by layer, each in file order: a rule only reads rules of earlier layers; no layer is empty. */
    public List<List<Step>> layers() {
        return layers;
    }

    /** The rule if it is in force. */
    public Optional<Step> step(String ruleId) {
        return Optional.ofNullable(byId.get(ruleId));
    }
}
