package huiqi.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a notice (通知) from the documents attached to it: each attachment starts on a line of its own,
 * "附件", "附件2" or "附件1：XX行动计划", and runs to the next one. The notice's list of attachments
 * ("附件：1．XX方案 2．XX清单") is not a start, nor is a line with hardly any text after it.
 */
final class Attachments {
    /** A part of the document: 0 for the notice's own text, else the attachment's number (1 when unnumbered). */
    record Part(int number, String title, int start, int end) {
    }

    private static final Pattern START = Pattern.compile(
            "(?m)^附件\\s*([0-9一二三四五六七八九十]{0,3})\\s*[:：]?\\s*(.{0,60})$");
    private static final int MIN_LENGTH = 100;

    private Attachments() {
    }

    static List<Part> split(SourceText src) {
        String c = src.canon;
        record Start(int number, String rest, int lineStart, int lineEnd) {
        }
        List<Start> starts = new ArrayList<>();
        Matcher m = START.matcher(c);
        while (m.find()) {
            String rest = m.group(2).strip();
            if (m.start() == 0 || rest.matches("^\\d{1,2}[.、].*") || rest.contains("。")) {
                continue; // the notice's list of attachments, or a sentence
            }
            int number = m.group(1).isEmpty() ? 1 : Canon.ordinal(m.group(1));
            starts.add(new Start(Math.max(number, 1), rest, m.start(), m.end()));
        }
        List<Part> parts = new ArrayList<>();
        List<Start> kept = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Start s = starts.get(i);
            int end = i + 1 < starts.size() ? starts.get(i + 1).lineStart() : c.length();
            boolean sameNumberLater = i + 1 < starts.size() && starts.get(i + 1).number() == s.number();
            if (end - s.lineEnd() >= MIN_LENGTH && !sameNumberLater) {
                kept.add(s);
            }
        }
        if (kept.isEmpty()) {
            return List.of(new Part(0, null, 0, c.length()));
        }
        parts.add(new Part(0, null, 0, kept.get(0).lineStart()));
        for (int i = 0; i < kept.size(); i++) {
            Start s = kept.get(i);
            int end = i + 1 < kept.size() ? kept.get(i + 1).lineStart() : c.length();
            int bodyStart = Math.min(end, s.lineEnd() + 1);
            String title = s.rest().isEmpty() ? firstLine(src.text, bodyStart, end) : Canon.tidy(
                    src.text.substring(s.lineEnd() - s.rest().length(), s.lineEnd()));
            parts.add(new Part(s.number(), title, bodyStart, end));
        }
        return parts;
    }

    private static String firstLine(String text, int from, int to) {
        int nl = text.indexOf('\n', from);
        String line = text.substring(from, nl < 0 || nl > to ? to : nl);
        return Canon.tidy(line);
    }
}
