package huiqi.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbered structure of a document: which numbering style marks chapters (第一章 / 一、/ （一）)
 * and which marks measures (一、/ （一）/ 第一条 / 1. 1．1、/ （1）), and where each one starts. Markers are
 * recognised anywhere in the text (so a document on a single line works) but only at a boundary: start of a
 * line or after 。；：）〕 etc. Numbers must run 1, 2, 3 … (measures may restart at 1 in a new chapter);
 * among all sequences the longest wins, which rejects stray matches like "5.18" or "1、2月".
 */
final class Outline {

    enum Style {
        CHAPTER("第([一二三四五六七八九十百零〇两\\d]{1,4})章"),
        ZH_DUN("([一二三四五六七八九十]{1,3})[、.]"),
        ZH_PAREN("\\(([一二三四五六七八九十]{1,3})\\)"),
        ARTICLE("第([一二三四五六七八九十百零〇两\\d]{1,4})条"),
        /** "2.2021年度新增…": a dot right before a year still numbers an item; "5.18" does not. */
        AR_DOT("(\\d{1,3})(?:\\.(?!\\d)|\\.(?=(?:19|20)\\d{2}年)|、(?!\\s*\\d))"),
        AR_PAREN("\\((\\d{1,3})\\)"),
        /** Headings without a number, found by layout (see {@link #unnumberedHeadings}); never matched by pattern. */
        UNNUMBERED("(?!)(.)");

        final Pattern pattern;

        Style(String regex) {
            this.pattern = Pattern.compile(regex);
        }
    }

    /** A line that starts with a numbering of its own ("（一）减轻企业负担") is not the wrapped rest of a heading. */
    private static final Pattern SUB_HEADING = Pattern.compile("\\s*(?:\\([一二三四五六七八九十\\d]{1,3}\\)|\\d{1,2}[.、]|第[一二三四五六七八九十]{1,3}[节条])");
    private static final List<Style> CHAPTER_STYLES = List.of(Style.CHAPTER, Style.ZH_DUN, Style.ZH_PAREN);
    private static final int MAX_CANDIDATES = 4000;

    /** A possible marker: its style, number, start, end of the marker, and how clearly it starts a unit. */
    record Marker(Style style, int number, int start, int end, int strength) {
    }

    record ChapterSpan(int number, int start, int titleStart, int titleEnd) {
    }

    record MeasureSpan(int number, int start, int bodyStart, int end, Integer chapter) {
    }

    final List<ChapterSpan> chapters;
    final List<MeasureSpan> measures;
    final Style chapterStyle;
    final Style measureStyle;

    private Outline(List<ChapterSpan> chapters, List<MeasureSpan> measures, Style chapterStyle, Style measureStyle) {
        this.chapters = chapters;
        this.measures = measures;
        this.chapterStyle = chapterStyle;
        this.measureStyle = measureStyle;
    }

    int bodyStart(int length) {
        int first = length;
        if (!chapters.isEmpty()) {
            first = Math.min(first, chapters.get(0).start());
        }
        if (!measures.isEmpty()) {
            first = Math.min(first, measures.get(0).start());
        }
        return first;
    }

