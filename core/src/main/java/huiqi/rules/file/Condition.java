package huiqi.rules.file;

import huiqi.rules.lang.Checker;

/** One eligibility condition: its label (from the clause) and its checked boolean expression. */
public record Condition(String label, String text, Checker.Checked expr, SourcePos pos) {
}
