package huiqi.web.rules.editor;

/**
 * Writes a value as a YAML scalar: plain where the YAML syntax allows it, double-quoted otherwise. The rule loader
 * reads every scalar's text (true, 2024-01-10 and 12 are read by the rule file's own rules), so only syntax matters.
 */
final class YamlScalars {
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private YamlScalars() {
    }

    static String render(String value, boolean inFlow) {
        return plainSafe(value, inFlow) ? value : quoted(value);
    }

    static String quoted(String value) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\x%02X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static boolean plainSafe(String v, boolean inFlow) {
        if (v.isEmpty() || !v.equals(v.strip())) {
            return false;
        }
        if (INDICATORS.indexOf(v.charAt(0)) >= 0 && !(v.charAt(0) == '-' && v.length() > 1 && Character.isDigit(v.charAt(1)))) {
            return false;
        }
        if (v.contains(": ") || v.contains(" #") || v.endsWith(":") || v.contains("\n") || v.contains("\t")) {
            return false;
        }
        return !inFlow || v.chars().noneMatch(c -> ",[]{}".indexOf(c) >= 0);
    }
}
