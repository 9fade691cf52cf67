package huiqi.rules.lang;

import huiqi.facts.Period;
import huiqi.quantity.ChineseNumbers;
import huiqi.quantity.Quantity;
import huiqi.quantity.Units;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits an expression into tokens. Full-width characters are read as their half-width forms. */
final class Lexer {
    private static final Pattern DAY_RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern MONTH_RANGE = Pattern.compile("(\\d{4}-\\d{2})\\.\\.(\\d{4}-\\d{2})(?![-\\d])");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?!\\d)");
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q\\d(?!\\d)");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}(?![-\\d])");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final String[] OPS = {">=", "<=", "!=", "..", ".", "≥", "≤", "≠", ">", "<", "=", "+", "-", "*", "/",
        "(", ")", "[", "]", ","};

    private final String src;
    private int pos;

    private Lexer(String text) {
        this.src = ChineseNumbers.toHalfWidth(text);
    }

    static List<Token> tokenize(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (true) {
            while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
                pos++;
            }
            if (pos >= src.length()) {
                out.add(new Token(Token.Kind.EOF, "", null, new Span(pos, pos)));
                return out;
            }
            out.add(next());
        }
    }

    private Token next() {
        char c = src.charAt(pos);
        int start = pos;
        // ASCII digits only: other scripts' digits (߅, ٣) are not numbers here, and NUMBER (\\d) would not match them
        if (c >= '0' && c <= '9') {
            Token t = periodOrDate();
            return t != null ? t : number();
        }
        if (c == '"') {
            int end = src.indexOf('"', pos + 1);
            if (end < 0) {
                throw new ExprException("字符串缺少结尾的双引号", new Span(start, src.length()));
            }
            pos = end + 1;
            return new Token(Token.Kind.STRING, src.substring(start, pos), src.substring(start + 1, end), new Span(start, pos));
        }
        if (Character.isLetter(c) && c < 128 || c == '_') {
            while (pos < src.length() && (src.charAt(pos) < 128 && Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            return new Token(Token.Kind.IDENT, src.substring(start, pos), null, new Span(start, pos));
        }
        for (String op : OPS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                String norm = switch (op) {
                    case "≥" -> ">=";
                    case "≤" -> "<=";
                    case "≠" -> "!=";
                    default -> op;
                };
                return new Token(Token.Kind.OP, norm, null, new Span(start, pos));
            }
        }
        if (isCjk(c)) {
            int end = start;
            while (end < src.length() && isCjk(src.charAt(end))) {
                end++;
            }
            throw new ExprException("表达式中不能直接写中文 '" + src.substring(start, end)
                    + "'：名字请用 indicators.yaml 中的英文 id，数量写成 50万千瓦时 这样的数字加单位", new Span(start, end));
        }
        throw new ExprException("无法识别的字符 '" + c + "'", new Span(start, start + 1));
    }

    private Token periodOrDate() {
        int start = pos;
        Matcher m;
        try {
            if ((m = DAY_RANGE.matcher(src).region(pos, src.length())).lookingAt()) {
                pos = m.end();
                return new Token(Token.Kind.PERIOD, m.group(), Period.parse(m.group()), new Span(start, pos));
            }
            if ((m = MONTH_RANGE.matcher(src).region(pos, src.length())).lookingAt()) {
                pos = m.end();
                // one period parser for rules and data: its reasons are Chinese (never the JDK's "Text … could not be parsed")
                return new Token(Token.Kind.PERIOD, m.group(), Period.parse(m.group()), new Span(start, pos));
            }
            if ((m = DAY.matcher(src).region(pos, src.length())).lookingAt()) {
                pos = m.end();
                return new Token(Token.Kind.DATE, m.group(), ((Period.Day) Period.parse(m.group())).date(), new Span(start, pos));
            }
            if ((m = QUARTER.matcher(src).region(pos, src.length())).lookingAt()
                    || (m = MONTH.matcher(src).region(pos, src.length())).lookingAt()) {
                pos = m.end();
                return new Token(Token.Kind.PERIOD, m.group(), Period.parse(m.group()), new Span(start, pos));
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new ExprException("期间或日期格式错误 '" + src.substring(start, pos) + "'：" + chinese(e), new Span(start, pos));
        }
        return null;
    }

    /** A JDK date error in words (its own text is English: "Text '…' could not be parsed"). */
    private static String chinese(RuntimeException e) {
        return e instanceof DateTimeException ? "不是有效的日期（月份应为 1-12，日应在当月天数以内）" : e.getMessage();
    }

    private Token number() {
        int start = pos;
        Matcher m = NUMBER.matcher(src).region(pos, src.length());
        m.lookingAt();
        pos = m.end();
        // multipliers and unit written right after the digits: 50万千瓦时, 0.02元/千瓦时, 5%
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (isCjk(c) || c == '%' || c == '‰') {
                pos++;
            } else if (c == '/' && pos + 1 < src.length() && isCjk(src.charAt(pos + 1)) && pos > m.end()) {
                pos++;
            } else {
                break;
            }
        }
        String lexeme = src.substring(start, pos);
        Span span = new Span(start, pos);
        Optional<Quantity> q = ChineseNumbers.parseQuantity(lexeme);
        if (q.isEmpty()) {
            throw new ExprException("数字格式错误 '" + lexeme + "'", span);
        }
        Optional<Units.Scaled> unit = Units.parse(q.get().unit());
        if (unit.isEmpty()) {
            throw new ExprException("未知单位 '" + q.get().unit() + "'（可用：" + Units.known() + "，可带万/亿前缀，可用 / 组合）", span);
        }
        Expr.Num num = new Expr.Num(unit.get().toBase(q.get().value()).stripTrailingZeros(), unit.get().unit(), span);
        return new Token(Token.Kind.NUMBER, lexeme, num, span);
    }

    static boolean isCjk(char c) {
        return c >= '\u4e00' && c <= '\u9fff' || c == '〇';
    }
}
