package huiqi.web.batch;

import huiqi.batch.budget.Budget;
import huiqi.batch.budget.BudgetAllocator;
import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.batch.duck.BatchRunner;
import huiqi.batch.pipeline.BatchPipeline;
import huiqi.batch.sql.FactColumn;
import huiqi.batch.whatif.WhatIfReport;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.web.rules.RuleBook;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Starts 批量免申即享 runs and executes them one at a time on a single worker thread (later runs queue):
 * export PostgreSQL → data directory (once per data version, {@link BatchDataCache}), DuckDB load and pivot (or
 * the cached wide table of that directory), evaluate, what-if, budget, store.
 * Progress and stage text go to batch_run as they happen; a failure records its Chinese message.
 */
@Service
public class BatchRunService {
    private static final Logger log = LoggerFactory.getLogger(BatchRunService.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final BatchRunValidator validator;
    private final BatchRunStore runs;
    private final BatchDataCache cache;
    private final BatchResultStore results;
    private final BatchRetention retention;
    private final RuleBook book;
    private final IndicatorCatalog catalog;
    private final BatchDuckSettings duck;
    /** Where DuckDB spills a step that outgrows the memory limit (a sort, a join): under the data directory, not the CWD. */
    private final Path spillDir;
    private final OffsetDateTime processStart = OffsetDateTime.now();
    /** Runs queued or running in this process: a start beyond {@link #maxPending} is refused, not queued. */
    private final AtomicInteger pending = new AtomicInteger();
    private final int maxPending;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        // the web keeps a core while a run computes: DuckDB runs on this thread alone (huiqi.batch.threads = 1), and
        // the thread runs at nice 19, so a request's thread gets the core as soon as it asks (docs/benchmarks.md)
        Thread t = new Thread(() -> {
            log.info("批量线程的 CPU 优先级：nice {}", LowCpuPriority.lowerCurrentThread().stream().boxed().findFirst()
                    .map(String::valueOf).orElse("未知（非 Linux 或无 renice）"));
            r.run();
        }, "huiqi-batch");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    BatchRunService(BatchRunValidator validator, BatchRunStore runs, BatchDataCache cache, BatchResultStore results,
                    BatchRetention retention, RuleBook book, IndicatorCatalog catalog,
                    BatchDuckSettings duck,
                    @Value("${huiqi.batch.max-pending:5}") int maxPending,
                    @Value("${huiqi.batch.spill-dir:${huiqi.data-dir}/batch-spill}") String spillDir) {
        this.maxPending = maxPending;
        this.validator = validator;
        this.runs = runs;
        this.cache = cache;
        this.results = results;
        this.retention = retention;
        this.book = book;
        this.catalog = catalog;
        this.duck = duck;
        this.spillDir = Path.of(spillDir);
    }

    /**
     * Runs left queued or running by a previous process can never finish: mark them 失败（中断）. Only runs
     * created before this process started, so a run started while the platform is still starting up is safe.
     */
    @EventListener
    @Order(0)
    void markInterrupted(ApplicationReadyEvent event) {
        int n = runs.interruptBefore(processStart);
        if (n > 0) {
            log.warn("{} 个批量运行因平台重启而中断，已记为失败", n);
        }
    }

    /** Validates (throws {@link BatchInputException}), records the run as queued and hands it to the worker. */
    public BatchRun start(BatchRunRequest request, String user) {
        BatchRunSpec spec = validator.validate(request);
        if (pending.getAndUpdate(n -> n < maxPending ? n + 1 : n) >= maxPending) {
            throw new BatchInputException(List.of("已有 " + maxPending + " 个批量运行在排队或运行，请等其完成后再启动"));
        }
        // the rule sets in force when the run starts: a version published while it waits or runs changes nothing
        RuleBook.InForce rules = book.inForce(spec.asOf());
        long id;
        try {
            id = runs.create(spec, user);
            runs.ruleVersions(id, rules.describe(spec.docId()));
            worker.submit(() -> {
                try {
                    execute(id, spec, rules);
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            throw e;
        }
        return runs.find(id).orElseThrow();
    }

    /** Throws {@link BatchInputException} listing what is wrong with the request; queues nothing. */
    void validateOnly(BatchRunRequest request) {
        validator.validate(request);
    }

    private void execute(long id, BatchRunSpec spec, RuleBook.InForce rules) {
        Path dir = null;
        try {
            runs.started(id);
            dir = Files.createTempDirectory("huiqi-batch-" + id + "-");
            run(id, spec, rules, dir);
            applyRetention();
        } catch (Throwable e) {
            log.warn("批量运行 {} 失败", id, e);
            runs.failed(id, message(e));
        } finally {
            delete(dir);
        }
    }

    private void run(long id, BatchRunSpec spec, RuleBook.InForce rules, Path dir) throws IOException, SQLException {
        List<RuleFile> files = spec.docId() == null ? rules.files() : rules.files().stream()
                .filter(f -> f.docId().equals(spec.docId())).findFirst().map(List::of).orElseThrow(
                        () -> new IllegalArgumentException("文件 " + spec.docId() + " 的规则已不在规则库中"));
        long t = System.nanoTime();
        runs.progress(id, 2, "核对企业数据版本…");
        // the columns every rule set in force reads, not only this run's: runs of different documents share one export
        Set<FactColumn> read = BatchPipeline.factsRead(catalog, rules.files(), spec.asOf());
        BatchDataCache.Data data = cache.current(read, () -> runs.progress(id, 3, "导出企业档案（PostgreSQL COPY）…"),
                () -> runs.progress(id, 10, "导出规则读到的企业指标数据（PostgreSQL COPY）…"));
        runs.timing(id, "export_ms", ms(t));
        if (data.exported()) {
            log.info("批量运行 {} 导出：{} 户企业、规则读到的 {} 项指标数据（{} 列），{}（{} ms）", id, data.profiles(), data.facts(),
                    read.size(), data.changed() >= 0 ? "只导出有变化的 " + data.changed() + " 户" : "整体导出", ms(t));
        }
        runs.progress(id, 20, data.changed() >= 0
                ? String.format("只导出了自上次导出后有变化的 %,d 户企业（共 %,d 户企业、规则读到的 %,d 项数据）；DuckDB 读入并更新宽表…",
                        data.changed(), data.profiles(), data.facts())
                : String.format(data.exported() ? "已导出 %,d 户企业、规则读到的 %,d 项数据；DuckDB 读入并转置…"
                        : "企业数据自上次导出后未变（%,d 户企业、规则读到的 %,d 项数据），不再导出；DuckDB 读入…", data.profiles(), data.facts()));

        t = System.nanoTime();
        String dataDir = data.dir().toString();
        String cacheDir = cache.wideCache().toString();
        BatchOptions options = new BatchOptions(spec.asOf(), duck.memoryLimit(), duck.threads(),
                m -> runs.stage(id, m.replace(dataDir, "数据目录").replace(cacheDir, "宽表缓存目录")), cache.wideCache())
                .withSpill(spillDir).withDeferredCache();
        try (BatchRunner runner = BatchRunner.open(data.dir(), catalog, files, options)) {
            runs.timing(id, "load_ms", ms(t));
            runs.progress(id, 40, runner.repivoted() >= 0
                    ? String.format("已在上次的宽表上更新 %,d 户有变化的企业（共 %,d 户）；评估规则…", runner.repivoted(), runner.enterprises())
                    : String.format("已读入并转置 %,d 户企业；评估规则…", runner.enterprises()));

            t = System.nanoTime();
            if (runner.compile(Overrides.NONE).rules().isEmpty()) {
                throw new IllegalArgumentException(spec.asOf() == null ? "所选文件没有可评估的规则"
                        : "评估日期 " + spec.asOf() + " 没有有效的规则（所选文件的规则在该日均不在有效期内）");
            }
            BatchResult base = runner.run(Overrides.NONE);
            runs.timing(id, "evaluate_ms", ms(t));
            runs.progress(id, 60, "基准评估完成（" + base.rules().size() + " 条规则）");

            BatchResult result = base;
            WhatIfReport diff = null;
            if (!spec.overlay().isEmpty()) {
                t = System.nanoTime();
                runs.progress(id, 62, "试算：" + spec.overlay().name() + "…");
                // only the rules the changed parameters reach are evaluated again (BatchPipeline.whatIf)
                result = runner.whatIf(base, spec.overlay().overrides());
                diff = runner.compare(spec.overlay().name(), base, result);
                runs.timing(id, "whatif_ms", ms(t));
            }
            runs.progress(id, 70, spec.overlay().isEmpty() ? "无试算" : "试算完成");

            List<BudgetAllocator.Allocation> allocations = List.of();
            if (spec.budget() != null) {
                t = System.nanoTime();
                runs.progress(id, 72, "预算分配…");
                allocations = runner.allocate(result, List.of(budget(spec.budget(), result)));
                runs.timing(id, "budget_ms", ms(t));
            }
            runs.progress(id, 80, "保存结果…");

            results.store(id, runner, base, diff == null ? null : result, diff, allocations, dir,
                    p -> runs.progress(id, p, "保存结果…"));
            keepWideForNextRun(id, runner);
        }
    }

    /**
     * The wide table this run pivoted goes to the cache after its results are saved (the run is done): the next run
     * on the same data reads it instead of pivoting again. The worker stays busy ({@link #busy}) until it is written;
     * a failure only costs the next run a pivot.
     */
    private static void keepWideForNextRun(long id, BatchRunner runner) {
        long t = System.nanoTime();
        try {
            if (runner.storeDeferredWide()) {
                log.info("批量运行 {} 完成后写入宽表缓存（{} ms）", id, ms(t));
            }
        } catch (IOException | SQLException | RuntimeException e) {
            log.warn("批量运行 {} 的宽表未能写入缓存，下次运行将重新转置", id, e);
        }
    }

    /** True while a run is queued or running, or the worker is still finishing one (wide-table cache, retention). */
    public boolean busy() {
        return pending.get() > 0;
    }

    /** A retention failure must not turn the finished run into a failed one: it is retried after the next run. */
    private void applyRetention() {
        try {
            List<Long> pruned = retention.apply();
            if (!pruned.isEmpty()) {
                log.info("按保留设置删除了 {} 个较早批量运行的逐户明细：{}", pruned.size(), pruned);
            }
        } catch (RuntimeException e) {
            log.warn("按保留设置清理较早批量运行的明细失败", e);
        }
    }

    /** The budget covers every CNY amount rule of the result that the payer pays (as payer 1 or 2). */
    private static Budget budget(BatchRunSpec.BudgetSpec b, BatchResult result) {
        List<String> rules = result.compiled().rules().stream()
                .filter(r -> r.amountColumn() != null && "CNY".equals(r.rule().currency()))
                .filter(r -> b.payer().equals(r.payer1()) || b.payer().equals(r.payer2()))
                .map(r -> r.rule().id()).toList();
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("本次评估的规则中没有付款方为 " + b.payer() + " 的金额规则，无法分配预算");
        }
        String id = b.payer() + "预算";
        return new Budget(id, b.payer(), rules, b.amount(), b.policy(), BatchRunSpec.ORDER_COLUMN);
    }

    static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof SQLException) {
            return "运行失败（数据库错误）：" + m;
        }
        if (root instanceof IOException) {
            return "运行失败（读写临时文件出错）：" + m;
        }
        if (root instanceof OutOfMemoryError) {
            return "运行失败：内存不足";
        }
        return "运行失败：" + m;
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            BatchDataCache.delete(dir);
        } catch (IOException e) {
            log.warn("无法删除临时目录 {}", dir);
        }
    }

    /** Rule ids in the scope of a run (for the page's rule filter before results exist). */
    List<Rule> rulesOf(String docId) {
        return docId == null ? book.rules() : book.fileOf(docId).map(RuleFile::rules).orElse(List.of());
    }

    /**
     * Before the database closes (this bean depends on it, so it is destroyed first): runs still queued are dropped
     * (the next start marks them 失败（中断）), the one running may finish its current statement and the retention
     * after it, for at most {@code STOP_WAIT}; it is not interrupted, which would fail its last writes half-way.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        worker.getQueue().clear();
        worker.shutdown();
        if (!worker.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("批量运行在 {} 秒内未结束，平台仍将关闭；该运行在下次启动时记为失败（中断）", STOP_WAIT.toSeconds());
        }
    }
}
