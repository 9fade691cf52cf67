package huiqi.rules.file;

import huiqi.quantity.Units;
import huiqi.rules.lang.ExprException;
import huiqi.rules.lang.Span;
import huiqi.rules.lang.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The rules of one file by id. Rules are checked on demand, so a rule that reads a sibling (granted(), eligible(),
 * deducts, shared caps) sees its checked type whatever the order in the file; a rule with errors is checked once.
 */
final class RuleIndex {
    private final FileContext ctx;
    private final RuleBuilder builder;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    /** Every id written in a rule, also those rejected (wrong prefix, duplicate): referring to them is not "未知规则". */
    private final Set<String> written = new HashSet<>();
    private final Map<String, Rule> built = new LinkedHashMap<>();
    private final Set<String> failed = new HashSet<>();
    private final Set<String> inProgress = new HashSet<>();
    /** False if some rule could not even be indexed (no readable id): which measures are encoded is then unknown. */
    private boolean complete = true;

    RuleIndex(FileContext ctx) {
        this.ctx = ctx;
        this.builder = new RuleBuilder(ctx, this);
    }

    /** Pass 1: every rule's id, so rules can refer to each other in any order. */
    void index(List<Node> ruleNodes) {
        YamlDoc doc = ctx.doc;
        for (Node rn : ruleNodes) {
            int before = ctx.problems.failures();
            ctx.problems.run(() -> {
                Map<String, Node> m = doc.map(rn, "规则");
                String id = ctx.fields.required(m, rn, "id", "规则 id");
                written.add(id);
                if (!id.startsWith(ctx.docId + "/")) {
                    throw doc.problem(m.get("id"), "规则 id '" + id + "' 应以 '" + ctx.docId + "/' 开头（目录名）");
                }
                if (nodes.putIfAbsent(id, rn) != null) {
                    throw doc.problem(m.get("id"), "重复的规则 id '" + id + "'");
                }
            });
            complete &= ctx.problems.failures() == before;
        }
    }

    /** The file's rule list itself is unreadable. */
    void markIncomplete() {
        complete = false;
    }

    /** Pass 2: checks every rule. */
    void buildAll() {
        for (String id : List.copyOf(nodes.keySet())) {
            rule(id);
        }
    }

    boolean exists(String id) {
        return nodes.containsKey(id);
    }

    /**
     * Throws a problem at {@code at} if no rule has this id, or {@link Problems.Dependent} if a rule wrote this id
     * but it was rejected (reported there).
     */
    void requireKnown(String id, Node at, String unknownMessage) {
        if (!exists(id)) {
            if (written.contains(id)) {
                throw new Problems.Dependent();
            }
            throw ctx.doc.problem(at, unknownMessage);
        }
    }

    /** Like {@link #requireKnown}, and {@link Problems.Dependent} if the rule has errors of its own. */
    Rule require(String id, Node at, String unknownMessage) {
        requireKnown(id, at, unknownMessage);
        Rule r = rule(id);
        if (r == null) {
            throw new Problems.Dependent();
        }
        return r;
    }

    /** The checked rule, or null if it has errors. */
    Rule rule(String id) {
        if (built.containsKey(id)) {
            return built.get(id);
        }
        if (failed.contains(id) || inProgress.contains(id) || !nodes.containsKey(id)) {
            return null;
        }
        inProgress.add(id);
        int before = ctx.problems.failures();
        Rule r;
        try {
            r = ctx.problems.attempt(() -> builder.build(id, nodes.get(id))).orElse(null);
        } finally {
            inProgress.remove(id);
        }
        if (r == null || ctx.problems.failures() > before) {
            failed.add(id);
            return null;
        }
        built.put(id, r);
        return r;
    }

    /** Type of a sibling's amount, for granted() and caps; empty if it has none. */
    Optional<Type> amountType(String id) {
        Rule r = rule(id);
        if (r != null) {
            return r.amount() == null ? Optional.empty() : Optional.of(r.amount().type());
        }
        if (inProgress.contains(id)) {
            throw new ExprException("规则之间循环引用：" + id, new Span(0, 0));
        }
        // the referenced rule has its own errors (reported there); assume a yuan amount if it has one
        Node rn = nodes.get(id);
        boolean hasAmount = rn != null && ctx.doc.map(rn, "规则").containsKey("amount");
        return hasAmount ? Optional.of(Type.num(Units.YUAN)) : Optional.empty();
    }

    /** Node of a rule's own mapping. */
    Map<String, Node> fields(String id) {
        return ctx.doc.map(nodes.get(id), "规则");
    }

    /** The rules that checked without errors, in file order. */
    List<Rule> built() {
        return new ArrayList<>(built.values());
    }

    /**
     * Where each measure number is encoded (first rule), from the checked rules and from the readable measure of
     * rules with errors; empty if some rule's measure is unreadable (coverage cannot be judged then).
     */
    Optional<Map<Integer, SourcePos>> measurePositions() {
        if (!complete) {
            return Optional.empty();
        }
        Map<Integer, SourcePos> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : nodes.entrySet()) {
            Rule r = built.get(e.getKey());
            if (r != null) {
                out.putIfAbsent(r.measure(), r.pos());
                continue;
            }
            try {
                int measure = Integer.parseInt(String.valueOf(Fields.text(fields(e.getKey()).get("measure"))));
                out.putIfAbsent(measure, ctx.doc.pos(e.getValue()));
            } catch (NumberFormatException ex) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }
}
