package huiqi.web.rules.editor;

import huiqi.web.policy.TextSegments;
import java.util.List;

/**
 * What the editor's form shows of a rule file, read from its YAML text ({@link FormReader}): per rule the clause it
 * quotes (the measure's text with the quote marked), its parameters (values by date, human form, source), its
 * expressions, example tests and open questions. Every editable value carries the {@code field} key that check
 * problems are attached to.
 */
public record RuleSetForm(String document, List<Parameter> parameters, List<RuleForm> rules, List<Unencoded> unencoded,
                          List<Question> questions, List<Test> tests,
                          List<huiqi.facts.IndicatorCatalog.Indicator> newIndicators, Scope scope) {

    public List<String> granularities() {
        return List.of("month", "quarter", "year", "day");
    }

    public String granularityText(huiqi.facts.Granularity g) {
        return granularityLabel(g);
    }

    /** 按月 / 按季 / 按年 / 按日 for a granularity as the file writes it. */
    public static String granularityLabel(huiqi.facts.Granularity g) {
        return huiqi.web.format.Granularities.label(g);
    }

    public List<String> kinds() {
        return java.util.Arrays.stream(huiqi.rules.file.Kind.values()).map(huiqi.rules.file.Kind::label).toList();
    }

    public List<String> deliveries() {
        return java.util.Arrays.stream(huiqi.rules.file.Delivery.values()).map(huiqi.rules.file.Delivery::label).toList();
    }

    public List<String> payerLevels() {
        return List.copyOf(huiqi.policy.PayerLevel.labels());
    }

    public record RuleForm(String id, int measure, String title, String quote, String kind, String delivery,
                           String payer, String payerLevel, String payerDepartment, List<TextSegments.Segment> clause, List<Parameter> parameters,
                           List<Expression> lets, List<Expression> conditions, Expression amount, Expression cap,
                           List<Test> tests, List<Question> questions, String borneField, String borneVerb) {
        public String borneKey() {
            return Fields.key("borne_by", id, -1, null);
        }
    }

    /**
     * The document scope ({@code scope:}): derived values and conditions every rule of the document shares, written once;
     * {@code present} false when the file has none yet (adding the first condition or value writes it).
     */
    public record Scope(boolean present, List<Expression> lets, List<Expression> conditions) {
    }

    /** One item loop of an expression and its order: {@code key} blank when the items keep their own order. */
    public record Loop(int index, String variable, String kind, String key, boolean descending) {
    }

    public record Parameter(String rule, String name, String label, String source, String sourceField,
                            List<Value> values) {
    }

    /** One dated value; {@code date} is blank for a parameter that has one value for all dates. */
    public record Value(String date, String literal, String human, String field) {
    }

    /** field: amount, cap, eligible (with index) or let (with name); {@code key} names it for problems. */
    public record Expression(String field, int index, String name, String label, String expr, String key, List<Loop> loops) {
        public int rows() {
            return (int) expr.lines().count() == 0 ? 1 : (int) expr.lines().count();
        }
    }

    public record Test(int index, String name, List<Fact> facts, boolean inherits, String status, String amount,
                       String key) {
    }

    public record Fact(String key, String value) {
    }

    public record Question(int index, int line, String text, String rule, String where) {
    }

    public record Unencoded(int measure, String category, String reason, List<TextSegments.Segment> clause) {
    }
}
