package huiqi.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A document's text prepared for parsing: BOM and control characters dropped, CRLF/CR to LF, page-number
 * debris ("- 9 -", "— 9 —", "第 9 页") removed, each line trimmed, empty lines dropped. {@code text} keeps
 * the characters as published; {@code canon} is the same text in canonical form ({@link Canon#of}), of the
 * same length, for pattern matching.
 */
final class SourceText {
    private static final Pattern PAGE_LINE = Pattern.compile(
            "[-—–－―─~～]+\\s*\\d{1,4}\\s*[-—–－―─~～]+|第\\s*\\d{1,4}\\s*页(\\s*[,，/]?\\s*共\\s*\\d{1,4}\\s*页)?"
                    + "|\\d{1,4}\\s*/\\s*\\d{1,4}");
    /** Page numbers inside a line, as left in text copied from a web page or PDF: " — 9 — ". */
    private static final Pattern PAGE_INLINE = Pattern.compile("(?<=\\s)[-—–－―─]\\s*\\d{1,3}\\s*[-—–－―─](?=\\s)");

    final String text;
    final String canon;

    private SourceText(String text) {
        this.text = text;
        this.canon = Canon.of(text);
    }

    static SourceText of(String raw) {
        String s = raw == null ? "" : raw;
        s = s.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n');
        StringBuilder clean = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\uFEFF' || c == '\u200B' || (Character.isISOControl(c) && c != '\n' && c != '\t')) {
                continue;
            }
            clean.append(c);
        }
        List<String> lines = new ArrayList<>();
        for (String line : clean.toString().split("\n", -1)) {
            String t = strip(PAGE_INLINE.matcher(line).replaceAll(" "));
            if (t.isEmpty() || PAGE_LINE.matcher(t).matches()) {
                continue;
            }
            lines.add(t);
        }
        return new SourceText(String.join("\n", lines));
    }

    private static String strip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && (Character.isWhitespace(s.charAt(a)) || s.charAt(a) == '\u3000')) {
            a++;
        }
        while (b > a && (Character.isWhitespace(s.charAt(b - 1)) || s.charAt(b - 1) == '\u3000')) {
            b--;
        }
        return s.substring(a, b);
    }

    int length() {
        return text.length();
    }

    /** The original characters in [from, to) with line breaks and layout spaces removed. */
    String flat(int from, int to) {
        return Canon.tidy(text.substring(from, to));
    }

    /** The canonical characters in [from, to) with line breaks and layout spaces removed. */
    String canonFlat(int from, int to) {
        return Canon.tidy(canon.substring(from, to));
    }
}
