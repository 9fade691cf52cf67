package huiqi.rules.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document's {@code scope:} conditions explained once for a list of its rules: by document number, the scope lines
 * when every listed rule of the document explains them alike (same enterprise, same conditions). A document whose rules
 * saw them differently (a file parameter taken on another date) keeps them under each rule.
 */
public final class DocumentScopes {
    private DocumentScopes() {
    }

    public static Map<String, List<String>> shownOnce(List<RuleResult> results) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        Map<String, Boolean> alike = new LinkedHashMap<>();
        for (RuleResult r : results) {
            List<String> scope = r.scopeExplanation();
            List<String> first = lines.putIfAbsent(r.docNumber(), scope);
            boolean same = !scope.isEmpty() && (first == null || first.equals(scope));
            alike.merge(r.docNumber(), same, Boolean::logicalAnd);
        }
        lines.keySet().removeIf(doc -> !alike.get(doc));
        return lines;
    }
}
