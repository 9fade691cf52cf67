package huiqi.web.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a document's text into plain and marked pieces so a template can highlight quoted clauses while
 * escaping everything. Quotes are found ignoring whitespace (documents break lines mid-sentence) and the
 * difference between full-width and half-width punctuation.
 */
public final class TextSegments {
    private TextSegments() {
    }

    public record Segment(String text, boolean marked) {
    }

    public static List<Segment> mark(String text, List<String> quotes) {
        if (text == null) {
            return List.of();
        }
        StringBuilder norm = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            norm.append(fold(c));
            origin.add(i);
        }
        boolean[] marked = new boolean[text.length()];
        for (String quote : quotes) {
            String q = normalize(quote);
            if (q.isEmpty()) {
                continue;
            }
            for (int at = norm.indexOf(q); at >= 0; at = norm.indexOf(q, at + q.length())) {
                int from = origin.get(at);
                int to = origin.get(at + q.length() - 1);
                for (int i = from; i <= to; i++) {
                    marked[i] = true;
                }
            }
        }
        List<Segment> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || marked[i] != marked[start]) {
                out.add(new Segment(text.substring(start, i), marked[start]));
                start = i;
            }
        }
        return out;
    }

    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                b.append(fold(c));
            }
        }
        return b.toString();
    }

    /** Full-width ASCII forms (，（）０-９…) to their half-width twins; 、。 and CJK stay as they are. */
    private static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return c;
    }
}
