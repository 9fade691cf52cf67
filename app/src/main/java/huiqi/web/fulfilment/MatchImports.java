package huiqi.web.fulfilment;

import huiqi.fulfilment.Actor;
import huiqi.fulfilment.ActorRole;
import huiqi.fulfilment.CaseKey;
import huiqi.fulfilment.Match;
import huiqi.fulfilment.TransitionRefused;
import huiqi.fulfilment.TransitionRefused.Reason;
import huiqi.web.enterprise.PgEnterpriseStore;
import huiqi.web.rules.RuleBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * POST /api/v1/fulfilment/matches: an imported match run (e.g. the batch module's output) is only a claim.
 * Every row must be well formed, name a published rule and an enterprise in the database, and equal what the
 * rules engine computes for that enterprise and rule now: same payer, period, delivery and amount to the fen.
 * An officer may import only matches of its own unit. Then the engine's own matches (never the imported
 * values) are synchronised, for the imported enterprises only (and the officer's unit only), so an import can
 * neither invent money nor withdraw anybody else's cases.
 */
@Component
class MatchImports {
    static final int MAX_MATCHES = 10_000;
    private static final int MAX_PROBLEMS = 20;
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,16}(\\.\\d{1,2})?");
    private static final Pattern USCC = Pattern.compile("[0-9A-Z]{18}");

    private final RuleBook book;
    private final MatchSource engine;
    private final MatchSync sync;
    private final PgEnterpriseStore enterprises;

    MatchImports(RuleBook book, MatchSource engine, MatchSync sync, PgEnterpriseStore enterprises) {
        this.book = book;
        this.enterprises = enterprises;
        this.engine = engine;
        this.sync = sync;
    }

    /** One imported match as sent; the amount is text so that no number is interpreted before it is bounded. */
    record Row(String ruleId, String title, String uscc, String enterpriseName, String payer, String unit, String period,
               String amount, String delivery, String ruleClass, String explanation) {
    }

    MatchSync.Result importRun(List<Row> rows, Set<String> scope, Actor actor) {
        List<Row> in = rows == null ? List.of() : rows;
        if (in.size() > MAX_MATCHES) {
            throw new TransitionRefused(Reason.INPUT, "一次最多导入 " + MAX_MATCHES + " 条匹配，本次 " + in.size() + " 条");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            wellFormed(i + 1, in.get(i), problems);
        }
        refuseIf(problems);
        Set<String> rules = new LinkedHashSet<>(scope != null ? scope : in.stream().map(Row::ruleId).toList());
        for (String rule : rules) {
            if (rule == null || book.rule(rule).isEmpty()) {
                problems.add("规则「" + rule + "」不存在或未发布");
            }
        }
        refuseIf(problems);
        Set<String> usccs = in.stream().map(Row::uscc).collect(Collectors.toCollection(LinkedHashSet::new));
        MatchSource.Run run = engine.run(usccs);
        Map<CaseKey, Match> computed = run.matches().stream().collect(Collectors.toMap(Match::key, Function.identity(), (a, b) -> a));
        String unit = actor.role() == ActorRole.ADMIN ? null : actor.unit();
        for (int i = 0; i < in.size(); i++) {
            Row r = in.get(i);
            Match m = computed.get(new CaseKey(r.ruleId(), r.uscc(), r.period(), r.payer()));
            String where = "第 " + (i + 1) + " 条（" + r.ruleId() + "，" + r.uscc() + "）：";
            if (m == null) {
                problems.add(where + (enterprises.contains(r.uscc())
                        ? "规则引擎按当前数据未得出该付款方、该期间的这项利益"
                        : "企业不在企业库中"));
            } else if (new BigDecimal(r.amount()).compareTo(m.amount()) != 0) {
                problems.add(where + "金额 " + r.amount() + " 元与规则引擎按当前数据算出的 " + m.amount().toPlainString() + " 元不符");
            } else if (!deliveryOf(r).equals(deliveryOf(m))) {
                problems.add(where + "兑现方式「" + deliveryOf(r) + "」与规则的「" + deliveryOf(m) + "」不符");
            } else if (unit != null && !unit.equals(m.unit())) {
                throw new TransitionRefused(Reason.NOT_YOURS, where + "该利益由「" + m.unit() + "」办理，「" + unit + "」不能导入");
            }
        }
        refuseIf(problems);
        List<Match> verified = run.matches().stream()
                .filter(m -> usccs.contains(m.uscc()) && rules.contains(m.ruleId()))
                .filter(m -> unit == null || unit.equals(m.unit()))
                .toList();
        return sync.sync(verified, new MatchSync.Scope(rules, usccs, unit), actor, run.explain(), run.parts(), run.versions());
    }

    private static String deliveryOf(Row r) {
        return r.delivery() == null || r.delivery().isBlank() ? "免申即享" : r.delivery();
    }

    private static String deliveryOf(Match m) {
        return m.delivery() == null || m.delivery().isBlank() ? "免申即享" : m.delivery();
    }

    private static void wellFormed(int n, Row r, List<String> problems) {
        String at = "第 " + n + " 条：";
        if (r == null) {
            problems.add(at + "为空");
            return;
        }
        text(at, "规则编号 ruleId", r.ruleId(), 100, problems);
        text(at, "标题 title", r.title(), 300, problems);
        text(at, "付款方 payer", r.payer(), 100, problems);
        text(at, "期间 period", r.period(), 40, problems);
        if (r.uscc() == null || !USCC.matcher(r.uscc()).matches()) {
            problems.add(at + "统一社会信用代码须为 18 位数字或大写字母");
        }
        if (r.amount() == null || r.amount().length() > 20 || !AMOUNT.matcher(r.amount()).matches()) {
            problems.add(at + "金额须为不超过 16 位整数、最多两位小数的正数（元），不接受科学计数法：" + clip(r.amount()));
        } else if (new BigDecimal(r.amount()).signum() <= 0) {
            problems.add(at + "金额须大于 0");
        }
        if (r.delivery() != null && !r.delivery().isBlank() && !List.of("免申即享", "申请").contains(r.delivery())) {
            problems.add(at + "兑现方式须为「免申即享」或「申请」");
        }
    }

    private static void text(String at, String field, String value, int max, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(at + "缺少" + field);
        } else if (value.length() > max) {
            problems.add(at + field + "不能超过 " + max + " 个字符");
        }
    }

    private static String clip(String s) {
        return s == null ? "（空）" : s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }

    private static void refuseIf(List<String> problems) {
        if (!problems.isEmpty()) {
            String shown = problems.stream().limit(MAX_PROBLEMS).collect(Collectors.joining("；"));
            throw new TransitionRefused(Reason.INPUT, "匹配导入被拒绝，未做任何改动：" + shown
                    + (problems.size() > MAX_PROBLEMS ? "；另有 " + (problems.size() - MAX_PROBLEMS) + " 个问题" : ""));
        }
    }
}
