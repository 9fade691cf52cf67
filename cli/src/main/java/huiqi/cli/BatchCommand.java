package huiqi.cli;

import huiqi.batch.budget.Budget;
import huiqi.batch.budget.BudgetAllocator;
import huiqi.batch.budget.BudgetFile;
import huiqi.batch.run.BatchResult;
import huiqi.batch.run.RuleSummary;
import huiqi.batch.pipeline.BatchSession;
import huiqi.batch.whatif.Overlay;
import huiqi.batch.whatif.WhatIfReport;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.eval.Overrides;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** ./huiqi batch: 批量免申即享 — every enterprise × every rule on DuckDB, with what-if and budgets. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"批量免申即享：用 DuckDB 对数据目录中的全部企业评估全部规则（规则编译为 SQL），",
                "每家企业每条规则输出一行（状态、金额、付款方），并按规则、付款方汇总；可做参数试算和预算分配。",
                "格式见 docs/formats.md「批量免申即享（./huiqi batch）」。"})
final class BatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "数据目录：profiles.csv + facts.csv（./huiqi gen 的输出或导入格式）；Spark 引擎也可是 hdfs://、s3a:// 路径")
    String data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "结果文件：.csv、.parquet 或 .xlsx（Spark 引擎：.csv 或 .parquet）")
    String out;

    @Mixin
    EngineOptions engine;

    @Option(names = "--as-of", paramLabel = "DATE", description = "评估日期：只评估有效期包含该日的规则，参数取该日的值")
    String asOf;

    @Mixin
    WhatIfOptions whatIf;

    @Option(names = "--budget", paramLabel = "FILE.yaml", description = "预算文件：付款方对规则（组）的预算与超额时的分配办法")
    Path budget;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "policies", description = "规则目录（默认 policies）")
    Path rules;

    @Option(names = "--sql", paramLabel = "FILE", description = "把编译出的 SQL 写到此文件（便于审阅）")
    Path sqlFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        RuleInputs in = RuleInputs.load(rules, asOf);
        LocalDate date = in.asOf();
        IndicatorCatalog catalog = in.catalog();
        RuleLibrary.Loaded loaded = in.rules();
        Overlay overlay = whatIf.overlay();
        List<Budget> budgets = budget == null ? List.of() : BudgetFile.load(budget);
        long t0 = System.nanoTime();
        try (BatchSession runner = engine.open(data, catalog, loaded.files(), date, m -> {
            err.println("  " + m);
            err.flush();
        })) {
            BatchResult base = runner.run(Overrides.NONE);
            BatchResult result = base;
            WhatIfReport diff = null;
            if (!overlay.isEmpty()) {
                result = runner.whatIf(base, overlay.overrides());
                diff = runner.compare(overlay.name(), base, result);
            }
            if (sqlFile != null) {
                Files.writeString(sqlFile, result.compiled().select() + "\n");
            }
            List<BudgetAllocator.Allocation> allocations = budgets.isEmpty() ? List.of()
                    : runner.allocate(result, budgets);
            runner.write(result, out, !budgets.isEmpty());
            String partsOut = null;
            if (huiqi.batch.run.Summaries.hasParts(result)) { // borne_by: who bears how much, per enterprise and rule
                partsOut = partsFile(out);
                runner.writeParts(result, partsOut);
            }
            printSummary(o, result, overlay);
            if (diff != null) {
                printDiff(o, diff);
            }
            if (!allocations.isEmpty()) {
                printBudgets(o, allocations);
            }
            o.printf("%n%,d 家企业 × %d 条规则；读入与转置 %.1f 秒，评估 %.2f 秒，合计 %.1f 秒。结果：%s%n",
                    result.enterprises(), result.rules().size(), runner.pivotMillis() / 1000.0,
                    result.evaluationMillis() / 1000.0, (System.nanoTime() - t0) / 1e9, out);
            if (partsOut != null) {
                o.printf("逐项付款方拆分（如各出租方减免的金额）：%s%n", partsOut);
            }
        }
        o.flush();
        return 0;
    }

    /** out.csv → out.parts.csv (same format). */
    static String partsFile(String out) {
        int dot = out.lastIndexOf('.');
        int slash = Math.max(out.lastIndexOf('/'), out.lastIndexOf('\\'));
        return dot > slash ? out.substring(0, dot) + ".parts" + out.substring(dot) : out + ".parts";
    }

    private static void printSummary(PrintWriter o, BatchResult r, Overlay overlay) {
        o.println(overlay.isEmpty() ? "按规则汇总：" : "按规则汇总（试算：" + overlay.name() + "）：");
        o.printf("  %-18s %10s %10s %10s %18s  %s%n", "规则", "符合", "无法判断", "不符合", "金额合计", "标题");
        for (RuleSummary s : r.rules()) {
            o.printf("  %-18s %,10d %,10d %,10d %18s  %s%n", s.ruleId(), s.eligible(), s.undeterminable(), s.ineligible(),
                    s.total() == null ? "—" : money(s.total()) + ("USD".equals(s.currency()) ? " 美元" : ""), s.title());
        }
        o.println("按付款方汇总（人民币）：");
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<String, BigDecimal> e : r.byPayer().entrySet()) {
            o.printf("  %-24s %18s%n", e.getKey(), money(e.getValue()));
            total = total.add(e.getValue());
        }
        o.printf("  %-24s %18s%n", "合计", money(total));
    }

    private static void printDiff(PrintWriter o, WhatIfReport d) {
        o.println("试算与基准的差异（" + d.overlay() + "）：");
        o.printf("  %-18s %16s %8s %28s %16s %10s%n", "规则", "符合 基准→试算", "变化", "金额 基准→试算", "金额变化", "结果变化企业");
        for (WhatIfReport.RuleDiff r : d.rules()) {
            o.printf("  %-18s %7d→%-8d %+8d %28s %16s %,10d%n", r.ruleId(), r.eligibleBefore(), r.eligibleAfter(), r.eligibleDelta(),
                    r.amountBefore() == null ? "—" : money(r.amountBefore()) + "→" + money(r.amountAfter()),
                    r.amountDelta() == null ? "—" : signed(r.amountDelta()), r.changed());
        }
        for (WhatIfReport.PayerDiff p : d.payers()) {
            o.printf("  付款方 %-22s %18s → %-18s %s%n", p.payer(), money(p.before()), money(p.after()), signed(p.delta()));
        }
    }

    private static void printBudgets(PrintWriter o, List<BudgetAllocator.Allocation> list) {
        o.println("预算分配：");
        for (BudgetAllocator.Allocation a : list) {
            Budget b = a.budget();
            o.printf("  %s（%s，%s）：预算 %s，申领 %,d 笔共 %s，%s，分配 %s，缺口 %s，足额 %,d 笔%n", b.id(), b.payer(),
                    String.join("、", b.rules()), money(b.amount()), a.claims(), money(a.claimed()),
                    a.oversubscribed() ? (b.policy() == Budget.Policy.PRO_RATA ? "超额，按比例分配" : "超额，按申请时间先到先得")
                            : "预算充足", money(a.allocated()), money(a.shortfall()), a.paidInFull());
        }
    }

    private static String money(BigDecimal v) {
        return String.format("%,.2f", v);
    }

    private static String signed(BigDecimal v) {
        return (v.signum() > 0 ? "+" : "") + money(v);
    }
}
