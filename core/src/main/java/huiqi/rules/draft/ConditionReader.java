package huiqi.rules.draft;

import huiqi.facts.IndicatorCatalog;
import huiqi.quantity.ChineseNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The conditions of one granting sentence: subjects named by the catalog's attributes, thresholds on its
 * indicators with the comparator the wording gives and the period the sentence names, tiers and vague subjects
 * turned into questions.
 */
final class ConditionReader {
    private static final Pattern THRESHOLD = Pattern.compile(
            "^(?<pre>[^,;:的]{0,12}?)(?<verb>达到|达|超过|不低于|不少于|低于|高于|不足|不超过|不高于|少于|多于|在)?\\s*"
                    + "(?<num>\\d+(?:\\.\\d+)?)\\s*(?<mul>万|亿)?\\s*(?<unit>千瓦时|度|立方米|方|元|美元|人|个|家|%)\\s*"
                    + "(?<paren>\\((?:含|不含)[^)]{0,12}\\))?\\s*(?<post>及以上|以上|及以下|以下)?\\s*"
                    + "(?<paren2>\\((?:含|不含)[^)]{0,12}\\))?");
    private static final Pattern ANY_QUANTITY = Pattern.compile(
            "\\d+(?:\\.\\d+)?\\s*(?:万|亿)?\\s*(?:千瓦时|度|立方米|方|元|美元|人|个|家|%|吨|亩|平方米)");
    private static final Pattern VAGUE_SUBJECT = Pattern.compile(
            "符合[^,;。]{0,24}?条件|经[^,;。]{1,14}?认定|认定的");

    private final Vocabulary vocabulary;
    private final IndicatorCatalog catalog;
    private final int year;

    ConditionReader(Vocabulary vocabulary, int year) {
        this.vocabulary = vocabulary;
        this.catalog = vocabulary.catalog();
        this.year = year;
    }

    void conditions(String text, String h, int from, int to, List<PeriodPhrase> periods,
                            Map<String, DraftParameter> params, List<DraftCondition> conditions,
                            Map<String, String> indicatorBases, List<OpenQuestion> questions) {
        String region = h.substring(from, to);
        List<int[]> consumed = new ArrayList<>();
        periods.stream().filter(p -> p.start() >= from && p.end() <= to).forEach(p -> consumed.add(new int[] {p.start(), p.end()}));
        for (Vocabulary.Hit hit : vocabulary.find(region)) {
            int hs = from + hit.start();
            int he = from + hit.end();
            List<String> indicators = hit.ids().stream().filter(vocabulary::isIndicator).toList();
            if (!indicators.isEmpty()) {
                threshold(text, h, chooseIndicator(h, indicators, he, to), hs, he, to, periods, params, conditions,
                        indicatorBases, consumed, questions);
            }
            for (String idName : hit.ids()) {
                if (vocabulary.isBooleanAttribute(idName)) {
                    if (conditions.stream().noneMatch(c -> c.expr().equals(idName))) {
                        String name = catalog.attribute(idName).orElseThrow().name();
                        conditions.add(new DraftCondition(idName, name, text.substring(hs, he)));
                    }
                } else if (!vocabulary.isIndicator(idName)) {
                    questions.add(new OpenQuestion(OpenQuestion.Topic.CONDITION, text.substring(hs, he), hs, he,
                            "“" + text.substring(hs, he) + "”是日期或类别条件：请写明取值或期间"));
                }
            }
        }
        Matcher q = ANY_QUANTITY.matcher(h).region(from, to);
        while (q.find()) {
            int qs = q.start();
            if (consumed.stream().noneMatch(c -> qs >= c[0] && qs < c[1])) {
                int cs = Sentence.clauseStart(h, from, qs);
                int ce = Sentence.clauseEnd(h, qs, to);
                questions.add(new OpenQuestion(OpenQuestion.Topic.CONDITION, text.substring(cs, ce), cs, ce,
                        "条件“" + text.substring(cs, ce) + "”中的数量未能对应到指标目录：请指明指标、期间和比较方式"));
            }
        }
        Matcher vague = VAGUE_SUBJECT.matcher(region);
        while (vague.find()) {
            int vs = from + vague.start();
            int ve = from + vague.end();
            questions.add(new OpenQuestion(OpenQuestion.Topic.SUBJECT, text.substring(vs, ve), vs, ve,
                    "“" + text.substring(vs, ve) + "”未写明具体条件：请补充条件，或确认无需另加条件"));
        }
        if (conditions.isEmpty() && region.contains("企业") && !VAGUE_SUBJECT.matcher(region).find()) {
            questions.add(new OpenQuestion(OpenQuestion.Topic.SUBJECT, text.substring(from, to), from, to,
                    "适用对象未能对应到指标目录中的属性：哪些企业适用？"));
        }
    }

