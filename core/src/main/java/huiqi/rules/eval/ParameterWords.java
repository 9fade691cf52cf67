package huiqi.rules.eval;

import huiqi.rules.file.Parameter;

/** A parameter as an enterprise reads it: its label, else where the clause sets it, never its name in the rule file. */
final class ParameterWords {
    private ParameterWords() {
    }

    static String label(Parameter p, String qualifiedName) {
        if (p == null) {
            return "政策参数";
        }
        if (p.label() != null && !p.label().isBlank()) {
            return p.label();
        }
        return p.source() == null ? "政策参数" : "政策参数（" + p.source() + "）";
    }
}
