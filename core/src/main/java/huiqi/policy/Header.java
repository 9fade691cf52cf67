package huiqi.policy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metadata from a document's head and 落款: 文号, issuer, title, issue date (成文/落款), and the publication date
 * a web page states (发布日期). Works on the canonical text (so "鼓政办规〔2023〕1 号" and "2023 年 4 月 11 日" are
 * found with their spaces) and tidies what it returns.
 */
record Header(String docNumber, String issuer, String title, LocalDate issuedOn, LocalDate publishedOn) {

    private static final Pattern DOC_NUMBER = Pattern.compile("[\\[(]\\s*(\\d{4})\\s*[\\])]\\s*(\\d{1,4})\\s*号");
    private static final Pattern GENRE = Pattern.compile(
            "(?:通知|意见|实施意见|办法|方案|措施|决定|规定|细则|批复|公告|通告|规划|计划|函|通报|要点)(?=[》\"”]*(?:\\s|$|[(（]))");
    /** Genre words that end a title glued to the next 文号 ("…的通知闽政〔2023〕5号"); 函 is left out, 文号 end in it. */
    private static final Pattern GENRE_IN_PREFIX = Pattern.compile(
            "通知|意见|办法|方案|措施|决定|规定|细则|批复|公告|通告|规划|计划|通报|要点|文件");
    static final Pattern ORGAN = Pattern.compile(
            ".*(?:人民政府|政府|办公厅|办公室|委员会|管委会|管理委员会|行政公署|公署|行署|局|厅|委|办|部|中心|公司|集团|协会"
                    + "|银行|支行|分行|工会|院)$");
    /** Words before a 文号 that make it a citation ("根据闽政〔2022〕9号…"). */
    private static final Pattern CITING = Pattern.compile("(?:根据|按照|依据|落实|贯彻|参照|执行|印发了?|转发)\\s*$");
    private static final Pattern WRITTEN_LABEL = Pattern.compile("(?:成文日期|发文日期|印发日期|签发日期|成文时间|发文时间)[\\s:|]*$");
    private static final Pattern PUBLISHED_LABEL = Pattern.compile("(?:发布日期|发布时间|公开日期|公布日期|(?<!成文|发文|印发|签发)日期)[\\s:|]*$");

    static Header of(SourceText src, int bodyStart) {
        String c = src.canon;
        String head = c.substring(0, Math.max(0, Math.min(bodyStart, c.length())));
        String docNumber = docNumber(c, head);
        int about = aboutPosition(head);
        String issuer = null;
        String title = null;
        if (about >= 0) {
            int issuerStart = issuerStart(head, about);
            String candidate = Canon.tidy(src.text.substring(issuerStart, about));
            candidate = candidate.replaceAll("(?:印发|转发|印发了)$", "");
            if (isOrgan(candidate)) {
                issuer = candidate;
                List<String> joint = jointIssuers(src, head, issuerStart);
                if (!joint.isEmpty()) {
                    issuerStart = head.lastIndexOf(Canon.of(joint.get(0)), issuerStart);
                    joint.add(candidate);
                    issuer = String.join("、", joint);
                }
            }
            int titleEnd = titleEnd(head, about);
            if (titleEnd > 0) {
                int titleStart = issuer != null ? issuerStart : placePrefixStart(head, about);
                title = Canon.tidy(src.text.substring(titleStart, titleEnd));
            }
        }
        if (issuer == null) {
            issuer = fileHeaderIssuer(src, head);
        }
        if (issuer == null) {
            issuer = signatureIssuer(src);
        }
        LocalDate issued = issueDate(src, issuer);
        if (title == null) {
            title = plainTitle(src, head);
        }
        return new Header(docNumber, issuer, title, issued, labelledDate(c, PUBLISHED_LABEL));
    }

    /** End of the title: the first genre word that ends its line ("…(征求意见稿)》公开征求意见的通知"), else the first one. */
    private static int titleEnd(String head, int about) {
        Matcher g = GENRE.matcher(head);
        int first = -1;
        int from = about;
        while (g.find(from) && g.start() - about <= 200) {
            if (first < 0) {
                first = g.end();
            }
            int e = g.end();
            while (e < head.length() && "》\"”".indexOf(head.charAt(e)) >= 0) {
                e++;
            }
            if (e == head.length() || head.charAt(e) == '\n') {
                return g.end();
            }
            if (head.charAt(e) == ' ' || head.indexOf('\n', g.end()) < 0) {
                break;
            }
            from = g.end();
        }
        return first;
    }

