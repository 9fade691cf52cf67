package huiqi.rules.draft;

import huiqi.facts.IndicatorCatalog;
import huiqi.policy.Amount;
import huiqi.policy.Measure;
import huiqi.quantity.ChineseNumbers;
import huiqi.quantity.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Drafts one measure. Works on the measure's text made half-width (same length, so every offset points into the
 * published text too). The parser's amounts say which quantities are granted; each sentence that grants one
 * becomes a rule: its words before the grant become conditions (catalog names and synonyms, thresholds with the
 * comparator the wording gives, the period the text names), the granted quantities become parameters and the
 * amount, caps ("最高不超过") the cap. Whatever cannot be mapped becomes an open question, never a guess.
 */
final class MeasureDrafter {
    private static final Pattern MONEY = Pattern.compile(
            "\\d+(?:\\.\\d+)?\\s*(?:万|亿)?\\s*(?:元/[\\u4e00-\\u9fa5]{1,3}|元|美元|%)");
    private static final Pattern CAP_CLAUSE = Pattern.compile(
            "(?:单家|每家|单个|每个)(?:企业|项目)?[^,;。\\d]{0,8}?(?:最高|不超过|封顶)[^,;。\\d]{0,6}?(\\d+(?:\\.\\d+)?\\s*(?:万|亿)?\\s*元)");
    private static final Pattern CAP_WORDS = Pattern.compile("最高|封顶|上限|不超过|不高于");
    private static final Pattern NOT_ENTERPRISE = Pattern.compile("县\\(市\\)区|各县|困难群众|城乡居民|消费者");
    private static final Pattern ELSEWHERE = Pattern.compile(
            "落实(?:好)?(?:国家|上级|省|中央)[^。]{0,30}?(?:政策|规定)|按(?:照)?(?:国家|上级|省|市)?(?:有关)?规定|按照[^。]{1,20}?(?:政策|办法)执行");
    /** Quantities that are not money paid to the enterprise: an advance, a deposit, a loan, a rate charged. */
    private static final Pattern NOT_A_PAYMENT = Pattern.compile("预付款|保证金|贷款|授信|担保|利率|费率|额度");
    private static final Pattern RIGHT_WORDS = Pattern.compile("延期|延长|暂缓|暂退|免收|缓缴|可申请|允许|优先");
    private static final Pattern TASK_WORDS = Pattern.compile("推动|推进|开展|组织|加快|加强|建立|实施|落实|引导|鼓励|支持|强化|做好|举办|培育");
    /** Wording that says the benefit reaches the enterprise without an application. */
    private static final Pattern APPLIED_DIRECTLY = Pattern.compile(
            "免申即享|免予申报|免申报|无需申请|无需申报|直达快享|直接兑现|在现行价格基础上|电费扣减|直接扣减|减按|免征|减征|加计\\d+(?:\\.\\d+)?%抵减");
    private static final Pattern COMPANY_PAYER = Pattern.compile("^(?:[^,]{0,10}?)((?:省|市|区|县)[\\u4e00-\\u9fa5]{1,10}?公司)");
    private static final Pattern REDUCTION = Pattern.compile("减按|免征|减免|减征|抵减|优惠|返还|缓缴|降低");
    static final Pattern INCREASE = Pattern.compile("增量");
    static final Pattern GROWTH = Pattern.compile("增长|增速|增幅");
    private static final Set<String> RATE_DENOMINATORS = Set.of(
            "千瓦时", "度", "方", "立方米", "人", "人次", "家", "个", "次", "项", "吨", "亩", "天", "日", "月", "展位");

    private final Vocabulary vocabulary;
    private final IndicatorCatalog catalog;
    private final String docId;
    private final int year;

    MeasureDrafter(Vocabulary vocabulary, String docId, int year) {
        this.vocabulary = vocabulary;
        this.catalog = vocabulary.catalog();
        this.docId = docId;
        this.year = year;
    }

    /** A granted quantity located in the text. */
    private record Grant(Amount amount, int start, int end, String clause, boolean cap) {
    }

