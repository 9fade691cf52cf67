package huiqi.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The units named in a measure's annotation: "（牵头单位：区金融办；责任单位：区财政局）", "〔责任单位：市财政局、市税务局，
 * 各县（市）区人民政府。以下均需…落实，不再一一列出〕", "（市发改委牵头）", "（市发改委会同市有关部门按职责分工落实）",
 * "【责任部门：…】", "(责任单位:…)". Works on canonical text (half-width punctuation, brackets '(' and '[').
 */
record Responsibility(List<String> lead, List<String> responsible, List<String> blanket, int start, int end) {

    private static final Pattern ROLE = Pattern.compile(
            "^(牵头单位|牵头部门|主办单位|主责单位|主责部门|责任单位|责任部门|责任主体|配合单位|配合部门|协办单位|协同单位|"
                    + "参与单位|实施单位|承办单位|落实单位|牵头)\\s*[:：]?\\s*");
    private static final Pattern ROLE_START = Pattern.compile(
            "^(牵头单位|牵头部门|主办单位|主责单位|主责部门|责任单位|责任部门|责任主体|配合单位|配合部门|协办单位|协同单位|"
                    + "参与单位|实施单位|承办单位|落实单位)\\s*:|^牵头\\s*:");
    private static final Pattern ROLE_IN_BRACKET = Pattern.compile(
            "[(\\[]\\s*(?:牵头单位|牵头部门|主办单位|责任单位|责任部门|配合单位|配合部门|协办单位)\\s*:");
    private static final Pattern ROLE_ANYWHERE = Pattern.compile(
            "(牵头单位|牵头部门|主办单位|责任单位|责任部门|配合单位|配合部门|协办单位)\\s*:");
    private static final Pattern BLANKET = Pattern.compile(
            "[,;。]?\\s*以下(?:各项|各条|措施|条款|政策)?(?:均|都|皆|各项均|全部)?(?:需要|需|须|由|要)?([^。]{1,80}?)"
                    + "(?:负责)?(?:组织)?落实\\s*[,;。]?\\s*不再(?:一一)?(?:列出|列明|单列|重复列出|赘述)");
    private static final Pattern TOGETHER = Pattern.compile(
            "^(.+?)(?:会同|联合|协同)(.+?)(?:按职责分工|按照职责分工|根据职责分工|按职责|分工)?(?:负责落实|负责|落实|推进|实施)?$");
    private static final Pattern LEAD_SUFFIX = Pattern.compile("^(.+?)(?:牵头(?:负责|落实|实施)?|为牵头单位)$");

    static final Responsibility NONE = new Responsibility(List.of(), List.of(), List.of(), -1, -1);

    boolean isEmpty() {
        return lead.isEmpty() && responsible.isEmpty() && blanket.isEmpty();
    }

    /**
     * Finds the annotation at the end of a measure (canonical text, line breaks removed, trailing 。 allowed)
     * and reads it; failing that, a bracketed annotation inside the measure ("1. 标题。（牵头单位：X）正文…") or an
     * unbracketed "责任单位：…" to the end. [{@code start}, {@code end}) is where the annotation stands in
     * {@code text}, or -1 if there is none.
     */
    static Responsibility of(String text) {
        String t = text;
        int end = t.length();
        while (end > 0 && "。.;, ".indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end > 0 && (t.charAt(end - 1) == ')' || t.charAt(end - 1) == ']')) {
            int open = matchingOpen(t, end - 1);
            if (open >= 0) {
                String inner = t.substring(open + 1, end - 1);
                if (looksLikeUnits(inner)) {
                    return read(inner, open, t.length());
                }
            }
        }
        Matcher inside = ROLE_IN_BRACKET.matcher(t);
        if (inside.find()) {
            int close = matchingClose(t, inside.start());
            if (close > 0) {
                return read(t.substring(inside.start() + 1, close), inside.start(), close + 1);
            }
        }
        // unbracketed: "…。责任单位：市财政局、市税务局。"
        Matcher m = ROLE_ANYWHERE.matcher(t);
        if (m.find() && m.start() < end) {
            return read(t.substring(m.start(), end), m.start(), t.length());
        }
        return NONE;
    }