    private static boolean isOrgan(String candidate) {
        return !candidate.isEmpty() && candidate.length() <= 40 && ORGAN.matcher(candidate).matches()
                && candidate.chars().noneMatch(ch -> ",，、;；。:：".indexOf(ch) >= 0)
                && !candidate.matches("^(?:为|根据|按照|经|现将|贯彻|依据).*");
    }

    /** Organs written before the last one on the same line, separated by spaces (联合发文). */
    private static List<String> jointIssuers(SourceText src, String head, int issuerStart) {
        List<String> joint = new ArrayList<>();
        int end = issuerStart;
        while (end > 0 && head.charAt(end - 1) == ' ') {
            int wordEnd = end - 1;
            while (wordEnd > 0 && head.charAt(wordEnd - 1) == ' ') {
                wordEnd--;
            }
            int wordStart = wordEnd;
            while (wordStart > 0 && !Character.isWhitespace(head.charAt(wordStart - 1))) {
                wordStart--;
            }
            String word = Canon.tidy(src.text.substring(wordStart, wordEnd));
            if (!isOrgan(word)) {
                break;
            }
            joint.add(0, word);
            end = wordStart;
        }
        return joint;
    }

    /** A title without an organ may still start with a place ("宜兴市关于…的实施意见"). */
    private static int placePrefixStart(String head, int about) {
        int i = about;
        while (i > 0 && about - i < 12 && Character.UnicodeScript.of(head.charAt(i - 1)) == Character.UnicodeScript.HAN) {
            i--;
        }
        boolean lineStart = i == 0 || head.charAt(i - 1) == '\n';
        return lineStart && head.substring(i, about).matches(".{2,10}[省市县区州]") ? i : about;
    }

    /**
     * The document's own 文号: in the head, the first one that is not a citation (in 《》 or brackets, after
     * 根据/按照…, or followed by 精神/文件); elsewhere only one standing on its own line.
     */
    private static String docNumber(String c, String head) {
        for (String scope : List.of(head, c)) {
            Matcher m = DOC_NUMBER.matcher(scope);
            while (m.find()) {
                int p = m.start();
                int q = p;
                while (q > 0 && (Canon.isSpace(c.charAt(q - 1)))) {
                    q--;
                }
                int prefixEnd = q;
                while (q > 0 && prefixEnd - q < 12 && Character.UnicodeScript.of(c.charAt(q - 1)) == Character.UnicodeScript.HAN) {
                    q--;
                }
                String prefix = c.substring(q, prefixEnd);
                Matcher genre = GENRE_IN_PREFIX.matcher(prefix);
                int cut = -1;
                while (genre.find()) {
                    cut = genre.end();
                }
                if (cut >= 0) {
                    q += cut;
                    prefix = prefix.substring(cut);
                }
                if (prefix.isEmpty() || prefix.length() > 8) {
                    continue;
                }
                boolean ownLine = aloneOnLine(c, q, m.end());
                if (scope == c && !ownLine) {
                    continue;
                }
                char before = q > 0 ? c.charAt(q - 1) : '\n';
                boolean bracketed = before == '(' || before == '[';
                boolean standsAloneInBrackets = bracketed && aloneOnLine(c, q - 1, closeAfter(c, m.end()));
                if (before == '》' || before == '、' || bracketed && !standsAloneInBrackets) {
                    continue;
                }
                if (CITING.matcher(c.substring(Math.max(0, q - 6), q)).find()
                        || c.startsWith("精神", m.end()) || c.startsWith("文件", m.end())) {
                    continue;
                }
                return prefix + "〔" + m.group(1) + "〕" + m.group(2) + "号";
            }
            if (scope == c) {
                break;
            }
        }
        return null;
    }

    private static int closeAfter(String c, int end) {
        int i = end;
        while (i < c.length() && c.charAt(i) == ' ') {
            i++;
        }
        return i < c.length() && (c.charAt(i) == ')' || c.charAt(i) == ']') ? i + 1 : -1;
    }

    /** Whether [from, to) is all there is on its line, give or take spaces. */
    private static boolean aloneOnLine(String c, int from, int to) {
        if (from < 0 || to < 0) {
            return false;
        }
        int a = from;
        while (a > 0 && c.charAt(a - 1) == ' ') {
            a--;
        }
        int b = to;
        while (b < c.length() && c.charAt(b) == ' ') {
            b++;
        }
        return (a == 0 || c.charAt(a - 1) == '\n') && (b == c.length() || c.charAt(b) == '\n');
    }

