package huiqi.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metadata from a document's head and 落款: 文号, issuer, title, issue date. Works on the canonical text
 * (so "鼓政办规〔2023〕1 号" and "2023 年 4 月 11 日" are found with their spaces) and tidies what it returns.
 */
record Header(String docNumber, String issuer, String title, LocalDate issuedOn) {

    private static final Pattern DOC_NUMBER = Pattern.compile("[\\[(]\\s*(\\d{4})\\s*[\\])]\\s*(\\d{1,4})\\s*号");
    private static final Pattern GENRE = Pattern.compile(
            "(?:通知|意见|实施意见|办法|方案|措施|决定|规定|细则|批复|公告|通告|规划|计划|函|通报|要点)(?=[》\"”]*(?:\\s|$|[(（]))");
    private static final Pattern ORGAN = Pattern.compile(
            ".*(?:人民政府|政府|办公厅|办公室|委员会|管委会|管理委员会|局|厅|委|办|部|中心|公司|集团|协会|银行|工会|院)$");

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
            if (!candidate.isEmpty() && candidate.length() <= 40 && ORGAN.matcher(candidate).matches()) {
                issuer = candidate;
            }
            Matcher g = GENRE.matcher(head);
            if (g.find(about)) {
                int titleStart = issuer == null ? about : issuerStart;
                title = Canon.tidy(src.text.substring(titleStart, g.end()));
            }
        }
        if (issuer == null) {
            issuer = fileHeaderIssuer(src, head);
        }
        LocalDate issued = issueDate(src, issuer);
        if (issuer == null) {
            issuer = signatureIssuer(src);
            if (issued == null && issuer != null) {
                issued = issueDate(src, issuer);
            }
        }
        if (title == null) {
            title = plainTitle(src, head);
        }
        return new Header(docNumber, issuer, title, issued);
    }

    /** The document's own 文号: the first one not quoted in brackets or after a 《title》 (those are citations). */
    private static String docNumber(String c, String head) {
        for (String scope : List.of(head, c)) {
            Matcher m = DOC_NUMBER.matcher(scope);
            while (m.find()) {
                int p = m.start();
                int q = p;
                while (q > 0 && (c.charAt(q - 1) == ' ' || c.charAt(q - 1) == '\n')) {
                    q--;
                }
                int prefixEnd = q;
                while (q > 0 && prefixEnd - q < 12 && Character.UnicodeScript.of(c.charAt(q - 1)) == Character.UnicodeScript.HAN) {
                    q--;
                }
                String prefix = c.substring(q, prefixEnd);
                int cut = prefix.lastIndexOf("文件");
                if (cut >= 0) {
                    prefix = prefix.substring(cut + 2);
                }
                if (prefix.isEmpty()) {
                    continue;
                }
                char before = q > 0 ? c.charAt(q - 1) : '\n';
                if (before == '(' || before == '》' || before == '[' || before == '、') {
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

    private static int aboutPosition(String head) {
        int i = head.indexOf("关于");
        while (i >= 0) {
            // "关于" in the title follows the issuer's name, not a citation in 《》
            int open = head.lastIndexOf('《', i);
            int close = head.lastIndexOf('》', i);
            if (open <= close) {
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
            if (p == '\n' || p == ' ' || "。;:,号]》)".indexOf(p) >= 0) {
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
            if (!name.isEmpty() && name.length() <= 40 && ORGAN.matcher(name).matches()) {
                return name;
            }
        }
        return null;
    }

    /**
     * The issue date: a date right after the issuer's name (the 落款), else a date followed by 印发/发布,
     * else the first date standing alone on its line.
     */
    private static LocalDate issueDate(SourceText src, String issuer) {
        String c = src.canon;
        List<Dates.Found> dates = Dates.all(c);
        if (issuer != null) {
            String compact = Canon.of(issuer);
            for (Dates.Found d : dates) {
                String before = Canon.tidy(c.substring(Math.max(0, d.start() - compact.length() - 12), d.start()));
                if (before.endsWith(compact)) {
                    return d.date();
                }
            }
        }
        for (Dates.Found d : dates) {
            String after = c.substring(d.end(), Math.min(c.length(), d.end() + 4)).strip();
            if (after.startsWith("印发") || after.startsWith("发布") || after.startsWith("公布")) {
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
        return null;
    }

    /** Without a "关于…的通知" title: the first short line of the head that is not a 文号, date or addressee. */
    private static String plainTitle(SourceText src, String head) {
        int pos = 0;
        for (String line : head.split("\n")) {
            String t = Canon.tidy(line);
            int start = pos;
            pos += line.length() + 1;
            if (t.length() < 4 || t.length() > 80 || t.contains("。") || t.endsWith(":") || t.endsWith("文件")
                    || DOC_NUMBER.matcher(t).find() || Dates.DATE.matcher(t).find()
                    || t.startsWith("(此件") || t.startsWith("(") && t.endsWith(")")) {
                continue;
            }
            return Canon.tidy(src.text.substring(start, start + line.length()));
        }
        return null;
    }
}
