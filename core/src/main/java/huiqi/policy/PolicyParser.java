package huiqi.policy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of a policy document into a {@link PolicyDocument}. Never throws on any text: what it
 * cannot find is null or empty, and {@code warnings} says so in Chinese.
 */
public final class PolicyParser {
    /** Sentences that close a document after its last measure ("本方案自印发之日起执行…"). */
    private static final Pattern CLOSING = Pattern.compile(
            "(?:^|[。;\\n)\\]])\\s*(本(?:方案|措施|若干措施|政策措施|意见|实施意见|实施细则|通知|办法|细则|规定|政策|文件|计划|举措)"
                    + "(?:自|从|有效期|由|未尽|具体)|(?:以上|上述)(?:措施|政策)?由[^。]{2,30}负责解释"
                    + "|各(?:县|区|市|乡镇|街道|部门|单位|有关)[^。]{0,30}要)");
    private static final Pattern UNBRACKETED_ROLE = Pattern.compile(
            "(?:^|[。\\n])\\s*(?:牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门)\\s*:");
    private static final Pattern YEAR = Pattern.compile("(20\\d{2})\\s*年");
    private static final Pattern LOCAL_REALITY = Pattern.compile("结合([\\u4e00-\\u9fff]{2,8}?)(?:的)?实际");

    private final RegionTable regions;

    public PolicyParser() {
        this(RegionTable.national());
    }

    public PolicyParser(RegionTable regions) {
        this.regions = regions;
    }

    /** Reads and parses a file (.txt, .docx, .pdf); throws only when the file holds no readable text. */
    public PolicyDocument parse(Path file) throws PolicyReadException {
        return parse(PolicyReader.read(file));
    }

    /** Parses a file given as bytes (an upload); {@code fileName} only names the format in messages. */
    public PolicyDocument parse(byte[] content, String fileName) throws PolicyReadException {
        return parse(PolicyReader.read(content, fileName));
    }

    public PolicyDocument parse(String raw) {
        SourceText src = SourceText.of(raw);
        List<String> warnings = new ArrayList<>();
        List<Attachments.Part> parts = Attachments.split(src);
        List<Layout> layouts = new ArrayList<>();
        for (Attachments.Part part : parts) {
            SourceText partSrc = parts.size() == 1 ? src : SourceText.of(src.text.substring(part.start(), part.end()));
            layouts.add(layout(part, partSrc));
        }
        Layout main = layouts.get(0);
        // the notice's head: up to its first measure, or all of the notice when only its attachments hold measures
        int bodyStart = main.outline().measures.isEmpty() && parts.size() > 1 ? main.src().length() : main.bodyStart();
        Header header = Header.of(src, bodyStart);

        StringBuilder outside = new StringBuilder();
        for (Layout l : layouts) {
            String c = l.src().canon;
            int head = l == main ? bodyStart : l.bodyStart();
            outside.append(c, 0, Math.min(head, c.length())).append('\n')
                    .append(c.substring(Math.min(l.lastEnd(), c.length()))).append('\n');
        }
        Validity validity = Validity.of(outside.toString(), header.issuedOn());
        LocalDate effectiveFrom = validity.from();
        if (effectiveFrom == null && header.issuedOn() != null) {
            effectiveFrom = header.issuedOn();
            warnings.add("未写明施行日期，按印发日期 " + header.issuedOn() + " 起施行");
        }
        int year = documentYear(header, src);

        List<Chapter> chapters = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        List<Attachment> attachments = new ArrayList<>();
        for (Layout l : layouts) {
            if (l.part().number() > 0) {
                attachments.add(new Attachment(l.part().number(), l.part().title()));
            }
            addPart(l, chapters, measures, year, validity, warnings);
        }
        Region region = null;
        Level level = null;
        Optional<RegionTable.Entry> entry = regions.find(header.issuer(), src.canon);
        if (entry.isEmpty()) {
            entry = regions.find(header.title(), src.canon);
        }
        if (entry.isEmpty() && header.issuer() == null) {
            entry = regionFromBody(src, bodyStart);
            entry.ifPresent(e -> warnings.add("未找到发文机关，行政区划“" + e.name() + "”由正文推断"));
        }
        if (entry.isPresent()) {
            region = regions.regionOf(entry.get());
            level = entry.get().level();
        } else if (header.issuer() != null) {
            level = guessLevel(header.issuer());
            warnings.add("未能从发文机关“" + header.issuer() + "”识别行政区划");
        }

        if (header.docNumber() == null) {
            warnings.add("未找到文号");
        }
        if (header.issuer() == null) {
            warnings.add("未找到发文机关");
        }
        if (header.issuedOn() == null) {
            warnings.add("未找到印发日期（落款日期）");
        }
        if (validity.until() == null && validity.untilEvent() != null) {
            warnings.add("有效期至“" + validity.untilEvent() + "”，没有固定截止日期");
        } else if (validity.until() == null) {
            warnings.add("未写明有效期");
        }
        if (measures.isEmpty()) {
            warnings.add(src.length() == 0 ? "文件没有文字内容"
                    : "未识别到任何措施（没有找到“1.”“（一）”“一、”“第一条”等编号的条款）");
        } else {
            Layout last = layouts.get(layouts.size() - 1);
            truncationWarning(last.src(), measures, last.lastEnd(), warnings);
        }
        return new PolicyDocument(header.docNumber(), header.issuer(), header.title(), header.issuedOn(),
                effectiveFrom, validity.until(), region, level, chapters, measures, warnings,
                header.publishedOn(), validity.untilEvent(), attachments);
    }