    static Outline of(SourceText src) {
        String c = src.canon;
        Map<Style, List<Marker>> candidates = new HashMap<>();
        for (Style s : Style.values()) {
            candidates.put(s, find(c, s));
        }
        // weak markers (glued to the previous word) are only believed right after a chapter heading
        List<Marker> headings = new ArrayList<>();
        for (Style s : CHAPTER_STYLES) {
            candidates.get(s).stream().filter(m -> m.strength() >= 1).forEach(headings::add);
        }
        for (Style s : Style.values()) {
            candidates.get(s).removeIf(m -> m.strength() < 0 || m.strength() == 0 && !afterHeading(c, m, headings));
        }

        // heading lines of any chapter style: a measure's text never runs across one
        List<Marker> headingLines = new ArrayList<>();
        for (Style ch : CHAPTER_STYLES) {
            validHeadings(c, candidates.get(ch), candidates, ch).stream().filter(h -> ownLine(c, h))
                    .forEach(headingLines::add);
        }
        headingLines.sort(Comparator.comparingInt(Marker::start));
        Style bestChapter = null;
        Style bestMeasure = null;
        List<Marker> bestChapters = List.of();
        List<Marker> bestMeasures = List.of();
        long bestScore = 0;
        for (Style m : List.of(Style.ZH_DUN, Style.ZH_PAREN, Style.ARTICLE, Style.AR_DOT, Style.AR_PAREN)) {
            List<Marker> plain = longestChain(candidates.get(m), List.of());
            long score = nestedInOneUnit(plain, candidates, m, null) ? 1 : score(c, plain, headingLines, false);
            if (score > 0 && CHAPTER_STYLES.contains(m) && holdsNumberedItems(c, plain, candidates, m)) {
                // "二、优化发展环境" with "1. 放开市场准入" on the lines below: a heading over measures, not a measure
                score = plain.size();
            }
            if (score > bestScore) {
                bestScore = score;
                bestChapter = null;
                bestMeasure = m;
                bestChapters = List.of();
                bestMeasures = plain;
            }
            for (Style ch : CHAPTER_STYLES) {
                if (ch.ordinal() >= m.ordinal()) {
                    continue;
                }
                List<Marker> heads = longestChain(validHeadings(c, candidates.get(ch), candidates, ch), List.of());
                // one heading is enough for 第一章, or for a heading on a line of its own ("一、总体要求" then "（一）…")
                boolean single = heads.size() == 1 && (ch == Style.CHAPTER || ownLine(c, heads.get(0)));
                if (heads.size() < 2 && !single) {
                    continue;
                }
                List<Marker> ms = longestChain(candidates.get(m), heads);
                long s = nestedInOneUnit(ms, candidates, m, ch) ? 1 : score(c, ms, heads, true);
                if (s > bestScore) {
                    bestScore = s;
                    bestChapter = ch;
                    bestMeasure = m;
                    bestChapters = heads;
                    bestMeasures = ms;
                }
            }
        }
        if (bestChapter == null && bestMeasures.size() >= 3) {
            List<Marker> plainHeads = unnumberedHeadings(c, bestMeasures);
            if (plainHeads.size() >= 2) {
                bestChapter = Style.UNNUMBERED;
                bestChapters = plainHeads;
            }
        }
        return build(src, bestChapter, bestMeasure, bestChapters, bestMeasures);
    }

    private static final Pattern TITLE_LIKE = Pattern.compile(".*(?:措施|方案|意见|办法|通知|细则|政策|举措|规定|决定|计划|要点)$|.*关于.*");

    /**
     * Short lines without a number standing right before a measure that starts a line ("支持措施" then "1. …"),
     * where the line before them closes a sentence: chapter headings written without numbers. The document's own
     * title right before the first measure is not one. At least one must stand between two measures.
     */
    static List<Marker> unnumberedHeadings(String c, List<Marker> ms) {
        List<Marker> heads = new ArrayList<>();
        boolean between = false;
        for (int i = 0; i < ms.size(); i++) {
            Marker m = ms.get(i);
            if (m.start() == 0 || c.charAt(m.start() - 1) != '\n') {
                continue;
            }
            int lineEnd = m.start() - 1;
            int lineStart = c.lastIndexOf('\n', lineEnd - 1) + 1;
            if (lineStart == 0) {
                continue;
            }
            String line = c.substring(lineStart, lineEnd).strip();
            char before = c.charAt(lineStart - 2 < 0 ? 0 : lineStart - 2);
            boolean closes = "。)];:".indexOf(before) >= 0;
            if (line.length() < 2 || line.length() > 20 || !closes
                    || line.chars().anyMatch(ch -> "。;,:!?、()".indexOf(ch) >= 0) || TITLE_LIKE.matcher(line).matches()
                    || i > 0 && lineStart <= ms.get(i - 1).end()) {
                continue;
            }
            between |= i > 0;
            heads.add(new Marker(Style.UNNUMBERED, heads.size() + 1, lineStart, lineStart, 2));
        }
        return between ? heads : List.of();
    }