    /** "给予…的规模以上工业企业每家30万元": the subject named inside the granting clause. */
    void subjectsInGrantClause(String text, String h, int from, int to, List<DraftCondition> conditions) {
        for (Vocabulary.Hit hit : vocabulary.find(h.substring(from, to))) {
            for (String idName : hit.ids()) {
                if (vocabulary.isBooleanAttribute(idName) && conditions.stream().noneMatch(c -> c.expr().equals(idName))) {
                    conditions.add(new DraftCondition(idName, catalog.attribute(idName).orElseThrow().name(),
                            text.substring(from + hit.start(), from + hit.end())));
                }
            }
        }
    }

    /**
     * Subjects listed with 、 / 或 / 和 between them and nothing else ("限额以上批发零售业、限额以上住宿餐饮业、服务业企业")
     * are alternatives: one condition joined with {@code or}.
     */
    static void alternativesJoined(String h, List<DraftCondition> conditions) {
        for (int i = 0; i + 1 < conditions.size(); i++) {
            DraftCondition a = conditions.get(i);
            DraftCondition b = conditions.get(i + 1);
            if (!a.expr().matches("[a-z_]+( or [a-z_]+)*") || !b.expr().matches("[a-z_]+")) {
                continue;
            }
            String last = a.quote().contains("、") ? a.quote().substring(a.quote().lastIndexOf('、') + 1) : a.quote();
            int at = h.indexOf(ChineseNumbers.toHalfWidth(last) + "、" + ChineseNumbers.toHalfWidth(b.quote()));
            int at2 = h.indexOf(ChineseNumbers.toHalfWidth(last) + "或" + ChineseNumbers.toHalfWidth(b.quote()));
            if (at >= 0 || at2 >= 0) {
                conditions.set(i, new DraftCondition(a.expr() + " or " + b.expr(), a.label() + "或" + b.label(),
                        a.quote() + "、" + b.quote()));
                conditions.remove(i + 1);
                i--;
            }
        }
    }

    private static final Pattern COMPARISON = Pattern.compile("^(.+) (>=|>|<=|<) (\\w+)$");

    /**
     * Two thresholds on the same quantity pointing opposite ways ("100万美元以下（含）的…；100万美元以上的…") are tiers
     * of one grant, not two conditions that must both hold: they are dropped and asked about.
     */
    static void tiers(String text, String h, Sentence s, Map<String, DraftParameter> params,
                              List<DraftCondition> conditions, List<OpenQuestion> questions) {
        Map<String, List<DraftCondition>> byBase = new LinkedHashMap<>();
        for (DraftCondition c : conditions) {
            Matcher m = COMPARISON.matcher(c.expr());
            if (m.matches()) {
                byBase.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(c);
            }
        }
        for (List<DraftCondition> same : byBase.values()) {
            boolean up = same.stream().anyMatch(c -> c.expr().contains(" >"));
            boolean down = same.stream().anyMatch(c -> c.expr().contains(" <"));
            if (up && down) {
                conditions.removeAll(same);
                same.forEach(c -> {
                    Matcher m = COMPARISON.matcher(c.expr());
                    if (m.matches()) {
                        params.remove(m.group(3));
                    }
                });
                questions.add(new OpenQuestion(OpenQuestion.Topic.CONDITION, text.substring(s.start(), s.end()), s.start(), s.end(),
                        "同一数量有相反方向的门槛（" + same.stream().map(DraftCondition::quote).collect(Collectors.joining("；"))
                                + "）：是分档给付吗？请按档写出条件和金额"));
            }
        }
    }

