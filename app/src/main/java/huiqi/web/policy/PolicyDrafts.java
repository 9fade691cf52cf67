package huiqi.web.policy;

import java.util.List;

/**
 * 规则草稿 of a document: for each measure the proposed category with its reason, the drafted rules and the open
 * questions the officer must answer (huiqi.rules.draft, shown on the document's page).
 */
public interface PolicyDrafts {

    List<MeasureDraftView> draftsOf(String policyId);

    record MeasureDraftView(int measure, String category, String reason, List<RuleDraftView> rules, List<String> questions) {
    }

    record RuleDraftView(String id, String title, String kind, String delivery, String payer, List<Line> conditions,
                         List<Line> parameters, String amount, String cap) {
    }

    /** A label, its value (an expression or a human quantity) and the words of the text it was read from. */
    record Line(String label, String value, String quote) {
    }
}
