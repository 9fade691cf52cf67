package huiqi.rules.draft;

import java.util.ArrayList;
import java.util.List;

/** A sentence of a measure's half-width text: [{@code start}, {@code end}) ending before its 。 ; ! ?. */
record Sentence(int start, int end) {

    static List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int from = 0;
        int depth = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '。';
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            }
            if (i == text.length() || depth == 0 && "。;!?".indexOf(c) >= 0) {
                if (i > from && !text.substring(from, i).isBlank()) {
                    out.add(new Sentence(from, i));
                }
                from = i + 1;
            }
        }
        return out;
    }

    boolean contains(int pos) {
        return pos >= start && pos < end;
    }

    /** Start of the clause (between commas or colons) holding {@code pos}. */
    static int clauseStart(String text, int from, int pos) {
        for (int i = pos - 1; i >= from; i--) {
            if (text.charAt(i) == ',' || text.charAt(i) == ':') {
                return i + 1;
            }
        }
        return from;
    }

    /** End of the clause holding {@code pos}, not beyond {@code to}. */
    static int clauseEnd(String text, int pos, int to) {
        int depth = 0;
        for (int i = pos; i < to; i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if ((c == ',' || c == ':') && depth == 0) {
                return i;
            }
        }
        return to;
    }
}
