package huiqi.policy;

import huiqi.quantity.ChineseNumbers;

/**
 * Text helpers shared by the parser. {@link #of} maps each character to a canonical form of the same length
 * (full-width digits, letters and punctuation to half-width, every bracket kind 〔【［ to '[' ']'), so patterns
 * are written once and positions still point into the original text.
 */
final class Canon {
    private Canon() {
    }

    static String of(String s) {
        String h = ChineseNumbers.toHalfWidth(s);
        StringBuilder b = new StringBuilder(h.length());
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            b.append(switch (c) {
                case '〔', '【', '〖', '﹝', '［' -> '[';
                case '〕', '】', '〗', '﹞', '］' -> ']';
                case '\u00A0', '\t' -> ' ';
                default -> c;
            });
        }
        return b.toString();
    }

    /**
     * Removes line breaks and layout spaces ("2024 年", "10.8 万头", "RCEP\n政策"): whitespace survives only
     * as one space between two ASCII letters or digits, and not even there when a line break splits a number.
     */
    static String tidy(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                int j = i;
                while (j < s.length() && isSpace(s.charAt(j))) {
                    j++;
                }
                boolean lineBreak = s.substring(i, j).indexOf('\n') >= 0;
                if (b.length() > 0 && j < s.length() && isAsciiAlnum(b.charAt(b.length() - 1))
                        && isAsciiAlnum(s.charAt(j))
                        && !(lineBreak && (isDigit(b.charAt(b.length() - 1)) || isDigit(s.charAt(j))))) {
                    b.append(' ');
                }
                i = j;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9' || c >= '\uFF10' && c <= '\uFF19';
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0';
    }

    /** ASCII letters and digits, full-width ones included (so tidy and canonical forms stay aligned). */
    static boolean isAsciiAlnum(char c) {
        if (c >= '\uFF10' && c <= '\uFF5A') {
            c = (char) (c - 0xFEE0);
        }
        return c < 128 && Character.isLetterOrDigit(c);
    }

    /** Chinese numerals 一…九十 (up to 九十九) or Arabic digits to an int; -1 if not a number. */
    static int ordinal(String s) {
        if (s == null || s.isEmpty() || s.length() > 4) {
            return -1;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(s);
        }
        String digits = "〇一二三四五六七八九";
        int total = 0;
        int digit = -1;
        for (char c : s.toCharArray()) {
            int d = c == '两' ? 2 : c == '零' ? 0 : digits.indexOf(c);
            if (d >= 0) {
                if (digit >= 0) {
                    return -1;
                }
                digit = d;
            } else if (c == '十') {
                if (total > 0) {
                    return -1;
                }
                total = (digit < 0 ? 1 : digit) * 10;
                digit = -1;
            } else if (c == '百') {
                total += (digit < 0 ? 1 : digit) * 100;
                digit = -1;
            } else {
                return -1;
            }
        }
        return total + Math.max(digit, 0);
    }
}