    MeasureDraft draft(Measure m) {
        String text = m.text();
        String h = ChineseNumbers.toHalfWidth(text);
        List<Grant> grants = locate(m, h);
        List<OpenQuestion> questions = new ArrayList<>();
        if (grants.stream().noneMatch(g -> !g.cap())) {
            return withoutMoney(m, text, h);
        }
        Optional<Grant> notPaid = grants.stream().filter(g -> !g.cap() && NOT_A_PAYMENT.matcher(g.clause()).find()).findFirst();
        if (notPaid.isPresent() && grants.stream().allMatch(g -> g.cap() || NOT_A_PAYMENT.matcher(g.clause()).find())) {
            Grant g = notPaid.get();
            return new MeasureDraft(m.number(), text, Category.NOT_ENCODABLE,
                    "“" + literal(g.amount()) + "”是" + NOT_A_PAYMENT.matcher(g.clause()).results().findFirst().orElseThrow().group()
                            + "的比例或额度，不是付给企业的钱", List.of(),
                    List.of(new OpenQuestion(OpenQuestion.Topic.CATEGORY, text.substring(g.start(), g.end()), g.start(), g.end(),
                            "这是给企业的一项权利或资格（仅资格规则），还是无法编码？")),
                    List.of(Category.ELIGIBILITY_ONLY));
        }
        Matcher elsewhere = ELSEWHERE.matcher(h);
        List<Sentence> sentences = Sentence.split(h);
        List<DraftRule> rules = new ArrayList<>();
        List<Sentence> granting = sentences.stream()
                .filter(s -> grants.stream().anyMatch(g -> !g.cap() && s.contains(g.start())))
                .flatMap(s -> segments(h, s, grants).stream()).toList();
        boolean allNotEnterprise = granting.stream().allMatch(s -> NOT_ENTERPRISE.matcher(h.substring(s.start(), s.end())).find());
        if (allNotEnterprise) {
            return new MeasureDraft(m.number(), text, Category.NOT_ENCODABLE,
                    "给付对象不是企业（" + NOT_ENTERPRISE.matcher(h).results().map(r -> r.group()).findFirst().orElse("") + "）",
                    List.of(), List.of(), List.of());
        }
        if (elsewhere.find() && granting.size() == 1 && grants.stream().filter(g -> !g.cap()).count() > 0
                && elsewhere.start() < granting.get(0).start()) {
            questions.add(new OpenQuestion(OpenQuestion.Topic.CATEGORY, text.substring(elsewhere.start(), elsewhere.end()), elsewhere.start(), elsewhere.end(),
                    "条文引用了库外的政策或规定，其条件和标准不在本文中：请确认下面的草稿是否完整，或改为“无法编码”"));
        }
        int part = 0;
        for (Sentence s : granting) {
            part++;
            String id = docId + "/" + m.number() + (granting.size() > 1 ? "-" + part : "");
            List<Grant> own = grants.stream().filter(g -> s.contains(g.start())).toList();
            List<Grant> caps = new ArrayList<>(own.stream().filter(Grant::cap).toList());
            if (part == granting.size()) {
                // a cap in a later sentence of its own ("单家企业最高不超过20万元。") belongs to the last grant
                grants.stream().filter(g -> g.cap() && granting.stream().noneMatch(x -> x.contains(g.start())))
                        .forEach(caps::add);
            }
            rules.add(rule(id, m, text, h, s, own.stream().filter(g -> !g.cap()).toList(), caps, questions));
        }
        String reason = "条文写明了" + grants.stream().filter(g -> !g.cap()).map(g -> literal(g.amount()))
                .distinct().collect(Collectors.joining("、")) + "的给付标准";
        return new MeasureDraft(m.number(), text, Category.COMPUTABLE, reason, rules, questions, List.of());
    }