    /** Units of a blanket clause anywhere in {@code text} (canonical, tidied), or an empty list. */
    static List<String> blanketIn(String text) {
        Matcher b = BLANKET.matcher(text);
        return b.find() ? split(b.group(1)) : List.of();
    }

    private static boolean looksLikeUnits(String inner) {
        String s = inner.strip();
        if (s.isEmpty() || s.length() > 400) {
            return false;
        }
        if (ROLE_START.matcher(s).find()) {
            return true;
        }
        return s.length() <= 60 && LEAD_SUFFIX.matcher(s).matches()
                || s.length() <= 80 && TOGETHER.matcher(s).matches() && (s.endsWith("落实") || s.endsWith("负责"))
                || s.length() <= 60 && s.endsWith("负责") && s.indexOf(',') < 0;
    }

    private static Responsibility read(String inner, int start, int end) {
        String s = inner;
        List<String> blanket = new ArrayList<>();
        Matcher b = BLANKET.matcher(s);
        if (b.find()) {
            blanket.addAll(split(b.group(1)));
            s = s.substring(0, b.start()) + s.substring(b.end());
        }
        LinkedHashSet<String> lead = new LinkedHashSet<>();
        LinkedHashSet<String> resp = new LinkedHashSet<>();
        boolean currentLead = false;
        for (String segment : topLevelSplit(s, ";。")) {
            String seg = segment.strip();
            if (seg.isEmpty()) {
                continue;
            }
            Matcher r = ROLE.matcher(seg);
            if (r.find()) {
                String role = r.group(1);
                currentLead = role.startsWith("牵头") || role.startsWith("主办") || role.startsWith("主责");
                seg = seg.substring(r.end());
            }
            readList(seg, currentLead, lead, resp);
        }
        resp.removeAll(lead);
        return new Responsibility(List.copyOf(lead), List.copyOf(resp), blanket, start, end);
    }

    private static void readList(String list, boolean asLead, LinkedHashSet<String> lead, LinkedHashSet<String> resp) {
        for (String item : split(list)) {
            Matcher together = TOGETHER.matcher(item);
            Matcher leadSuffix = LEAD_SUFFIX.matcher(item);
            if (together.matches()) {
                lead.addAll(split(together.group(1)));
                resp.addAll(split(together.group(2)));
            } else if (leadSuffix.matches()) {
                lead.add(clean(leadSuffix.group(1)));
            } else if (item.endsWith("配合") || item.endsWith("参与")) {
                resp.add(clean(item.substring(0, item.length() - 2)));
            } else if (asLead) {
                lead.add(item);
            } else {
                resp.add(item);
            }
        }
        lead.remove("");
        resp.remove("");
    }

    /** Splits a unit list at top-level 、，,；; and drops a trailing 等 / 等单位 / 负责 from each name. */
    static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        for (String part : topLevelSplit(list, "、,;，；")) {
            String name = clean(part);
            if (!name.isEmpty() && !out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private static String clean(String raw) {
        String s = Canon.tidy(raw).strip();
        s = s.replaceAll("^(?:和|及|以及)", "");
        s = s.replaceAll("(?:等(?:有关)?(?:单位|部门))$", "");
        s = s.replaceAll("(?:负责落实|负责|落实)$", "");
        s = s.replaceAll("等$", "");
        return s.replace('(', '（').replace(')', '）').replace('[', '〔').replace(']', '〕').strip();
    }

    private static List<String> topLevelSplit(String s, String separators) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (depth == 0 && separators.indexOf(c) >= 0) {
                parts.add(s.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(s.substring(from));
        return parts;
    }

    /** Index of the bracket closing the one that opens at {@code open}, counting nesting; -1 if unbalanced. */
    static int matchingClose(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Index of the bracket opening the one that closes at {@code close}, counting nesting; -1 if unbalanced. */
    static int matchingOpen(String s, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ')' || c == ']') {
                depth++;
            } else if (c == '(' || c == '[') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
