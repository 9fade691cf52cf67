package huiqi.policy;

import huiqi.quantity.ChineseNumbers;
import huiqi.quantity.Quantity;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the quantitative targets and money amounts in a measure's text. A sentence that grants something
 * (奖励, 补贴, 给予, 减按 …) yields amounts from its granting clauses; any other sentence with a target verb
 * (力争, 确保, 完成, 新增, 增长 …) yields targets. Quantities that only describe who qualifies ("用电量达50万千瓦时
 * (含)以上的企业") are neither.
 */
final class Quantities {
    private static final String UNITS = "元/千瓦时|元/度|元/立方米|元/方|元/吨|元/人|元/户|元/家|元/个|元/平方米|元/亩|元/次|"
            + "美元|元|千瓦时|度电|千瓦|兆瓦|个百分点|百分点|%|个工作日|个月|个|家|项|场|头|只|羽|吨|亩|平方米|立方米|方|"
            + "人次|人|名|位|次|户|批|条|件|台|套|辆|座|所|艘|公里|千米|米|张|倍|份|处|栋|间|床|篇|款|小时|天";
    private static final Pattern QUANTITY = Pattern.compile(
            "(?<![\\d.])\\d+(?:\\.\\d+)?(?:(?:万亿|亿|万|千(?![瓦克米伏]))(?:" + UNITS + ")?|(?:" + UNITS + "))"
                    + "|百分之[零一二三四五六七八九十点]+");
    private static final Pattern REWARD = Pattern.compile(
            "奖励|奖补|补贴|补助|资助|贴息|返还|减按|免征|加计|优惠|给予|补足|费用|扶持资金");
    private static final Pattern TARGET_VERB = Pattern.compile(
            "力争|确保|争取|实现|完成|达到|新增|增长|提高|提升|上升|稳定在|保持|举办|开展|组织|引进|培育|储备|签约|开工|"
                    + "建设|落实|推动|覆盖|走访|服务|解决|合作|盘活|新种|抓好|筛选|超过|启动|建立|压减|压缩|缩短|减少|降低|下降");
    /** A cap on what is granted ("单家企业最高不超过50万元") counts as part of the grant. */
    private static final Pattern CAP = Pattern.compile("最高|封顶|上限|累计不超过|总额不超过");
    private static final Pattern AIM = Pattern.compile("力争|确保|争取|目标");
    private static final Pattern CONDITION_WORD = Pattern.compile(
            "对|凡|适用|达|超过|高于|低于|不低于|不少于|用电量|销售额|营业收入|产值|增量|年度");
    private static final Pattern PER_UNIT = Pattern.compile("每(千瓦时|度|立方米|方|吨|人|户|亩|平方米|辆|台|套|家|个)[^,]{0,6}$");
    private static final Pattern BEFORE_CMP = Pattern.compile(
            "(不低于|不少于|不小于|至少|达到|达|不超过|不高于|不多于|最高|最多|超过|超|高于|多于|大于|低于|少于|不足|不到)$");
    private static final Pattern AFTER_CMP = Pattern.compile(
            "^(?:\\((不?含)[^)]{0,12}\\))?\\s*(及以上|以上|及以下|以下|左右|以内|之内)?");
    /** A target's change verb right before its number: a rise or a cut "by X" is a floor on the change. */
    private static final Pattern CHANGE_BY = Pattern.compile(
            "(增长|上升|提高|提升|增加|新增|压减|压缩|缩短|减少|降低|下降)(到|至)?$");
    private static final Pattern FROM_TO = Pattern.compile(
            "\\s*(?:提高|提升|增加|增长|上调|调高|扩大|降低|下调|调低|减少|压减|压缩|缩短|放宽|调整)(?:到|至|为)");
    private static final Pattern CONTACT = Pattern.compile("电话|热线|手机|传真|邮编|邮政编码|联系方式|联系人|QQ|微信号");
    private static final Pattern TIME_UNITS = Pattern.compile("个工作日|个月|小时|天");

    private Quantities() {
    }

    record Found(List<Target> targets, List<Amount> amounts) {
    }

    /**
     * @param text     the measure text, tidied (as shown to users)
     * @param year     the document's year, for "一季度" and similar phrases without a year
     * @param fallback deadline for targets whose sentence names no time (the document's effective-until), or null
     */
    static Found of(String text, int year, LocalDate fallback) {
        String canon = Canon.of(text);
        List<Target> targets = new ArrayList<>();
        List<Amount> amounts = new ArrayList<>();
        int sentenceStart = 0;
        for (int i = 0; i <= canon.length(); i++) {
            if (i == canon.length() || "。;!?".indexOf(canon.charAt(i)) >= 0) {
                if (i > sentenceStart) {
                    sentence(text, canon, sentenceStart, i, year, fallback, targets, amounts);
                }
                sentenceStart = i + 1;
            }
        }
        return new Found(targets, amounts);
    }

    private static void sentence(String text, String canon, int from, int to, int year, LocalDate fallback,
                                 List<Target> targets, List<Amount> amounts) {
        String s = canon.substring(from, to);
        boolean grants = REWARD.matcher(s).find();
        boolean aims = TARGET_VERB.matcher(s).find();
        if (!grants && !aims) {
            return;
        }
        Matcher m = QUANTITY.matcher(s);
        while (m.find()) {
            int qs = m.start();
            int qe = m.end();
            if (qs > 0 && "“\"《-~至".indexOf(s.charAt(qs - 1)) >= 0) {
                continue; // part of a name ("5个10"工程) or a range
            }
            if (notAQuantity(s, qs, qe)) {
                continue;
            }
            int cs = clauseStart(s, qs);
            int ce = clauseEnd(s, qe);
            String prefix = s.substring(cs, qs);
            String after = s.substring(qe, ce);
            String clause = s.substring(cs, ce);
            boolean clauseGrants = REWARD.matcher(clause).find() || CAP.matcher(clause).find();
            // "…用好奖励政策，力争一季度实施项目40个以上": a 力争/确保 after the last granting word starts a target
            boolean reward = grants && (clauseGrants || lastMatch(REWARD, s, qs) >= lastMatch(AIM, s, qs));
            if (isCondition(prefix, after, reward, clauseGrants)) {
                continue;
            }
            Optional<Quantity> parsed = ChineseNumbers.parseQuantity(m.group());
            if (parsed.isEmpty() || parsed.get().value().signum() == 0) {
                continue;
            }
            Quantity q = parsed.get();
            String unit = q.unit();
            String clauseText = Canon.tidy(text.substring(from + cs, from + ce));
            if (reward) {
                boolean money = unit.contains("元") || unit.equals("%") || unit.isEmpty();
                if (!money || !clauseGrants) {
                    continue;
                }
                if (unit.isEmpty()) {
                    unit = "元";
                }
                Matcher per = PER_UNIT.matcher(prefix);
                if (unit.equals("元") && per.find()) {
                    unit = "元/" + per.group(1);
                }
                amounts.add(new Amount(clauseText, q.value(), unit));
            } else if (!TIME_UNITS.matcher(unit).matches()) {
                LocalDate deadline = deadline(s, qs, year).orElse(fallback);
                targets.add(new Target(clauseText, q.value(), unit, comparator(prefix, after), deadline));
            }
        }
    }

    /**
     * Numbers that are never amounts or targets: the old value of a change ("由50%提高到60%" keeps 60%),
     * telephone numbers and postcodes, document numbers ("〔2023〕5号").
     */
    private static boolean notAQuantity(String s, int qs, int qe) {
        String before = s.substring(Math.max(0, qs - 12), qs);
        String after = s.substring(qe, Math.min(s.length(), qe + 8));
        if (before.matches(".*(?:由|从)\\s*$") && FROM_TO.matcher(after).lookingAt()) {
            return true;
        }
        if (CONTACT.matcher(before).find() || before.matches(".*\\d-$") || after.startsWith("-")) {
            return true;
        }
        String digits = s.substring(qs, qe).replaceAll("[^0-9]", "");
        return digits.length() >= 7 && !s.substring(qs, qe).matches(".*[万亿.].*")
                || before.matches(".*[\\[(]\\d{4}[\\])]\\s*$");
    }

    private static int lastMatch(Pattern p, String s, int before) {
        Matcher m = p.matcher(s);
        m.region(0, before);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }

    private static boolean isCondition(String prefix, String after, boolean rewardSentence, boolean clauseGrants) {
        boolean grantsBefore = REWARD.matcher(prefix).find() || prefix.contains("按");
        if (grantsBefore) {
            return false;
        }
        Matcher a = AFTER_CMP.matcher(after);
        String rest = a.lookingAt() ? after.substring(a.end()) : after;
        if (rest.startsWith("的")) {
            return true;
        }
        if (after.contains("的") && CONDITION_WORD.matcher(prefix).find()) {
            return true;
        }
        return rewardSentence && !clauseGrants && CONDITION_WORD.matcher(prefix).find();
    }

    static String comparator(String prefix, String after) {
        Matcher a = AFTER_CMP.matcher(after);
        if (a.lookingAt() && a.group(2) != null) {
            boolean exclusive = "不含".equals(a.group(1));
            return switch (a.group(2)) {
                case "及以上", "以上" -> exclusive ? ">" : ">=";
                case "及以下", "以下", "以内", "之内" -> exclusive ? "<" : "<=";
                default -> "~";
            };
        }
        Matcher b = BEFORE_CMP.matcher(prefix);
        if (b.find()) {
            return switch (b.group(1)) {
                case "不低于", "不少于", "不小于", "至少", "达到", "达" -> ">=";
                case "超过", "超", "高于", "多于", "大于" -> ">";
                case "低于", "少于", "不足", "不到" -> "<";
                default -> "<=";
            };
        }
        Matcher c = CHANGE_BY.matcher(prefix);
        if (c.find()) {
            boolean cut = c.group(1).matches("压减|压缩|缩短|减少|降低|下降");
            // "提高到X" / "降低到X" name the level to reach; "上升X" / "压减X" the change to achieve at least
            return c.group(2) != null && cut ? "<=" : ">=";
        }
        return "=";
    }

    private static int clauseStart(String s, int pos) {
        for (int i = pos - 1; i >= 0; i--) {
            if (s.charAt(i) == ',' || s.charAt(i) == ':') {
                return i + 1;
            }
        }
        return 0;
    }

    private static int clauseEnd(String s, int pos) {
        int depth = 0;
        for (int i = pos; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if ((c == ',' || c == ':') && depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    private static final Pattern TIME = Pattern.compile(
            "(?:(\\d{4})年)?(?:第)?([一二三四1-4])季度"
                    + "|(?:(\\d{4})年)?(上半年|下半年|全年|年内|年底|年末)"
                    + "|(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日(?:前|之前|以前)"
                    + "|(?:(\\d{4})年)?(\\d{1,2})月(?:底|末)"
                    + "|(\\d{4})年(?![\\d度])");

    /**
     * The end date of the time phrase governing position {@code pos} of a sentence: the last one before it,
     * else the first after it ("2024年一季度" → 2024-03-31, "全年" → year end, "3月底前" → 03-31).
     */
    static Optional<LocalDate> deadline(String s, int pos, int year) {
        Matcher m = TIME.matcher(s);
        Optional<LocalDate> before = Optional.empty();
        Optional<LocalDate> after = Optional.empty();
        while (m.find()) {
            Optional<LocalDate> d = toDeadline(m, year);
            if (m.start() < pos) {
                before = d.isPresent() ? d : before;
            } else if (after.isEmpty()) {
                after = d;
            }
        }
        return before.isPresent() ? before : after;
    }

    private static Optional<LocalDate> toDeadline(Matcher m, int year) {
        try {
            if (m.group(2) != null) {
                int y = m.group(1) != null ? Integer.parseInt(m.group(1)) : year;
                int q = "一1".indexOf(m.group(2).charAt(0)) >= 0 ? 1 : "二2".indexOf(m.group(2).charAt(0)) >= 0 ? 2
                        : "三3".indexOf(m.group(2).charAt(0)) >= 0 ? 3 : 4;
                return Optional.of(YearMonth.of(y, q * 3).atEndOfMonth());
            }
            if (m.group(4) != null) {
                int y = m.group(3) != null ? Integer.parseInt(m.group(3)) : year;
                return Optional.of(m.group(4).equals("上半年") ? LocalDate.of(y, 6, 30) : LocalDate.of(y, 12, 31));
            }
            if (m.group(6) != null) {
                int y = m.group(5) != null ? Integer.parseInt(m.group(5)) : year;
                return Optional.of(LocalDate.of(y, Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7))));
            }
            if (m.group(9) != null) {
                int y = m.group(8) != null ? Integer.parseInt(m.group(8)) : year;
                return Optional.of(YearMonth.of(y, Integer.parseInt(m.group(9))).atEndOfMonth());
            }
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(10)), 12, 31));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

}