    /**
     * The "关于" of the title: not inside a 《citation》 opened on the same line, and standing in a title-like
     * stretch (what precedes it on its line, after any "标题:" label, has no sentence punctuation).
     */
    private static int aboutPosition(String head) {
        int i = head.indexOf("关于");
        while (i >= 0) {
            int lineStart = head.lastIndexOf('\n', i) + 1;
            String before = head.substring(lineStart, i);
            int open = before.lastIndexOf('《');
            int close = before.lastIndexOf('》');
            int label = Math.max(before.lastIndexOf(':'), before.lastIndexOf('|'));
            String prefix = before.substring(label + 1);
            if (open <= close && prefix.chars().noneMatch(ch -> ",。;!?".indexOf(ch) >= 0) && prefix.length() <= 60) {
                return i;
            }
            i = head.indexOf("关于", i + 2);
        }
        return -1;
    }

    /** Start of the issuer's name before "关于": back to a line start, a 文号, "文件", or punctuation. */
    private static int issuerStart(String head, int about) {
        int i = about;
        while (i > 0 && head.charAt(i - 1) == ' ') {
            i--;
        }
        int end = i;
        while (i > 0) {
            char p = head.charAt(i - 1);
            if (p == '\n' || p == ' ' || "。;:,号]》)|".indexOf(p) >= 0) {
                break;
            }
            i--;
        }
        if (head.startsWith("文件", Math.max(0, i)) && i + 2 <= end) {
            i += 2;
        }
        int f = head.lastIndexOf("文件", end);
        if (f >= i) {
            i = f + 2;
        }
        return i;
    }

