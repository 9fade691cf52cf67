package huiqi.rules.file;

import huiqi.rules.lang.Checker;

/**
 * One eligibility condition: its label (from the clause) and its checked boolean expression; {@code ofDocument} when it
 * comes from the document's {@code scope:} (every rule of the file begins with it, so a list of the file's rules can
 * explain it once).
 */
public record Condition(String label, String text, Checker.Checked expr, SourcePos pos, boolean ofDocument) {
    public Condition(String label, String text, Checker.Checked expr, SourcePos pos) {
        this(label, text, expr, pos, false);
    }

    Condition ofDocumentScope() {
        return new Condition(label, text, expr, pos, true);
    }
}
