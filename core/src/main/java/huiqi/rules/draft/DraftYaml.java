package huiqi.rules.draft;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a {@link DocumentDraft} as rules.yaml text that {@code RuleFileLoader} loads and type-checks: drafted
 * rules under {@code rules}, the other measures under {@code unencoded} with their reason. Open questions are
 * written as {@code # 待确认：} comments at the rule (or measure) they concern; a rule whose amount is an open
 * question has no {@code amount} yet. Rules carry no {@code tests}: the officer writes them from the clause.
 */
public final class DraftYaml {
    private DraftYaml() {
    }

    public static String render(DocumentDraft d) {
        StringBuilder y = new StringBuilder();
        y.append("# 草稿：由 huiqi.rules.draft.RuleDrafter 从原文生成，需经办人确认后才能使用\n");
        y.append("document: ").append(q(d.docNumber() == null ? "（文号未识别）" : d.docNumber())).append('\n');
        y.append("source: source.txt\n");
        y.append("measures: ").append(d.measures().size()).append('\n');
        if (d.regionCode() != null) {
            y.append("region: ").append(q(d.regionCode())).append('\n');
        }
        if (d.validFrom() != null && d.validUntil() != null) {
            y.append("valid: ").append(d.validFrom()).append("..").append(d.validUntil()).append('\n');
        }
        y.append("rules:");
        boolean any = false;
        for (MeasureDraft m : d.measures()) {
            for (DraftRule r : m.rules()) {
                any = true;
                rule(y, r, m, d.validFrom());
            }
        }
        y.append(any ? "\n" : " []\n");
        y.append("unencoded:");
        boolean anyUnencoded = false;
        for (MeasureDraft m : d.measures()) {
            if (m.rules().isEmpty()) {
                anyUnencoded = true;
                Category c = m.category() == Category.COMPUTABLE ? Category.NOT_ENCODABLE : m.category();
                y.append("\n  - { measure: ").append(m.measure()).append(", category: ").append(c.code)
                        .append(", reason: ").append(q(m.reason())).append(" }");
                questions(y, m.questions(), "    ");
            }
        }
        y.append(anyUnencoded ? "\n" : " []\n");
        return y.toString();
    }

    private static void rule(StringBuilder y, DraftRule r, MeasureDraft m, LocalDate from) {
        y.append("\n  - id: ").append(r.id());
        questions(y, questionsAt(r, m), "    ");
        y.append("\n    measure: ").append(r.measure());
        y.append("\n    title: ").append(q(r.title()));
        y.append("\n    quote: ").append(q(r.quote()));
        y.append("\n    kind: ").append(r.kind());
        y.append("\n    delivery: ").append(r.delivery())
                .append(r.deliveryQuote() == null ? "    # 条文未写免申即享，按申请" : "    # “" + r.deliveryQuote() + "”");
        if (r.amount() != null || r.cap() != null) {
            if (r.payerLevel() != null) {
                y.append("\n    payer: { level: ").append(r.payerLevel()).append(", department: ")
                        .append(q(r.payerDepartment())).append(" }");
            }
        }
        if (!r.parameters().isEmpty()) {
            y.append("\n    parameters:");
            for (DraftParameter p : r.parameters()) {
                y.append("\n      ").append(p.name()).append(": ");
                String source = "第" + r.measure() + "条“" + p.quote() + "”";
                if (from != null) {
                    y.append("{ values: { ").append(from).append(": ").append(p.literal()).append(" }, source: ")
                            .append(q(source)).append(", label: ").append(q(p.label())).append(" }");
                } else {
                    y.append(p.literal()).append("    # ").append(source.replace('\n', ' '));
                }
            }
        }
        if (!r.conditions().isEmpty()) {
            y.append("\n    eligible:");
            for (DraftCondition c : r.conditions()) {
                y.append("\n      - { expr: ").append(q(c.expr())).append(", label: ").append(q(c.label())).append(" }");
            }
        }
        if (r.amount() != null && (r.payerLevel() != null)) {
            y.append("\n    amount: ").append(q(r.amount()));
            if (r.cap() != null) {
                y.append("\n    cap: ").append(r.cap());
            }
        } else if (r.amount() != null) {
            y.append("\n    # 待确认付款方后再写 amount: ").append(r.amount());
        }
    }

    /**
     * The questions a rule of the measure carries: those about the text of its quote, and (at the measure's first
     * rule) those about no part of any rule's quote; each once. A measure of two rules does not repeat one rule's
     * questions at the other, and removing a rule the officer does not want removes only its own questions.
     */
    static List<OpenQuestion> questionsAt(DraftRule r, MeasureDraft m) {
        List<OpenQuestion> out = new ArrayList<>();
        boolean first = m.rules().get(0) == r;
        for (OpenQuestion x : m.questions()) {
            DraftRule owner = owner(x, m);
            if (owner == r || (owner == null && first)) {
                out.add(x);
            }
        }
        Set<String> seen = new HashSet<>();
        out.removeIf(x -> !seen.add(x.question()));
        return out;
    }

    /** The rule whose quote holds the question's text, or null. */
    private static DraftRule owner(OpenQuestion x, MeasureDraft m) {
        if (x.start() < 0) {
            return null;
        }
        for (DraftRule r : m.rules()) {
            int at = m.measureText().indexOf(r.quote());
            if (at >= 0 && x.start() >= at && x.start() < at + r.quote().length()) {
                return r;
            }
        }
        return null;
    }

    private static void questions(StringBuilder y, List<OpenQuestion> questions, String indent) {
        String qs = questions.stream().map(x -> "\n" + indent + "# 待确认：" + x.question().replace('\n', ' '))
                .collect(Collectors.joining());
        y.append(qs);
    }

    /** A YAML double-quoted scalar. */
    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }
}