    private static String fileHeaderIssuer(SourceText src, String head) {
        for (String line : head.split("\n")) {
            String t = Canon.tidy(line);
            int f = t.indexOf("文件");
            if (f > 1 && f <= 40) {
                String name = t.substring(0, f);
                if (ORGAN.matcher(name).matches()) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The organ standing right before a date at the end of the document (落款). */
    private static String signatureIssuer(SourceText src) {
        String c = src.canon;
        List<Dates.Found> dates = Dates.all(c);
        for (int k = dates.size() - 1; k >= 0; k--) {
            Dates.Found d = dates.get(k);
            int lineStart = c.lastIndexOf('\n', d.start() - 1);
            String before = c.substring(lineStart + 1, d.start()).strip();
            if (before.isEmpty() && lineStart > 0) {
                int prev = c.lastIndexOf('\n', lineStart - 1);
                before = c.substring(prev + 1, lineStart).strip();
            }
            String name = Canon.tidy(before);
            if (isOrgan(name)) {
                return name;
            }
        }
        return null;
    }

    /**
     * The issue date (成文日期): a date right after the issuer's name (the 落款, also inside one-line text), else
     * one labelled 成文日期/发文日期, else a date in parentheses under the title ("（2023年3月5日印发）"), else a
     * date followed by 印发/发布, else a date right after an organ's name, else the first date standing alone on
     * its line, else a date closing the text.
     */
    private static LocalDate issueDate(SourceText src, String issuer) {
        String c = src.canon;
        List<Dates.Found> dates = Dates.all(c);
        if (issuer != null) {
            String compact = Canon.of(issuer);
            String last = compact.contains("、") ? compact.substring(compact.lastIndexOf('、') + 1) : compact;
            for (Dates.Found d : dates) {
                String before = Canon.tidy(c.substring(Math.max(0, d.start() - compact.length() - 12), d.start()));
                if (before.endsWith(compact) || before.endsWith(last)) {
                    return d.date();
                }
            }
        }
        if (issuer != null) {
            LocalDate compact = compactDateAfter(c, Canon.of(issuer));
            if (compact != null) {
                return compact;
            }
        }
        LocalDate labelled = labelledDate(c, WRITTEN_LABEL);
        if (labelled != null) {
            return labelled;
        }
        for (Dates.Found d : dates) {
            int open = d.start() - 1;
            while (open >= 0 && c.charAt(open) == ' ') {
                open--;
            }
            int close = c.indexOf(')', d.end());
            if (open >= 0 && c.charAt(open) == '(' && close > 0 && close - d.end() <= 8
                    && c.substring(d.end(), close).matches("\\s*(?:印发|发布|公布|签发|通过)?\\s*")) {
                return d.date();
            }
        }
        for (Dates.Found d : dates) {
            String after = c.substring(d.end(), Math.min(c.length(), d.end() + 4)).strip();
            if (after.startsWith("印发") || after.startsWith("发布") || after.startsWith("公布")) {
                return d.date();
            }
        }
        for (Dates.Found d : dates) {
            if (afterOrgan(c, d) && !isLabelled(c, d)) {
                return d.date();
            }
        }
        for (Dates.Found d : dates) {
            boolean lineStart = d.start() == 0 || c.charAt(d.start() - 1) == '\n';
            boolean lineEnd = d.end() == c.length() || c.charAt(d.end()) == '\n';
            if (lineStart && lineEnd) {
                return d.date();
            }
        }
        if (!dates.isEmpty()) {
            Dates.Found d = dates.get(dates.size() - 1);
            String rest = c.substring(d.end()).strip();
            if (rest.isEmpty() || rest.matches("\\(此件[^)]*\\)")) {
                return d.date();
            }
        }
        return null;
    }

    private static final Pattern COMPACT_DATE = Pattern.compile("(?m)^(\\d{4})(\\d{3,4})$");

    /**
     * A 落款 date that lost its 年月日 in transcription ("忠县发展和改革委员会" then "2022526"), on the line after
     * the issuer's name: read only when one month/day split is valid ("526" is 5-26; "111" could be 1-11 or
     * 11-1 and is not read).
     */
    private static LocalDate compactDateAfter(String c, String issuer) {
        Matcher m = COMPACT_DATE.matcher(c);
        while (m.find()) {
            int prevEnd = m.start() - 1;
            int prevStart = prevEnd <= 0 ? 0 : c.lastIndexOf('\n', prevEnd - 1) + 1;
            if (prevEnd <= 0 || !c.substring(prevStart, prevEnd).strip().equals(issuer)) {
                continue;
            }
            int year = Integer.parseInt(m.group(1));
            String md = m.group(2);
            List<LocalDate> readings = new ArrayList<>();
            for (int split = 1; split <= 2; split++) {
                try {
                    int month = Integer.parseInt(md.substring(0, split));
                    String day = md.substring(split);
                    if (day.length() <= 2 && !day.startsWith("0") || day.length() == 2) {
                        readings.add(LocalDate.of(year, month, Integer.parseInt(day)));
                    }
                } catch (DateTimeException | NumberFormatException e) {
                    // not a valid month/day split
                }
            }
            if (readings.size() == 1 && year >= 1949) {
                return readings.get(0);
            }
        }
        return null;
    }

    /** "…请认真贯彻执行。 XX市人民政府 2022年6月2日": a date whose line or sentence part before it is an organ's name. */
    private static boolean afterOrgan(String c, Dates.Found d) {
        int from = d.start();
        while (from > 0 && "。\n:".indexOf(c.charAt(from - 1)) < 0 && d.start() - from < 45) {
            from--;
        }
        String before = c.substring(from, d.start()).strip();
        int space = before.lastIndexOf(' ');
        String lastWord = space >= 0 ? before.substring(space + 1) : before;
        return isOrgan(Canon.tidy(before)) || isOrgan(lastWord);
    }

    private static boolean isLabelled(String c, Dates.Found d) {
        String before = c.substring(Math.max(0, d.start() - 12), d.start());
        return WRITTEN_LABEL.matcher(before).find() || PUBLISHED_LABEL.matcher(before).find();
    }

    /** The first date after a label such as "成文日期：" or "发布时间 |". */
    private static LocalDate labelledDate(String c, Pattern label) {
        for (Dates.Found d : Dates.all(c)) {
            String before = c.substring(Math.max(0, d.start() - 12), d.start());
            if (label.matcher(before).find()) {
                return d.date();
            }
        }
        return null;
    }

    /**
     * Without a "关于…的通知" title: the first short line of the head that is not a 文号, date, organ, addressee
     * or note; a line ending in a genre word (…实施方案, …若干措施) is preferred.
     */
    private static String plainTitle(SourceText src, String head) {
        int pos = 0;
        String first = null;
        for (String line : head.split("\n")) {
            String t = Canon.tidy(line);
            int start = pos;
            pos += line.length() + 1;
            if (t.length() < 4 || t.length() > 80 || t.contains("。") || t.endsWith(":") || t.endsWith("文件")
                    || DOC_NUMBER.matcher(t).find() || Dates.DATE.matcher(t).find()
                    || t.startsWith("(此件") || t.startsWith("(") && t.endsWith(")")) {
                continue;
            }
            String tidy = Canon.tidy(src.text.substring(start, start + line.length()));
            if (isOrgan(t) || t.contains(">") || t.contains("|")) {
                continue;
            }
            if (t.matches(".*(?:方案|措施|意见|办法|细则|规定|通知|决定|规划|计划|要点|政策|举措|规则)[》\"”]*(?:\\(.*\\))?")) {
                return tidy;
            }
            if (first == null) {
                first = tidy;
            }
        }
        return first;
    }
}
