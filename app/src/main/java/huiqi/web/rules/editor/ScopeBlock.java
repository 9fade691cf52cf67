package huiqi.web.rules.editor;

/**
 * Writes the document scope ({@code scope:}) when the first shared condition or derived value is added to a file
 * without one: a block just above {@code rules:} (or at the end of a file without rules), the rest of the text as it was.
 */
final class ScopeBlock {
    private ScopeBlock() {
    }

    /** Whether an edit addressed to the scope must first write the block. */
    static boolean missing(RuleYaml y, String rule) {
        return RuleYaml.SCOPE.equals(rule) && RuleYaml.get(y.top, "scope").isEmpty();
    }

    /**
     * @param entry the scope's one entry as block lines indented by two, e.g. "eligible:\n    - { expr: … }"
     */
    static String create(RuleYaml y, String entry) {
        String block = "scope:\n  " + entry + "\n";
        var rules = RuleYaml.keyNode(y.top, "rules");
        if (rules.isEmpty()) {
            return y.text + (y.text.isEmpty() || y.text.endsWith("\n") ? "" : "\n") + block;
        }
        int at = y.text.lastIndexOf('\n', Math.max(0, y.start(rules.get()) - 1)) + 1;
        return y.text.substring(0, at) + block + "\n" + y.text.substring(at);
    }
}
