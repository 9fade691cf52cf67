package huiqi.quantity;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads numbers as Chinese documents write them: "50万", "1.5 万千瓦时", "3亿元", "18.3 万亩", "百分之五",
 * "二十五", full-width digits "５０". Values are exact BigDecimals with the multiplier applied
 * (万 = 10^4, 亿 = 10^8, 千, 百 where they are multipliers, not part of a unit like 千瓦时 or 千克).
 */
public final class ChineseNumbers {
    private static final String DIGITS = "零〇一二两三四五六七八九";
    private static final int[] DIGIT_VALUES = {0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9};

    private ChineseNumbers() {
    }

    /** Full-width ASCII (digits, letters, ．％ etc.) to half-width; the ideographic space to a space. */
    /** A counting number as written in document outlines: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五. */
    public static String ordinal(int n) {
        if (n <= 0 || n >= 1000) {
            return Integer.toString(n);
        }
        String digits = "零一二三四五六七八九";
        int h = n / 100, t = n / 10 % 10, u = n % 10;
        StringBuilder b = new StringBuilder();
        if (h > 0) {
            b.append(digits.charAt(h)).append('百');
        }
        if (t > 0) {
            if (h > 0 || t > 1) {
                b.append(digits.charAt(t));
            }
            b.append('十');
        } else if (h > 0 && u > 0) {
            b.append('零');
        }
        if (u > 0) {
            b.append(digits.charAt(u));
        }
        return b.toString();
    }

    public static String toHalfWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                b.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Parses a whole string as a quantity: a number (Arabic or Chinese numerals, optional 万/亿/千/百
     * multiplier) followed by an optional unit. Returns empty if the text does not start with a number.
     */
    public static Optional<Quantity> parseQuantity(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = toHalfWidth(text).replaceAll("\\s+", "");
        if (s.startsWith("百分之")) {
            Optional<Quantity> rest = parseQuantity(s.substring(3));
            return rest.filter(q -> q.unit().isEmpty()).map(q -> new Quantity(q.value(), "%"));
        }
        int i = 0;
        BigDecimal value;
        if (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == ',')) {
                i++;
            }
            String digits = s.substring(start, i).replace(",", "");
            try {
                value = new BigDecimal(digits);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        } else {
            int start = i;
            while (i < s.length() && isChineseNumeral(s, i)) {
                i++;
            }
            if (i == start) {
                return Optional.empty();
            }
            Optional<BigDecimal> v = parseChineseInteger(s.substring(start, i));
            if (v.isEmpty()) {
                return Optional.empty();
            }
            value = v.get();
        }
        // trailing multipliers written after Arabic digits: 50万, 3亿, 1.2万亿
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '万') {
                value = value.multiply(BigDecimal.valueOf(10_000));
            } else if (c == '亿') {
                value = value.multiply(BigDecimal.valueOf(100_000_000));
            } else if (c == '千' && !startsUnit(s, i)) {
                value = value.multiply(BigDecimal.valueOf(1_000));
            } else if (c == '百' && !startsUnit(s, i)) {
                value = value.multiply(BigDecimal.valueOf(100));
            } else {
                break;
            }
            i++;
        }
        String unit = s.substring(i);
        if (unit.equals("%") || unit.equals("％")) {
            unit = "%";
        }
        return Optional.of(new Quantity(strip(value), unit));
    }

    /** Parses a number with no unit allowed ("50万", "0.02", "二十"); throws on anything else. */
    public static BigDecimal parseNumber(String text) {
        Quantity q = parseQuantity(text)
                .orElseThrow(() -> new NumberFormatException("不是数字: " + text));
        if (!q.unit().isEmpty()) {
            throw new NumberFormatException("数字后有多余内容 '" + q.unit() + "': " + text);
        }
        return q.value();
    }

    private static boolean startsUnit(String s, int i) {
        if (i + 1 >= s.length()) {
            return false;
        }
        char next = s.charAt(i + 1);
        return switch (s.charAt(i)) {
            case '千' -> next == '瓦' || next == '克' || next == '米' || next == '伏' || next == '焦';
            case '百' -> next == '分';
            default -> false;
        };
    }

    private static boolean isChineseNumeral(String s, int i) {
        char c = s.charAt(i);
        if (DIGITS.indexOf(c) >= 0 || c == '十') {
            return true;
        }
        // 百/千/万/亿 only continue a Chinese numeral that has begun (not "千瓦时")
        return i > 0 && (c == '百' || c == '千') && !startsUnit(s, i) && isChineseNumeralBefore(s, i);
    }

    private static boolean isChineseNumeralBefore(String s, int i) {
        char p = s.charAt(i - 1);
        return DIGITS.indexOf(p) >= 0 || p == '十' || p == '百' || p == '千';
    }

    /** "二十五" → 25, "一百二十" → 120, "十" → 10, "三千零五" → 3005 (万/亿 are handled by the caller). */
    static Optional<BigDecimal> parseChineseInteger(String s) {
        long total = 0;
        long digit = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = DIGITS.indexOf(c);
            if (d >= 0) {
                digit = DIGIT_VALUES[d];
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                default -> -1;
            };
            if (unit < 0) {
                return Optional.empty();
            }
            total += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }
        if (digit > 0) {
            total += digit;
        }
        return Optional.of(BigDecimal.valueOf(total));
    }

    private static BigDecimal strip(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
