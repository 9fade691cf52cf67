package huiqi.rules.file;

import huiqi.rules.lang.Checker;

/** A named intermediate value of a rule. */
public record Let(String name, String label, String text, Checker.Checked expr, SourcePos pos) {
}
