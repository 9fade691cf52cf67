package huiqi.web.batch;

import huiqi.batch.budget.Budget;
import huiqi.batch.whatif.Overlay;
import huiqi.quantity.Expectation;
import huiqi.quantity.QuantityText;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.Parameter;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.web.rules.RuleBook;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** Checks a run request against the rule book before anything is queued; all problems at once, in Chinese. */
@Component
class BatchRunValidator {
    /** batch_run.budget_amount is numeric(18, 2): 16 integer digits, to the fen. */
    private static final Expectation BUDGET = Expectation.money("预算金额").withDigits(16, 2);

    private final RuleBook book;

    BatchRunValidator(RuleBook book) {
        this.book = book;
    }

    BatchRunSpec validate(BatchRunRequest req) {
        List<String> problems = new ArrayList<>();
        String docId = blank(req.docId()) || "all".equals(req.docId().trim()) || "全部".equals(req.docId().trim())
                ? null : req.docId().trim();
        List<RuleFile> files = book.files();
        if (docId != null) {
            files = book.fileOf(docId).map(List::of).orElse(List.of());
            if (files.isEmpty()) {
                problems.add("没有文件 '" + docId + "' 的规则（可选：全部，或 " + String.join("、", docIds()) + "）");
            }
        }
        LocalDate asOf = null;
        if (!blank(req.asOf())) {
            try {
                asOf = LocalDate.parse(req.asOf().trim());
                if (asOf.getYear() < 2000 || asOf.getYear() > 2100) {
                    problems.add("评估日期应在 2000 年至 2100 年之间，实为 " + asOf);
                    asOf = null;
                }
            } catch (DateTimeException e) {
                problems.add("评估日期应为 2024-03-01 这样的日期，实为 '" + req.asOf().trim() + "'");
            }
        }
        List<String> lines = new ArrayList<>();
        Map<String, Overrides.Override> values = new LinkedHashMap<>();
        Map<String, Parameter> declared = Evaluator.parameters(files);
        Map<String, WhatIfRange> ranges = WhatIfRange.of(files, declared);
        if (req.overrides() != null) {
            req.overrides().forEach((name, value) -> {
                String n = name == null ? "" : name.trim();
                String v = value == null ? "" : value.trim();
                if (n.isEmpty()) {
                    problems.add("试算参数缺少参数全名（应写成 参数全名=值，如 fz-2024-2/7.rate=0.03元/千瓦时）");
                    return;
                }
                if (v.isEmpty()) {
                    problems.add("试算参数 " + n + " 缺少值");
                    return;
                }
                Parameter p = declared.get(n);
                if (p == null) {
                    problems.add("未知参数 '" + n + "'" + (docId == null ? "" : "（文件 " + docId + " 中没有）")
                            + "：参数全名形如 fz-2024-2/7.rate，可用的参数见表");
                    return;
                }
                Overrides.Override o;
                try {
                    o = Overlay.parse(List.of(n + "=" + v)).overrides().values().get(n);
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                    return;
                }
                if (!p.unit().equals(o.unit())) {
                    problems.add("参数 " + n + " 的单位应为 " + unit(p) + "，实为 " + (o.unit().isNone() ? "无单位" : o.unit().describe())
                            + "（'" + v + "'）");
                    return;
                }
                if (o.value().signum() < 0) {
                    problems.add("参数 " + n + " 不能为负：'" + v + "'");
                    return;
                }
                WhatIfRange range = ranges.get(n);
                if (range != null && !range.contains(o.value())) {
                    problems.add("参数 " + n + "（" + p.displayName() + "）的试算值应在 " + range.describe(p.unit())
                            + " 之间（" + (range.ratio() ? "比例" : "现值的 " + WhatIfRange.FACTOR + " 倍以内") + "），实为 '" + v + "'");
                    return;
                }
                values.put(n, o);
                lines.add(n + "=" + v);
            });
        }
        BatchRunSpec.BudgetSpec budget = null;
        BatchRunRequest.BudgetRequest b = req.budget();
        if (b != null && !blank(b.amount())) {
            BigDecimal amount = money(b.amount().trim(), problems);
            Budget.Policy policy = blank(b.method()) ? Budget.Policy.PRO_RATA : Budget.Policy.parse(b.method()).orElse(null);
            if (policy == null) {
                problems.add("预算分配办法应为 pro-rata（按比例）或 first-come（先到先得），实为 '" + b.method().trim() + "'");
            }
            String payer = blank(b.payer()) ? null : b.payer().trim();
            List<String> payers = payers(files);
            if (payer == null) {
                problems.add("请选择预算的付款方（" + String.join("、", payers) + "）");
            } else if (!payers.contains(payer)) {
                problems.add("所选文件中没有付款方为 '" + payer + "' 的计算金额的规则（可选：" + String.join("、", payers) + "）");
            }
            if (amount != null && policy != null && payer != null) {
                budget = new BatchRunSpec.BudgetSpec(payer, amount, policy);
            }
        } else if (b != null && (!blank(b.payer()) && blank(b.amount()))) {
            problems.add("已选择预算付款方，但未填写预算金额");
        }
        if (!problems.isEmpty()) {
            throw new BatchInputException(problems);
        }
        return new BatchRunSpec(docId, asOf, lines, new Overlay(String.join("，", lines), new Overrides(values)), budget);
    }

    private static BigDecimal money(String text, List<String> problems) {
        try {
            return QuantityText.yuan(text, BUDGET).setScale(2);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static String unit(Parameter p) {
        return p.unit().isNone() ? "无单位（如 0.5 或 50%）" : p.unit().describe();
    }

    List<String> docIds() {
        return book.files().stream().map(RuleFile::docId).toList();
    }

    /** Payers of the amount rules (CNY) in these files: who a budget can be for. */
    static List<String> payers(List<RuleFile> files) {
        TreeSet<String> out = new TreeSet<>();
        for (RuleFile f : files) {
            for (Rule r : f.rules()) {
                if (r.computable() && "CNY".equals(r.currency())) {
                    r.payers().forEach(p -> out.add(p.label()));
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