    /** One part of the document (the notice or an attachment) with its own numbering. */
    private record Layout(Attachments.Part part, SourceText src, Outline outline, List<Outline.MeasureSpan> spans,
                          int bodyStart, int lastEnd) {
    }

    private static Layout layout(Attachments.Part part, SourceText src) {
        Outline outline = Outline.of(src);
        int bodyStart = outline.bodyStart(src.length());
        List<Outline.MeasureSpan> spans = new ArrayList<>(outline.measures);
        int closingStart = -1;
        if (!spans.isEmpty() && isClosingPart(src, outline, spans.get(spans.size() - 1))) {
            // "五、附则 本措施自…起施行" numbered like a measure: it closes the document, it is not a measure
            closingStart = spans.remove(spans.size() - 1).start();
        }
        int lastEnd = spans.isEmpty() ? (closingStart >= 0 ? closingStart : bodyStart)
                : lastMeasureEnd(src, spans.get(spans.size() - 1));
        if (closingStart >= 0 && !spans.isEmpty()) {
            lastEnd = Math.min(lastEnd, closingStart);
        }
        return new Layout(part, src, outline, spans, bodyStart, lastEnd);
    }

    /** Adds a part's chapters and measures, numbered on from those already there. */
    private static void addPart(Layout l, List<Chapter> chapters, List<Measure> measures, int year, Validity validity,
                                List<String> warnings) {
        SourceText src = l.src();
        List<Outline.MeasureSpan> spans = l.spans();
        int chapterOffset = chapters.size();
        Integer attachment = l.part().number() > 0 ? l.part().number() : null;
        Map<Integer, List<String>> chapterUnits = new HashMap<>();
        for (Outline.ChapterSpan ch : l.outline().chapters) {
            String chapterTitle = Canon.tidy(src.text.substring(ch.titleStart(), ch.titleEnd()));
            // "一、强化科技创新（区科技局牵头）": the heading names who leads every measure under it
            Responsibility headingUnits = Responsibility.of(Canon.of(chapterTitle));
            if (!headingUnits.isEmpty() && headingUnits.start() > 0) {
                List<String> all = new ArrayList<>(headingUnits.lead());
                all.addAll(headingUnits.responsible());
                chapterUnits.put(ch.number(), all);
                chapterTitle = chapterTitle.substring(0, headingUnits.start()).strip();
            }
            if (chapterTitle.matches("^[【〔\\[［].+[】〕\\]］]$")) {
                chapterTitle = chapterTitle.substring(1, chapterTitle.length() - 1).strip(); // "【稳定外贸主体】"
            }
            chapters.add(new Chapter(chapterOffset + ch.number(), chapterTitle));
        }
        // "以下措施均需各县（市）区落实，不再一一列出" may stand before the first measure and cover them all
        String preamble = spans.isEmpty() ? "" : Canon.tidy(src.canon.substring(0, spans.get(0).start()));
        List<String> blanket = Responsibility.blanketIn(preamble);
        // "（列首位的为牵头单位，下同）" in the preamble or in a measure holds for every measure after it
        boolean firstLeads = Responsibility.firstIsLeadIn(preamble);
        int ordinal = measures.size();
        for (int i = 0; i < spans.size(); i++) {
            Outline.MeasureSpan span = spans.get(i);
            boolean last = i == spans.size() - 1;
            int end = last ? l.lastEnd() : span.end();
            String text = Canon.tidy(src.text.substring(span.bodyStart(), Math.max(span.bodyStart(), end)));
            String canon = Canon.of(text);
            Responsibility units = Responsibility.of(canon);
            if (firstLeads) {
                units = units.withFirstAsLead();
            }
            if (units.firstIsLead() && units.appliesBelow()) {
                firstLeads = true;
            }
            String body = units.start() >= 0
                    ? text.substring(0, units.start()) + text.substring(Math.min(text.length(), units.end()))
                    : text;
            List<String> inherited = blanket;
            if (!units.blanket().isEmpty()) {
                blanket = units.blanket();
            }
            List<String> fromHeading = span.chapter() == null ? null : chapterUnits.get(span.chapter());
            if (fromHeading != null) {
                List<String> both = new ArrayList<>(fromHeading);
                inherited.stream().filter(u -> !both.contains(u)).forEach(both::add);
                inherited = both;
            }
            Quantities.Found found = Quantities.of(body, year, validity.until());
            ordinal++;
            String label = Canon.tidy(src.text.substring(span.start(), span.bodyStart()));
            Integer chapter = span.chapter() == null ? null : chapterOffset + span.chapter();
            measures.add(new Measure(ordinal, label, chapter, title(body, text), text,
                    units.lead(), units.responsible(), inherited, found.targets(), found.amounts(),
                    Responsibility.qualified(concat(units.lead(), units.responsible(), inherited)), attachment));
            if (units.lead().isEmpty() && units.responsible().isEmpty() && inherited.isEmpty()) {
                warnings.add("第" + ordinal + "条措施未写明责任单位");
            }
        }
    }