    /** Whether some item of a reading has, on a line of its own below it, the first item of a finer numbering. */
    private static boolean holdsNumberedItems(String c, List<Marker> items, Map<Style, List<Marker>> candidates,
                                              Style style) {
        for (int i = 0; i < items.size(); i++) {
            int from = items.get(i).end();
            int to = i + 1 < items.size() ? items.get(i + 1).start() : c.length();
            for (Style finer : List.of(Style.ZH_PAREN, Style.AR_DOT, Style.AR_PAREN)) {
                if (finer.ordinal() <= style.ordinal()) {
                    continue;
                }
                for (Marker k : candidates.get(finer)) {
                    if (k.number() == 1 && k.start() > from && k.start() < to && k.start() > 0
                            && c.charAt(k.start() - 1) == '\n') {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A heading that has its line to itself (it may wrap onto the next line before the first measure). */
    private static boolean ownLine(String c, Marker h) {
        if (h.strength() < 2) {
            return false;
        }
        if (h.start() > 0 && c.charAt(h.start() - 1) != '\n') {
            // one-line text: the heading stands between sentence end and a space ("。 一、加快提振市场信心 （一）…")
            int space = spaceInLongLine(c, h.end(), Math.min(c.length(), h.end() + 50));
            return space < Math.min(c.length(), h.end() + 50)
                    && c.substring(h.end(), space).chars().noneMatch(ch -> "。;!?,".indexOf(ch) >= 0);
        }
        int nl = c.indexOf('\n', h.end());
        String rest = nl < 0 ? c.substring(h.end()) : c.substring(h.end(), nl);
        return rest.length() <= 50 && rest.chars().noneMatch(ch -> "。;!?".indexOf(ch) >= 0);
    }

    /**
     * Whether every measure of a reading sits inside a single unit of another numbering that runs at least
     * 1, 2 in the text: then they are that unit's sub-items ("第三条 …（一）…（二）…"), not the document's measures.
     */
    private static boolean nestedInOneUnit(List<Marker> ms, Map<Style, List<Marker>> candidates, Style measure,
                                           Style chapter) {
        if (ms.size() < 2) {
            return false;
        }
        for (Style other : Style.values()) {
            if (other == measure || other == chapter) {
                continue;
            }
            List<Marker> outer = longestChain(candidates.get(other).stream().filter(k -> k.strength() >= 2).toList(),
                    List.of());
            if (outer.size() < 2) {
                continue;
            }
            int first = ms.get(0).start();
            int last = ms.get(ms.size() - 1).start();
            for (int i = 0; i < outer.size(); i++) {
                int from = outer.get(i).start();
                int to = i + 1 < outer.size() ? outer.get(i + 1).start() : Integer.MAX_VALUE;
                if (first > from && last < to) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * How well a reading explains the document: first how many of its measures end with a unit annotation
     * (sub-items "（1）…；（2）…" inside a measure do not, so they never win over the measures holding them),
     * then how many measures it finds, then whether it has chapters.
     */
    private static long score(String c, List<Marker> ms, List<Marker> heads, boolean chapters) {
        if (ms.isEmpty()) {
            return 0;
        }
        int annotated = 0;
        for (int i = 0; i < ms.size(); i++) {
            int end = i + 1 < ms.size() ? ms.get(i + 1).start() : c.length();
            for (Marker h : heads) {
                if (h.start() > ms.get(i).start() && h.start() < end) {
                    end = h.start();
                    break;
                }
            }
            String segment = c.substring(ms.get(i).end(), end);
            if (segment.length() <= 5000 && !Responsibility.of(Canon.tidy(segment)).isEmpty()) {
                annotated++;
            }
        }
        return annotated * 100_000L + ms.size() * 4L + (chapters ? 1 : 0);
    }

    private static Outline build(SourceText src, Style chapterStyle, Style measureStyle,
                                 List<Marker> heads, List<Marker> ms) {
        String c = src.canon;
        List<ChapterSpan> chapters = new ArrayList<>();
        for (int i = 0; i < heads.size(); i++) {
            Marker h = heads.get(i);
            int limit = i + 1 < heads.size() ? heads.get(i + 1).start() : c.length();
            int next = limit;
            for (Marker m : ms) {
                if (m.start() >= h.end() && m.start() < next) {
                    next = m.start();
                    break;
                }
            }
            // a heading may wrap onto the next line: it runs up to the first measure if nothing else comes between
            String upToNext = Canon.tidy(c.substring(h.end(), next));
            int nl = c.indexOf('\n', h.end());
            boolean subHeadingNext = nl >= 0 && nl < next && SUB_HEADING.matcher(c).region(nl + 1, next).lookingAt();
            int titleEnd = upToNext.length() <= 40 && upToNext.chars().noneMatch(ch -> "。;:!?".indexOf(ch) >= 0)
                    && !subHeadingNext ? next : lineEnd(c, h.end(), next);
            titleEnd = Math.min(titleEnd, spaceInLongLine(c, h.end(), titleEnd));
            while (titleEnd > h.end() && Character.isWhitespace(c.charAt(titleEnd - 1))) {
                titleEnd--;
            }
            chapters.add(new ChapterSpan(h.number(), h.start(), h.end(), titleEnd));
        }
        List<MeasureSpan> measures = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            Marker m = ms.get(i);
            int end = i + 1 < ms.size() ? ms.get(i + 1).start() : c.length();
            Integer chapter = null;
            for (ChapterSpan ch : chapters) {
                if (ch.start() < m.start()) {
                    chapter = ch.number();
                } else if (ch.start() < end) {
                    end = ch.start();
                }
            }
            measures.add(new MeasureSpan(m.number(), m.start(), m.end(), end, chapter));
        }
        if (!chapters.isEmpty() && !ms.isEmpty()) {
            addChaptersWithoutItems(c, chapters, measures);
        }
        return new Outline(chapters, measures, chapterStyle, measureStyle);
    }

    /**
     * "二、强化要素保障" followed by a paragraph and no numbered item, where other chapters hold items: the chapter's
     * text is one measure of its own (its heading, number and title, is the label), so a paragraph that grants money is never dropped.
     */
    /** Chapters that frame the measures rather than grant anything ("一、总体要求"). */
    private static final Pattern FRAMING = Pattern.compile("总体要求|指导思想|基本原则|附则");

    private static void addChaptersWithoutItems(String c, List<ChapterSpan> chapters, List<MeasureSpan> measures) {
        for (int i = 0; i < chapters.size(); i++) {
            ChapterSpan ch = chapters.get(i);
            int limit = i + 1 < chapters.size() ? chapters.get(i + 1).start() : c.length();
            boolean hasItems = measures.stream().anyMatch(m -> m.start() >= ch.start() && m.start() < limit);
            String body = c.substring(ch.titleEnd(), limit).strip();
            String title = c.substring(ch.titleStart(), ch.titleEnd());
            if (!hasItems && body.length() >= 10 && body.indexOf('。') > 0 && !FRAMING.matcher(title).find()) {
                measures.add(new MeasureSpan(1, ch.start(), ch.titleEnd(), limit, ch.number()));
            }
        }
        measures.sort(Comparator.comparingInt(MeasureSpan::start));
    }

    /**
     * In text run together on one long line ("一、加快提振市场信心 （一）全面促进…"), a heading ends at the first
     * space after at least two characters; elsewhere (and in "第一章 总 则") this returns {@code limit}.
     */
    private static int spaceInLongLine(String c, int from, int limit) {
        int nl = c.indexOf('\n', from);
        int lineStart = c.lastIndexOf('\n', from) + 1;
        if ((nl < 0 ? c.length() : nl) - lineStart < 200) {
            return limit;
        }
        int chars = 0;
        for (int i = from; i < limit; i++) {
            if (c.charAt(i) == ' ' && chars >= 2) {
                return i;
            }
            if (c.charAt(i) != ' ') {
                chars++;
            }
        }
        return limit;
    }

    private static int lineEnd(String c, int from, int limit) {
        int nl = c.indexOf('\n', from);
        return nl < 0 || nl > limit ? limit : nl;
    }

    /** All markers of a style at a boundary. strength 2: line start or after punctuation; 1: after a space; 0: glued. */
    private static List<Marker> find(String c, Style style) {
        List<Marker> list = new ArrayList<>();
        Matcher mt = style.pattern.matcher(c);
        while (mt.find() && list.size() < MAX_CANDIDATES) {
            int n = Canon.ordinal(mt.group(1));
            if (n <= 0) {
                continue;
            }
            int end = mt.end();
            while (end < c.length() && c.charAt(end) == ' ') {
                end++;
            }
            if (end >= c.length()) {
                continue;
            }
            list.add(new Marker(style, n, mt.start(), end, strength(c, mt.start())));
        }
        return list;
    }

    private static int strength(String c, int pos) {
        int i = pos - 1;
        boolean space = false;
        while (i >= 0 && c.charAt(i) == ' ') {
            i--;
            space = true;
        }
        if (i < 0) {
            return 2;
        }
        char p = c.charAt(i);
        if (p == '\n' || "。;!?:)]".indexOf(p) >= 0) {
            return 2;
        }
        if (p == '第' || p == '(' || Character.isDigit(p) || p == '.' || p == '“' || p == '"' || p == '《') {
            return -1;
        }
        return space ? 1 : 0;
    }

    private static boolean afterHeading(String c, Marker m, List<Marker> headings) {
        if (m.strength() < 0) {
            return false;
        }
        for (Marker h : headings) {
            if (h.style().ordinal() < m.style().ordinal() && h.end() <= m.start() && m.start() - h.end() <= 40) {
                String between = c.substring(h.end(), m.start());
                if (!between.isEmpty() && between.chars().noneMatch(ch -> "。;,!?\n".indexOf(ch) >= 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Chapter headings are short titles on their own: at most 50 characters, not ending in 。 or ；. */
    private static List<Marker> validHeadings(String c, List<Marker> heads, Map<Style, List<Marker>> all, Style style) {
        List<Marker> out = new ArrayList<>();
        for (Marker h : heads) {
            if (h.strength() < 1) {
                continue;
            }
            int limit = Math.min(c.length(), h.end() + 60);
            int end = limit;
            int spaceEnd = spaceInLongLine(c, h.end(), limit);
            for (int i = h.end(); i < limit; i++) {
                char ch = c.charAt(i);
                if (ch == '\n' || ch == '。' || ch == ';' || ch == '!' || ch == '?' || ch == ':' || i == spaceEnd) {
                    end = i;
                    break;
                }
            }
            for (Style s : Style.values()) {
                if (s.ordinal() <= style.ordinal()) {
                    continue;
                }
                for (Marker m : all.get(s)) {
                    if (m.start() >= h.end() && m.start() < end && m.strength() >= 0) {
                        end = m.start();
                        break;
                    }
                }
            }
            boolean endsLine = end < c.length() && c.charAt(end) == '\n' || end == c.length() || end == spaceEnd;
            boolean endsAtMarker = end < c.length() && "。;!?:".indexOf(c.charAt(end)) < 0 && c.charAt(end) != '\n';
            int len = end - h.end();
            if (len <= 50 && (endsLine || endsAtMarker)) {
                out.add(h);
            }
        }
        return out;
    }

    /**
     * The longest run of markers numbered 1, 2, 3 … in text order. With chapter headings given, numbering
     * may also restart at 1 after a heading. Ties prefer clearer boundaries, then the earlier marker.
     */
    static List<Marker> longestChain(List<Marker> cands, List<Marker> heads) {
        int n = cands.size();
        if (n == 0) {
            return List.of();
        }
        Map<Integer, List<Integer>> byNumber = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byNumber.computeIfAbsent(cands.get(i).number(), k -> new ArrayList<>()).add(i);
        }
        int[] best = new int[n];
        int[] next = new int[n];
        Arrays.fill(next, -1);
        for (int i = n - 1; i >= 0; i--) {
            Marker mi = cands.get(i);
            best[i] = 1;
            List<Integer> succ = new ArrayList<>(byNumber.getOrDefault(mi.number() + 1, List.of()));
            int headAfter = firstHeadAfter(heads, mi.start());
            if (headAfter >= 0) {
                for (int j : byNumber.getOrDefault(1, List.of())) {
                    if (cands.get(j).start() > headAfter) {
                        succ.add(j);
                    }
                }
            }
            for (int j : succ) {
                if (j > i && better(best[j], cands.get(j), next[i] < 0 ? -1 : best[next[i]],
                        next[i] < 0 ? null : cands.get(next[i]))) {
                    next[i] = j;
                    best[i] = 1 + best[j];
                }
            }
        }
        int start = -1;
        for (int i : byNumber.getOrDefault(1, List.of())) {
            if (start < 0 || better(best[i], cands.get(i), best[start], cands.get(start))) {
                start = i;
            }
        }
        List<Marker> chain = new ArrayList<>();
        for (int i = start; i >= 0; i = next[i]) {
            chain.add(cands.get(i));
        }
        return chain;
    }

    private static boolean better(int lenA, Marker a, int lenB, Marker b) {
        if (b == null) {
            return true;
        }
        if (lenA != lenB) {
            return lenA > lenB;
        }
        if (a.strength() != b.strength()) {
            return a.strength() > b.strength();
        }
        return a.start() < b.start();
    }

    private static int firstHeadAfter(List<Marker> heads, int pos) {
        for (Marker h : heads) {
            if (h.start() > pos) {
                return h.start();
            }
        }
        return -1;
    }
}