    /** Of indicators sharing a name (出口额 in 元 and in 美元), the one whose unit the number after it is written in. */
    private String chooseIndicator(String h, List<String> ids, int he, int limit) {
        Matcher t = THRESHOLD.matcher(h).region(he, limit);
        if (t.lookingAt()) {
            for (String id : ids) {
                if (DraftValues.sameUnit(catalog.indicator(id).orElseThrow().unit(), t.group("unit"))) {
                    return id;
                }
            }
        }
        return ids.get(0);
    }

    private void threshold(String text, String h, String indicator, int hs, int he, int limit, List<PeriodPhrase> periods,
                           Map<String, DraftParameter> params, List<DraftCondition> conditions,
                           Map<String, String> indicatorBases, List<int[]> consumed, List<OpenQuestion> questions) {
        Matcher t = THRESHOLD.matcher(h).region(he, limit);
        if (!t.lookingAt()) {
            return;
        }
        consumed.add(new int[] {t.start("num"), t.end()});
        IndicatorCatalog.Indicator ind = catalog.indicator(indicator).orElseThrow();
        String pre = t.group("pre");
        String unit = t.group("unit");
        String literal = t.group("num") + (t.group("mul") == null ? "" : t.group("mul")) + unit;
        String quote = text.substring(hs, t.end()).strip();
        String paren = t.group("paren") != null ? t.group("paren") : t.group("paren2");
        Optional<String> op = Wording.comparator(t.group("verb"), paren, t.group("post"));
        if (op.isEmpty()) {
            questions.add(new OpenQuestion(OpenQuestion.Topic.CONDITION, quote, hs, t.end(), "“" + quote + "”未写明比较方式（以上/以下/含/不含）：请确认"));
            return;
        }
        // the value is read verbatim even when what it applies to is still a question
        String name = DraftValues.unique(params, "threshold");
        DraftValues.put(params, name, literal, quote, ind.name() + "门槛");
        Optional<PeriodPhrase> period = PeriodPhrase.governing(periods, hs, Sentence.clauseEnd(h, he, limit));
        if (period.isEmpty()) {
            questions.add(new OpenQuestion(OpenQuestion.Topic.PERIOD, quote, hs, t.end(), "“" + quote + "”未写明按哪个期间计算：请写明期间"));
            return;
        }
        if (!DraftValues.fits(ind, period.get())) {
            questions.add(new OpenQuestion(OpenQuestion.Topic.PERIOD, period.get().quote(), period.get().start(), period.get().end(),
                    "期间“" + period.get().quote() + "”不是" + ind.name() + "（按" + ind.granularity() + "报送）的整期：请确认取哪几期"));
            return;
        }
        String read = indicator + "[" + period.get().literal() + "]";
        boolean daily = h.substring(Math.max(0, hs - 3), hs).contains("日均");
        String base;
        if (unit.equals("%")) {
            if (!MeasureDrafter.GROWTH.matcher(pre).find()) {
                questions.add(new OpenQuestion(OpenQuestion.Topic.CONDITION, quote, hs, t.end(), "“" + quote + "”是哪个比率？请写明表达式"));
                return;
            }
            base = "yoy_growth(" + read + ")";
        } else if (!DraftValues.sameUnit(ind.unit(), unit)) {
            questions.add(new OpenQuestion(OpenQuestion.Topic.CONDITION, quote, hs, t.end(),
                    "“" + quote + "”的单位与指标“" + ind.name() + "”（" + ind.unit() + "）不一致：请确认指标"));
            return;
        } else if (MeasureDrafter.INCREASE.matcher(pre).find()) {
            base = "yoy_increase(" + read + ")";
        } else if (daily) {
            base = "daily_avg(" + read + ")";
        } else {
            base = read;
        }
        int open = h.lastIndexOf('(', hs);
        if (open >= 0 && h.indexOf(')', open) > hs && h.startsWith("其中", open + 1)) {
            questions.add(new OpenQuestion(OpenQuestion.Topic.CONDITION, quote, hs, t.end(), "括号内“"
                    + text.substring(open + 1, h.indexOf(')', open)) + "”是对其中一部分企业的条件：它替代还是补充正文的条件？请写明"));
            return;
        }
        indicatorBases.putIfAbsent(indicator, base);
        String label = quote + (period.get().yearAssumed() ? "（期间“" + period.get().quote() + "”按文件年度 " + year + " 年）" : "");
        conditions.add(new DraftCondition(base + " " + op.get() + " " + name, label, quote));
    }
}