    /**
     * Splits a sentence that grants different amounts in different clauses ("给予A企业每家30万元奖励，给予B企业每家
     * 20万元奖励") into one segment per grant, each ending with its grant's clause; the last takes the rest.
     * Different amounts within one clause ("分别给予10万元、20万元") stay together (and become a question).
     */
    private static List<Sentence> segments(String h, Sentence s, List<Grant> grants) {
        List<Grant> own = grants.stream().filter(g -> !g.cap() && s.contains(g.start())).toList();
        List<Sentence> out = new ArrayList<>();
        int from = s.start();
        int lastClause = -1;
        for (int i = 0; i < own.size() - 1; i++) {
            Grant g = own.get(i);
            int clauseEnd = Sentence.clauseEnd(h, g.end(), s.end());
            int nextStart = Sentence.clauseStart(h, s.start(), own.get(i + 1).start());
            if (clauseEnd < nextStart && clauseEnd != lastClause
                    && !literal(g.amount()).equals(literal(own.get(i + 1).amount()))) {
                out.add(new Sentence(from, clauseEnd));
                from = clauseEnd + 1;
                lastClause = clauseEnd;
            }
        }
        out.add(new Sentence(from, s.end()));
        return out;
    }

    /**
     * A measure that grants no money: a work target when the parser found quantitative targets; otherwise
     * 无法编码, asking whether it is a work deployment for supervision or grants a right (仅资格) when the wording
     * suggests either.
     */
    private MeasureDraft withoutMoney(Measure m, String text, String h) {
        if (!m.targets().isEmpty()) {
            String what = m.targets().stream().map(t -> t.text()).distinct().collect(Collectors.joining("；"));
            return new MeasureDraft(m.number(), text, Category.TARGET, "工作目标：" + what + "，转督查", List.of(),
                    List.of(), List.of());
        }
        List<OpenQuestion> questions = new ArrayList<>();
        List<Category> alternatives = new ArrayList<>();
        Matcher right = RIGHT_WORDS.matcher(h);
        if (right.find()) {
            alternatives.add(Category.ELIGIBILITY_ONLY);
            questions.add(new OpenQuestion(OpenQuestion.Topic.CATEGORY, text.substring(right.start(), right.end()),
                    right.start(), right.end(), "“" + text.substring(right.start(), right.end())
                    + "”：是否给企业一项可判断的权利或资格（仅资格规则）？若是，请写明适用条件"));
        }
        Matcher task = TASK_WORDS.matcher(h);
        if (task.find() && !m.allUnits().isEmpty()) {
            alternatives.add(Category.TARGET);
            questions.add(new OpenQuestion(OpenQuestion.Topic.CATEGORY, text.substring(task.start(), task.end()),
                    task.start(), task.end(), "没有量化目标的工作部署（“" + text.substring(task.start(), task.end())
                    + "”，责任单位：" + String.join("、", m.allUnits()) + "）：是否转督查（目标）？"));
        }
        return new MeasureDraft(m.number(), text, Category.NOT_ENCODABLE,
                "条文没有写明企业可享的金额、比例或标准，也没有量化目标", List.of(), questions, alternatives);
    }

    // ------------------------------------------------------------------ granted quantities

