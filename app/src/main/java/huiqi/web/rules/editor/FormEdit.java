package huiqi.web.rules.editor;

import java.util.List;

/**
 * One change an officer makes in the editor's form. {@code rule} is a rule id, or blank for the file level
 * (file-wide parameters and tests). Applied to the YAML text by {@link YamlEditor}.
 */
public sealed interface FormEdit {
    /** The value of a parameter from {@code date} (yyyy-MM-dd; blank for a parameter without dates). */
    record ParameterValue(String rule, String name, String date, String literal) implements FormEdit { }

    /** The legal source of a parameter (第7条“…”). */
    record ParameterSource(String rule, String name, String source) implements FormEdit { }

    /** An expression: {@code field} is amount, cap, eligible (with {@code index}) or let (with {@code name}). */
    record Expression(String rule, String field, int index, String name, String expr) implements FormEdit { }

    /**
     * A plain field of a rule: title, kind, delivery, payer.level, payer.department, borne_by.field (blank: no
     * per-item bearer) or borne_by.verb.
     */
    record RuleField(String rule, String key, String value) implements FormEdit { }

    /**
     * The order of the {@code loop}-th item loop in an expression (as {@link Expression} names it): {@code key} an
     * expression of the item's fields (blank: no order), {@code direction} asc or desc.
     */
    record LoopOrder(String rule, String field, int index, String name, int loop, String key, String direction)
            implements FormEdit { }

    /** A new condition at the end of the rule's (or the document scope's) eligible list. */
    record NewCondition(String rule, String expr, String label) implements FormEdit { }

    /** The officer's answer to the {@code index}-th open question (# 待确认：) of the file. */
    record Answer(int index, String answer) implements FormEdit { }

    /** What test {@code index} of the rule expects: status (eligible / ineligible / undeterminable) and amount in 元. */
    record TestExpectation(String rule, int index, String status, String amount) implements FormEdit { }

    /** One fact of test {@code index}: indicator (with period) and value, e.g. electricity_kwh[2024-02] = 50万千瓦时. */
    record TestFact(String rule, int index, String key, String value) implements FormEdit { }

    /** A new example test of the rule. */
    record NewTest(String rule, String name, List<Fact> facts, String status, String amount) implements FormEdit { }

    record Fact(String key, String value) { }

    /** A new parameter of a rule (or of the file): its value (from {@code date}, if given), source and label. */
    record NewParameter(String rule, String name, String date, String literal, String source, String label) implements FormEdit { }

    /** A new derived value ({@code let}) of a rule. */
    record NewLet(String rule, String name, String expr, String label) implements FormEdit { }

    /** A new rule for a measure of the document, with the clause text it quotes; conditions and amount follow in the form. */
    record NewRule(String policyId, int measure, String title, String quote, String kind, String delivery) implements FormEdit { }

    /**
     * An indicator the catalog lacks, proposed with the rules (new_indicators:); it joins the catalog when the rule
     * set is published. {@code granularity}: day / month / quarter / year; {@code sign}: nonnegative / any.
     */
    record NewIndicator(String id, String name, String unit, String granularity, String source, String sign,
                        boolean integral) implements FormEdit { }

    /** A rule taken out of the file; when no other rule encodes its measure, {@code reason} records why under unencoded. */
    record RemoveRule(String rule, String reason) implements FormEdit { }
}
