package huiqi.enterprise;

import java.util.Locale;
import java.util.Optional;

/**
 * GB/T 4754-2017 国民经济行业分类 codes. Canonical form is the section letter followed by the 2-4 digit
 * division/group/class code ("C3311"); a bare digit code ("3311") gets its letter, a lone letter ("C") is a
 * section. The letter must be the section that owns the division.
 */
public final class IndustryCode {
    /** First division of each section A..T; a section runs to the division before the next one's start. */
    private static final int[] SECTION_START = {1, 6, 13, 44, 47, 51, 53, 61, 63, 66, 70, 71, 73, 76, 80, 83, 84, 86, 91, 97};

    private IndustryCode() {
    }

    /** The canonical code, or empty if the text is not a GB/T 4754 code. */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim().toUpperCase(Locale.ROOT);
        if (s.matches("[A-T]")) {
            return Optional.of(s);
        }
        if (!s.matches("[A-T]?\\d{2,4}")) {
            return Optional.empty();
        }
        String digits = Character.isLetter(s.charAt(0)) ? s.substring(1) : s;
        Optional<Character> section = section(Integer.parseInt(digits.substring(0, 2)));
        if (section.isEmpty() || (Character.isLetter(s.charAt(0)) && s.charAt(0) != section.get())) {
            return Optional.empty();
        }
        return Optional.of(section.get() + digits);
    }

    /** The section letter (门类) of a two-digit division (大类), e.g. 33 → C. */
    public static Optional<Character> section(int division) {
        if (division < 1 || division > 97) {
            return Optional.empty();
        }
        for (int i = SECTION_START.length - 1; i >= 0; i--) {
            if (division >= SECTION_START[i]) {
                return Optional.of((char) ('A' + i));
            }
        }
        return Optional.empty();
    }
}