    /** Finds each of the parser's amounts in the text: its clause, then the quantity in it with the same value. */
    private List<Grant> locate(Measure m, String h) {
        StringBuilder compact = new StringBuilder();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < h.length(); i++) {
            if (!Character.isWhitespace(h.charAt(i))) {
                compact.append(h.charAt(i));
                at.add(i);
            }
        }
        List<Grant> out = new ArrayList<>();
        for (Amount a : m.amounts()) {
            String clause = ChineseNumbers.toHalfWidth(a.text()).replaceAll("\\s+", "");
            int c = compact.indexOf(clause);
            if (c < 0 || clause.isEmpty()) {
                continue;
            }
            int from = at.get(c);
            int to = at.get(c + clause.length() - 1) + 1;
            Matcher q = MONEY.matcher(h).region(from, to);
            while (q.find()) {
                Optional<Quantity> v = ChineseNumbers.parseQuantity(q.group().replaceAll("\\s+", ""));
                if (v.isPresent() && v.get().value().compareTo(a.value()) == 0) {
                    int qs = q.start();
                    if (out.stream().anyMatch(g -> g.start() == qs)) {
                        continue;
                    }
                    String clauseText = h.substring(from, to);
                    boolean cap = (a.unit().equals("元") || a.unit().equals("美元"))
                            && CAP_WORDS.matcher(h.substring(from, qs)).find();
                    out.add(new Grant(a, qs, q.end(), clauseText, cap));
                    break;
                }
            }
        }
        // a cap the parser did not report as an amount ("每家企业不超过10万元")
        Matcher cap = CAP_CLAUSE.matcher(h);
        while (cap.find()) {
            int qs = cap.start(1);
            if (out.stream().noneMatch(g -> g.start() <= qs && qs < g.end())) {
                Optional<Quantity> v = ChineseNumbers.parseQuantity(cap.group(1).replaceAll("\\s+", ""));
                if (v.isPresent() && v.get().unit().equals("元")) {
                    out.add(new Grant(new Amount(cap.group().strip(), v.get().value(), "元"), qs, cap.end(1), cap.group(), true));
                }
            }
        }
        out.sort(Comparator.comparingInt(Grant::start));
        return out;
    }

    // ------------------------------------------------------------------ one rule

    private DraftRule rule(String id, Measure m, String text, String h, Sentence s, List<Grant> grants, List<Grant> caps,
                           List<OpenQuestion> questions) {
        String sentence = h.substring(s.start(), s.end());
        List<PeriodPhrase> periods = PeriodPhrase.all(h.substring(0, s.end()), year).stream()
                .filter(p -> p.start() >= s.start()).toList();
        Map<String, DraftParameter> params = new LinkedHashMap<>();
        List<DraftCondition> conditions = new ArrayList<>();
        Map<String, String> indicatorBases = new LinkedHashMap<>();   // indicator id → base expression with period
        int grantClause = Sentence.clauseStart(h, s.start(), grants.get(0).start());
        ConditionReader reader = new ConditionReader(vocabulary, year);
        reader.conditions(text, h, s.start(), grantClause, periods, params, conditions, indicatorBases, questions);
        reader.subjectsInGrantClause(text, h, grantClause, grants.get(0).start(), conditions);
        ConditionReader.alternativesJoined(h, conditions);
        ConditionReader.tiers(text, h, s, params, conditions, questions);

        String amount = null;
        List<Grant> distinct = new ArrayList<>();
        for (Grant g : grants) {
            if (distinct.stream().noneMatch(d -> literal(d.amount()).equals(literal(g.amount())))) {
                distinct.add(g);
            }
        }
        if (distinct.size() > 1) {
            int n = 0;
            for (Grant g : distinct) {
                DraftValues.put(params, kindName(g) + "_" + (++n), literal(g.amount()), quote(text, h, g), label(g));
            }
            questions.add(new OpenQuestion(OpenQuestion.Topic.AMOUNT, text.substring(s.start(), s.end()), s.start(), s.end(),
                    "本句有多个给付标准（" + distinct.stream().map(g -> literal(g.amount())).collect(Collectors.joining("、"))
                            + "），是分档、分段还是分别适用于不同对象？请拆成多条规则并写明各自的条件和金额"));
        } else {
            Grant g = distinct.get(0);
            amount = amount(id, text, h, s, g, periods, params, indicatorBases, questions);
        }
        String cap = null;
        if (!caps.isEmpty()) {
            Grant c = caps.get(0);
            DraftValues.put(params, "cap", literal(c.amount()), quote(text, h, c), "上限");
            cap = "cap";
            if (caps.size() > 1) {
                questions.add(new OpenQuestion(OpenQuestion.Topic.CAP, text.substring(caps.get(1).start(), caps.get(1).end()), caps.get(1).start(),
                        caps.get(1).end(), "有多个上限：这个上限对哪些规则合计适用（共享上限 caps）？"));
            }
        }
        String delivery = "申请";
        String deliveryQuote = null;
        Matcher na = APPLIED_DIRECTLY.matcher(h);
        if (na.find()) {
            delivery = "免申即享";
            deliveryQuote = text.substring(na.start(), na.end());
        } else if (questions.stream().noneMatch(x -> x.topic() == OpenQuestion.Topic.DELIVERY)) {
            questions.add(new OpenQuestion(OpenQuestion.Topic.DELIVERY, null, -1, -1,
                    "条文未写明兑现方式：草稿按“申请”，是否免申即享？"));
        }
        String payerLevel = null;
        String payerDept = null;
        if (amount != null || !params.isEmpty()) {
            Matcher company = COMPANY_PAYER.matcher(sentence);
            Optional<PayerReader.Payer> payer = company.find()
                    ? Optional.of(new PayerReader.Payer("企业", company.group(1), company.group(1), false))
                    : PayerReader.of(m, sentence, h);
            if (payer.isPresent()) {
                payerLevel = payer.get().level();
                payerDept = payer.get().department();
                if (payer.get().firstOfSeveral()) {
                    questions.add(new OpenQuestion(OpenQuestion.Topic.PAYER, payerDept, -1, -1,
                            "未写明出资部门：草稿取第一个责任单位“" + payerDept + "”，请确认由哪个部门出资"));
                }
            } else {
                questions.add(new OpenQuestion(OpenQuestion.Topic.PAYER, text.substring(s.start(), s.end()), s.start(), s.end(),
                        "付款方未写明：由哪一级（省级/市级/区级/县级）哪个部门出资？"));
            }
        }
        String kind = REDUCTION.matcher(sentence).find() && !sentence.contains("奖励") ? "减免" : "奖补";
        return new DraftRule(id, m.number(), m.title() == null ? "第" + m.number() + "条" : trimTitle(m.title()),
                quoteOfSentence(text, h, s), kind, delivery, deliveryQuote, payerLevel, payerDept,
                List.copyOf(params.values()), conditions, amount, cap);
    }

    private String amount(String id, String text, String h, Sentence s, Grant g, List<PeriodPhrase> periods,
                          Map<String, DraftParameter> params, Map<String, String> indicatorBases,
                          List<OpenQuestion> questions) {
        String unit = perEnterprise(g.amount().unit());
        String lit = literal(g.amount());
        String q = quote(text, h, g);
        int cs = Sentence.clauseStart(h, s.start(), g.start());
        if (unit.equals("元") || unit.equals("美元")) {
            DraftValues.put(params, "award", lit, q, "奖补金额");
            return "award";
        }
        if (unit.startsWith("元/")) {
            String per = unit.substring(2);
            if (!RATE_DENOMINATORS.contains(per)) {
                questions.add(new OpenQuestion(OpenQuestion.Topic.AMOUNT, q, g.start(), g.end(), "标准“" + lit + "”的计量单位“" + per + "”规则语言不支持：请改写"));
                return null;
            }
            DraftValues.put(params, "rate", lit, q, "给付标准");
            Optional<String> base = base(h, s.start(), g.start(), per, periods, indicatorBases);
            if (base.isEmpty()) {
                questions.add(new OpenQuestion(OpenQuestion.Topic.AMOUNT, q, g.start(), g.end(),
                        "按“" + lit + "”计算：数量（每" + per + "）从哪个指标、哪个期间取？"));
                return null;
            }
            return base.get() + " * rate";
        }
        if (unit.equals("%")) {
            DraftValues.put(params, "ratio", lit, q, "给付比例");
            Optional<String> base = base(h, s.start(), g.start(), "元", periods, indicatorBases);
            if (base.isEmpty()) {
                questions.add(new OpenQuestion(OpenQuestion.Topic.AMOUNT, q, g.start(), g.end(), "比例“" + lit + "”以什么金额为基数（哪个指标、哪个期间）？"));
                return null;
            }
            return base.get() + " * ratio";
        }
        questions.add(new OpenQuestion(OpenQuestion.Topic.AMOUNT, q, g.start(), g.end(), "“" + lit + "”不是金额、比例或单价：请写明金额表达式"));
        return null;
    }

    /**
     * The quantity a rate or ratio applies to: an indicator in the unit {@code per} named between {@code from} and
     * {@code to} ("按实际用电量给予…", "按增量用电量每千瓦时…"), read for the period of a threshold on it or the
     * governing period phrase; else the base of a threshold condition in that unit.
     */
    private Optional<String> base(String h, int from, int to, String per, List<PeriodPhrase> periods,
                                  Map<String, String> indicatorBases) {
        String region = h.substring(from, to);
        List<Vocabulary.Hit> hits = vocabulary.find(region);
        for (int i = hits.size() - 1; i >= 0; i--) {
            Vocabulary.Hit hit = hits.get(i);
            for (String idName : hit.ids()) {
                Optional<IndicatorCatalog.Indicator> ind = catalog.indicator(idName);
                if (ind.isEmpty() || !DraftValues.sameUnit(ind.get().unit(), per)) {
                    continue;
                }
                String known = indicatorBases.get(idName);
                String increase = region.substring(Math.max(0, hit.start() - 4), hit.start());
                boolean incr = INCREASE.matcher(increase).find();
                Optional<PeriodPhrase> p = known != null ? Optional.empty()
                        : PeriodPhrase.governing(periods, from + hit.start(), Sentence.clauseEnd(h, from + hit.end(), to));
                String read;
                if (known != null) {
                    // a rate per unit applies to the quantity itself, whatever the threshold was on (日均, 增量)
                    read = known.replaceAll("^(?:yoy_increase|yoy_growth|daily_avg)\\((.*)\\)$", "$1");
                } else if (p.isPresent() && DraftValues.fits(ind.get(), p.get())) {
                    read = idName + "[" + p.get().literal() + "]";
                } else {
                    return Optional.empty();
                }
                return Optional.of(incr ? "yoy_increase(" + read + ")" : read);
            }
        }
        for (Map.Entry<String, String> e : indicatorBases.entrySet()) {
            if (DraftValues.sameUnit(catalog.indicator(e.getKey()).orElseThrow().unit(), per) && !e.getValue().startsWith("yoy_growth")) {
                return Optional.of(e.getValue().replaceAll("^daily_avg\\((.*)\\)$", "$1"));
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ helpers

    static String literal(Amount a) {
        BigDecimal v = a.value().stripTrailingZeros();
        String unit = perEnterprise(a.unit());
        if (unit.equals("元") || unit.equals("美元")) {
            if (v.compareTo(BigDecimal.valueOf(10_000)) >= 0 && v.remainder(BigDecimal.valueOf(100)).signum() == 0) {
                return v.movePointLeft(4).stripTrailingZeros().toPlainString() + "万" + unit;
            }
        }
        return v.toPlainString() + unit;
    }

    /** "每家 30 万元" is a fixed award to each enterprise, not a rate per enterprise counted. */
    private static String perEnterprise(String unit) {
        return unit.equals("元/家") || unit.equals("元/户") ? "元" : unit;
    }

    private static String kindName(Grant g) {
        String u = perEnterprise(g.amount().unit());
        return u.startsWith("元/") ? "rate" : u.equals("%") ? "ratio" : "award";
    }

    private static String label(Grant g) {
        String u = perEnterprise(g.amount().unit());
        return u.startsWith("元/") ? "给付标准" : u.equals("%") ? "给付比例" : "奖补金额";
    }

    /** The clause holding a granted quantity, verbatim. */
    private static String quote(String text, String h, Grant g) {
        int cs = Sentence.clauseStart(h, 0, g.start());
        int ce = Sentence.clauseEnd(h, g.end(), h.length());
        for (char end : new char[] {'。', ';'}) {
            int stop = h.indexOf(end, g.end());
            if (stop >= 0 && stop < ce) {
                ce = stop;
            }
        }
        return text.substring(cs, ce).strip();
    }

    private static final Pattern ANNOTATION = Pattern.compile("\\((?:牵头|责任|配合|主办)[^)]*\\)\\s*$");

    private static String quoteOfSentence(String text, String h, Sentence s) {
        String part = h.substring(s.start(), s.end());
        Matcher a = ANNOTATION.matcher(part);
        int end = a.find() ? s.start() + a.start() : s.end();
        return text.substring(s.start(), end).strip();
    }

    private static String trimTitle(String title) {
        String t = title.replaceAll("[。.;；]+$", "");
        return t.length() > 40 ? t.substring(0, 40) : t;
    }
}
