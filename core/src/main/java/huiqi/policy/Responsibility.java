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
record Responsibility(List<String> lead, List<String> responsible, List<String> blanket, int start, int end,
                      boolean firstIsLead, boolean appliesBelow) {

    private static final String ROLES = "牵头单位|牵头部门|牵头处室|主办单位|主责单位|主责部门|责任单位|责任部门|责任处室|责任主体|"
            + "配合单位|配合部门|协办单位|协同单位|参与单位|实施单位|承办单位|落实单位|对接部门|对接单位|主管部门|主管单位";
    private static final Pattern ROLE = Pattern.compile("^(" + ROLES + "|牵头)\\s*[:：]?\\s*");
    private static final Pattern ROLE_START = Pattern.compile("^(" + ROLES + ")\\s*:|^牵头\\s*:");
    private static final Pattern ROLE_IN_BRACKET = Pattern.compile(
            "[(\\[]\\s*(?:牵头单位|牵头部门|主办单位|责任单位|责任部门|配合单位|配合部门|协办单位|对接部门|主管部门)\\s*:");
    private static final Pattern ROLE_ANYWHERE = Pattern.compile(
            "(牵头单位|牵头部门|主办单位|责任单位|责任部门|配合单位|配合部门|协办单位|对接部门|主管部门)\\s*:");
    /** "列首位的为牵头单位" / "排在第一位的为牵头部门": the first unit listed leads. */
    private static final Pattern FIRST_IS_LEAD = Pattern.compile(
            "[,;]?\\s*(?:列|排)(?:在)?(?:首位|第一位|第一个|第一|最前面?)的?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)");
    /** "下同": the directive before it holds for the measures that follow. */
    private static final Pattern SAME_BELOW = Pattern.compile("[,;]?\\s*下同");
    /** "X牵头，Y、Z配合" / "X牵头，Y按职责分工负责" inside one bracket. */
    private static final Pattern LEAD_THEN_OTHERS = Pattern.compile("^.{2,60}?牵头(?:负责)?[,;].{2,300}(?:配合|负责|参与|落实|协同)$");
    private static final Pattern ORGAN_LIKE = Pattern.compile(
            ".*(?:人民政府|政府|办公厅|办公室|委员会|管委会|管理委员会|行政公署|局|厅|委|办|部|中心|公司|集团|协会|银行|支行|分行"
                    + "|分局|工会|院|联合会|工商联|残联|妇联|团委|总队|支队|大队|所|站|社|管理处|处)$|^各.{1,20}(?:政府|管委会|部门|单位)$");
    /** Department names written without their level ("省商务厅、财政厅"): they take the first unit's prefix. */
    private static final Pattern BARE_DEPARTMENT = Pattern.compile(
            "^(?:发展改革|发展和改革|发改|工业和信息化|工信|经信|经济和信息化|商务|科技|财政|人力资源|人力社保|人社|自然资源|住房|住建|"
                    + "交通运输|交通|水利|农业农村|农业|文化和旅游|文旅|卫生健康|卫健|市场监管|市场监督|税务|地方金融|金融|统计|应急|"
                    + "生态环境|环保|教育|民政|司法|公安|审计|国资|医保|医疗保障|能源|林业|退役军人|政务服务|大数据|数据|行政审批|"
                    + "外事|投资促进|投促|商务|海关|供销|广电|体育|粮食|国防|城管|城市管理|规划)"
                    + ".{0,10}(?:厅|局|委|办|委员会|中心|社)$");
    private static final Pattern LEVEL_PREFIX = Pattern.compile("^(自治区|省|市|区|县|州|盟|旗)");
    private static final Pattern BLANKET = Pattern.compile(
            "[,;。]?\\s*以下(?:各项|各条|政策措施|措施|条款|政策|任务)?(?:均|都|皆|各项均|全部)?(?:需要|需|须|由|要)?([^。]{1,80}?)"
                    + "(?:负责)?(?:组织)?落实\\s*[,;。]?\\s*不再(?:一一|单独)?(?:列出|列明|单列|重复列出|赘述)");
    private static final Pattern TOGETHER = Pattern.compile(
            "^(.+?)(?:会同|联合|协同)(.+?)(?:按职责分工|按照职责分工|根据职责分工|按职责|分工)?(?:负责落实|负责|落实|推进|实施)?$");
    private static final Pattern LEAD_SUFFIX = Pattern.compile("^(?:由)?(.+?)(?:牵头(?:负责|落实|实施)?|为牵头单位)$");

    static final Responsibility NONE = new Responsibility(List.of(), List.of(), List.of(), -1, -1, false, false);

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

    /** Whether a text holds the directive "列首位的为牵头单位" (with "下同" in force for what follows). */
    static boolean firstIsLeadIn(String text) {
        return FIRST_IS_LEAD.matcher(text).find();
    }

    private static boolean looksLikeUnits(String inner) {
        String s = inner.strip();
        if (s.isEmpty() || s.length() > 400) {
            return false;
        }
        if (ROLE_START.matcher(s).find()) {
            return true;
        }
        if (FIRST_IS_LEAD.matcher(s).find() || BLANKET.matcher(s).find() && !s.startsWith("以下")) {
            return true;
        }
        if (s.length() <= 300 && LEAD_THEN_OTHERS.matcher(s).matches()) {
            return true;
        }
        if (s.length() <= 300 && allOrgans(s)) {
            return true;
        }
        return s.length() <= 60 && LEAD_SUFFIX.matcher(s).matches()
                || s.length() <= 80 && TOGETHER.matcher(s).matches() && (s.endsWith("落实") || s.endsWith("负责"))
                || s.length() <= 60 && s.endsWith("负责") && s.indexOf(',') < 0;
    }

    /** Every listed item names an organ ("市税务局、市财政局，各县（市、区）政府"). */
    private static boolean allOrgans(String s) {
        List<String> items = split(s);
        return !items.isEmpty() && items.stream().allMatch(i -> i.length() <= 30
                && ORGAN_LIKE.matcher(i.replace('（', '(').replace('）', ')').replaceAll("\\([^)]*\\)", "")).matches());
    }

    private static Responsibility read(String inner, int start, int end) {
        String s = inner;
        List<String> blanket = new ArrayList<>();
        Matcher b = BLANKET.matcher(s);
        if (b.find()) {
            blanket.addAll(split(b.group(1)));
            s = s.substring(0, b.start()) + s.substring(b.end());
        }
        boolean firstIsLead = false;
        boolean below = false;
        Matcher directive = FIRST_IS_LEAD.matcher(s);
        if (directive.find()) {
            firstIsLead = true;
            s = s.substring(0, directive.start()) + s.substring(directive.end());
            Matcher same = SAME_BELOW.matcher(s);
            if (same.find(Math.min(directive.start(), s.length()))) {
                below = true;
                s = s.substring(0, same.start()) + s.substring(same.end());
            }
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
        List<String> leadList = new ArrayList<>(lead);
        List<String> respList = new ArrayList<>(resp);
        if (firstIsLead && leadList.isEmpty() && !respList.isEmpty()) {
            leadList.add(respList.remove(0));
        }
        return new Responsibility(List.copyOf(leadList), List.copyOf(respList), blanket, start, end, firstIsLead,
                below);
    }

    /**
     * Units as full names: the first unit's level ("省", "市") given to later units the text writes without it
     * ("省商务厅、财政厅" → 省财政厅), without repeats.
     */
    static List<String> qualified(List<String> units) {
        List<String> out = new ArrayList<>();
        String prefix = null;
        for (String u : units) {
            Matcher m = LEVEL_PREFIX.matcher(u);
            if (m.find() && BARE_DEPARTMENT.matcher(u.substring(m.end())).matches()) {
                prefix = m.group(1);
            }
            String full = prefix != null ? withPrefix(u, prefix) : u;
            if (!out.contains(full)) {
                out.add(full);
            }
        }
        return out;
    }

    private static String withPrefix(String unit, String prefix) {
        return BARE_DEPARTMENT.matcher(unit).matches() ? prefix + unit : unit;
    }

    /** A copy whose first listed unit leads (the directive "列首位的为牵头单位，下同" of an earlier measure). */
    Responsibility withFirstAsLead() {
        if (!lead.isEmpty() || responsible.isEmpty()) {
            return this;
        }
        return new Responsibility(List.of(responsible.get(0)), responsible.subList(1, responsible.size()), blanket,
                start, end, true, appliesBelow);
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
        s = s.replaceAll("^(?:和|及|以及|由)", "");
        s = s.replaceAll("(?:按(?:照)?职责(?:分工)?|分别|共同)?(?:负责落实|负责|落实|实施)$", "");
        s = s.replaceAll("(?:等(?:相关|有关)?(?:单位|部门))$", "");
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
