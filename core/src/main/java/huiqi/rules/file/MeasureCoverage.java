package huiqi.rules.file;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Every measure of the document is encoded by a rule or listed as unencoded (with category and reason), once. */
final class MeasureCoverage {
    private final FileContext ctx;
    private final YamlDoc doc;
    /** False if some unencoded entry could not be read: then which measures are missing cannot be told. */
    private boolean unencodedComplete = true;

    MeasureCoverage(FileContext ctx) {
        this.ctx = ctx;
        this.doc = ctx.doc;
    }

    /** The unencoded list itself is unreadable. */
    void markIncomplete() {
        unencodedComplete = false;
    }

    List<Unencoded> unencoded(Node n) {
        if (n == null) {
            return List.of();
        }
        List<Unencoded> out = new ArrayList<>();
        for (Node un : doc.list(n, "unencoded")) {
            ctx.problems.attempt(() -> entry(un)).ifPresentOrElse(out::add, () -> unencodedComplete = false);
        }
        return out;
    }

    private Unencoded entry(Node un) {
        Map<String, Node> m = doc.map(un, "未编码措施");
        doc.requireKnownKeys(m, un, Set.of("measure", "category", "reason", "title"), "未编码措施", ctx.problems);
        int measure = ctx.fields.positiveInt(m.get("measure"), un, "measure");
        String cat = ctx.fields.required(m, un, "category", "类别");
        if (!Unencoded.CATEGORIES.contains(cat)) {
            throw doc.problem(m.get("category"), "category 应为 " + String.join("、", Unencoded.CATEGORIES) + " 之一，实为 '" + cat + "'");
        }
        String reason = ctx.fields.required(m, un, "reason", "原因");
        return new Unencoded(measure, cat, reason, ctx.fields.optional(m, "title"), doc.pos(un));
    }

    /**
     * Checks measure numbers against {@code measures} (0: unknown, nothing to check). {@code encoded} is where each
     * measure has a rule, empty if some rule's measure is unreadable (reported there).
     */
    void check(int measures, List<Rule> built, Optional<Map<Integer, SourcePos>> encoded, List<Unencoded> un, Node root) {
        if (measures == 0) {
            return;
        }
        for (Rule r : built) {
            if (r.measure() > measures) {
                ctx.problems.error(r.pos(), "措施号 " + r.measure() + " 超出 measures: " + measures);
            }
        }
        Map<Integer, SourcePos> seen = encoded.orElse(Map.of());
        Set<Integer> unSeen = new HashSet<>();
        for (Unencoded u : un) {
            if (u.measure() > measures) {
                ctx.problems.error(u.pos(), "措施号 " + u.measure() + " 超出 measures: " + measures);
            }
            if (seen.containsKey(u.measure())) {
                ctx.problems.error(u.pos(), "措施 " + u.measure() + " 已有规则（" + seen.get(u.measure()) + "），不能再列为未编码");
            }
            if (!unSeen.add(u.measure())) {
                ctx.problems.error(u.pos(), "措施 " + u.measure() + " 在 unencoded 中重复");
            }
        }
        if (encoded.isEmpty() || !unencodedComplete) {
            return;
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 1; i <= measures; i++) {
            if (!seen.containsKey(i) && !unSeen.contains(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            ctx.problems.error(doc.pos(root), "以下措施既没有规则也不在 unencoded 中：" + missing);
        }
    }
}
