package huiqi.rules.file;

import huiqi.quantity.ChineseNumbers;
import java.util.Optional;

/**
 * Checks that a quote occurs in the source text, ignoring whitespace, line breaks and full-width /
 * half-width differences of punctuation (（ vs (, ， vs ,, “ vs ").
 */
public final class QuoteCheck {
    private QuoteCheck() {
    }

    public static String normalize(String s) {
        return normalize(s, null);
    }

    /** Normalizes; if {@code origin} is given, origin[i] is the index in s of normalized character i. */
    static String normalize(String s, int[] origin) {
        String h = ChineseNumbers.toHalfWidth(s);
        StringBuilder b = new StringBuilder(h.length());
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            if (origin != null) {
                origin[b.length()] = i;
            }
            b.append(switch (c) {
                case '“', '”', '„' -> '"';
                case '‘', '’' -> '\'';
                case '。' -> '.';
                case '、' -> ',';
                case '〔', '【' -> '[';
                case '〕', '】' -> ']';
                case '—', '－' -> '-';
                default -> c;
            });
        }
        return b.toString();
    }

    /** Where a quote stops matching: the offset in the quote as written, and the explanation. */
    public record Mismatch(int offset, String message) { }

    /** Empty if the quote occurs; otherwise a Chinese explanation of where it stops matching. */
    public static Optional<String> mismatch(String source, String quote) {
        return locate(source, quote).map(Mismatch::message);
    }

    public static Optional<Mismatch> locate(String source, String quote) {
        String src = normalize(source);
        int[] origin = new int[quote.length() + 1];
        String q = normalize(quote, origin);
        if (q.isEmpty()) {
            return Optional.of(new Mismatch(0, "引文为空"));
        }
        if (src.contains(q)) {
            return Optional.empty();
        }
        int lo = 0;
        int hi = q.length();
        while (lo < hi) { // longest prefix of the quote that occurs in the source
            int mid = (lo + hi + 1) / 2;
            if (src.contains(q.substring(0, mid))) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if (lo == 0) {
            return Optional.of(new Mismatch(0, "引文在原文中找不到（开头 '" + q.substring(0, Math.min(12, q.length())) + "' 就不符）"));
        }
        String matched = q.substring(Math.max(0, lo - 12), lo);
        String rest = q.substring(lo, Math.min(q.length(), lo + 12));
        int at = src.indexOf(q.substring(0, lo)) + lo;
        String expected = src.substring(at, Math.min(src.length(), at + 12));
        return Optional.of(new Mismatch(origin[lo], "引文与原文不符：在第 " + (lo + 1) + " 个字处（'…" + matched + "' 之后），引文为 '" + rest
                + "'，原文为 '" + expected + "'"));
    }
}