    /** "结合淮安实际", "结合我省（山西）实际", or an organ named in the page head before the body. */
    private Optional<RegionTable.Entry> regionFromBody(SourceText src, int bodyStart) {
        Matcher m = LOCAL_REALITY.matcher(src.canon);
        if (m.find()) {
            Optional<RegionTable.Entry> e = regions.find(m.group(1), src.canon);
            if (e.isPresent()) {
                return e;
            }
        }
        String head = src.canon.substring(0, Math.min(bodyStart, src.length()));
        for (String line : head.split("\n")) {
            for (String word : line.split("\\s+")) {
                if (Header.ORGAN.matcher(word).matches() && word.length() <= 20) {
                    Optional<RegionTable.Entry> e = regions.find(word, src.canon);
                    if (e.isPresent()) {
                        return e;
                    }
                }
            }
        }
        return Optional.empty();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    /**
     * A last numbered part that only closes the document: "附则", or one made of closing sentences. Articles
     * (第六条 本办法自…施行) stay articles.
     */
    private static boolean isClosingPart(SourceText src, Outline outline, Outline.MeasureSpan span) {
        if (outline.measureStyle == Outline.Style.ARTICLE) {
            return false;
        }
        String body = Canon.tidy(src.canon.substring(span.bodyStart(), span.end()));
        if (body.startsWith("附则")) {
            return true;
        }
        Matcher closing = CLOSING.matcher(body);
        return closing.find() && closing.start(1) <= 1;
    }

    /**
     * Where the last measure ends: after its unit annotation if it has one, else at the first closing
     * sentence ("本方案自…") or paragraph end after it.
     */
    private static int lastMeasureEnd(SourceText src, Outline.MeasureSpan span) {
        String c = src.canon;
        int from = span.bodyStart();
        int end = span.end();
        Matcher closing = CLOSING.matcher(c);
        closing.region(from, end);
        if (closing.find()) {
            end = closing.start(1);
            while (end > from && " \n".indexOf(c.charAt(end - 1)) >= 0) {
                end--;
            }
        }
        // the annotation closes the measure: "…（责任单位：市安委会各成员单位）" then the closing paragraph
        String segment = c.substring(from, end);
        int annotationEnd = annotationEnd(segment);
        if (annotationEnd > 0) {
            return from + annotationEnd;
        }
        // unbracketed "责任单位：…" closes it at the end of its line
        Matcher role = UNBRACKETED_ROLE.matcher(segment);
        if (role.find()) {
            int nl = segment.indexOf('\n', role.end());
            return from + (nl < 0 ? segment.length() : nl);
        }
        int para = paragraphEnd(segment);
        return para > 0 ? from + para : end;
    }

    /** End (exclusive) of the first bracketed unit annotation that ends a line or the text; -1 if none. */
    private static int annotationEnd(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char ch = segment.charAt(i);
            if (ch != ')' && ch != ']') {
                continue;
            }
            int j = i + 1;
            while (j < segment.length() && (segment.charAt(j) == ' ' || segment.charAt(j) == '。')) {
                j++;
            }
            if (j < segment.length() && !Character.isWhitespace(segment.charAt(j))) {
                continue;
            }
            String upto = Canon.tidy(segment.substring(0, i + 1));
            Responsibility r = Responsibility.of(upto);
            if (!r.isEmpty()) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int paragraphEnd(String segment) {
        int i = segment.indexOf("。\n");
        return i < 0 ? -1 : i + 1;
    }

    private static String title(String body, String text) {
        String source = body.isBlank() ? text : body;
        String c = Canon.of(source);
        int end = source.length();
        for (int i = 0; i < c.length(); i++) {
            if ("。!?".indexOf(c.charAt(i)) >= 0) {
                end = i;
                break;
            }
        }
        return source.substring(0, end).strip();
    }

    private static int documentYear(Header header, SourceText src) {
        if (header.issuedOn() != null) {
            return header.issuedOn().getYear();
        }
        Matcher m = YEAR.matcher(header.title() != null ? Canon.of(header.title()) : src.canon);
        return m.find() ? Integer.parseInt(m.group(1)) : LocalDate.now().getYear();
    }

    private static Level guessLevel(String issuer) {
        if (issuer.matches(".*(?:园区|开发区|投资区|高新区|实验区|新区|试验区|管委会|管理委员会).*")) {
            return Level.PARK;
        }
        if (issuer.matches(".*[区县].*")) {
            return Level.COUNTY;
        }
        if (issuer.matches(".*市.*")) {
            return Level.CITY;
        }
        if (issuer.matches(".*省.*")) {
            return Level.PROVINCE;
        }
        return null;
    }

    /** A document cut off in the middle: its last measure stops mid-sentence and nothing closes it. */
    private static void truncationWarning(SourceText src, List<Measure> measures, int lastEnd, List<String> warnings) {
        Measure last = measures.get(measures.size() - 1);
        String t = Canon.of(last.text());
        char end = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        boolean closed = "。)]!?;”\"".indexOf(end) >= 0;
        boolean tail = !src.canon.substring(Math.min(lastEnd, src.length())).isBlank();
        if (!closed && !tail) {
            warnings.add("文件可能不完整：第" + last.number() + "条措施没有正常结尾（“" + tailOf(last.text()) + "”）");
        }
    }

    private static String tailOf(String s) {
        return s.length() <= 12 ? s : "…" + s.substring(s.length() - 12);
    }
}
