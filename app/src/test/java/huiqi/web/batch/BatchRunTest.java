package huiqi.web.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.app.PlatformTest;
import huiqi.app.WebSession;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.facts.IndicatorCatalog;
import huiqi.rules.Status;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import huiqi.batch.whatif.Overlay;
import huiqi.web.enterprise.PgEnterpriseStore;
import huiqi.web.rules.RuleBook;
import huiqi.web.security.DemoAccounts;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 批量免申即享 end to end on the embedded PostgreSQL over the demo population: totals equal the interpreter's
 * to the fen, what-if and budgets behave exactly, bad input is refused in Chinese, enterprises get 403.
 */
@PlatformTest
class BatchRunTest {
    static final String RULE = "fz-2024-2/7";

    @LocalServerPort
    int port;
    @Autowired
    BatchRunService service;
    @Autowired
    BatchRunStore runs;
    @Autowired
    PgEnterpriseStore store;
    @Autowired
    RuleBook book;
    @Autowired
    IndicatorCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BatchResults results;

    /** Per rule: [eligible, ineligible, undeterminable] counts and the eligible amounts' sum; per payer (CNY). */
    record Expected(Map<String, long[]> counts, Map<String, BigDecimal> totals, Map<String, BigDecimal> payers) {
    }

    Expected interpreter(Overrides overrides) {
        return interpreter(book.files(), overrides);
    }

    Expected interpreter(List<huiqi.rules.file.RuleFile> files, Overrides overrides) {
        Evaluator ev = new Evaluator(catalog);
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> totals = new HashMap<>();
        Map<String, BigDecimal> payers = new HashMap<>();
        for (String uscc : store.usccs()) {
            EnterpriseRecord rec = store.record(uscc).orElseThrow();
            for (RuleResult r : ev.evaluate(files, rec, null, overrides).results()) {
                long[] c = counts.computeIfAbsent(r.ruleId(), k -> new long[3]);
                c[r.status() == Status.ELIGIBLE ? 0 : r.status() == Status.INELIGIBLE ? 1 : 2]++;
                if (r.status() == Status.ELIGIBLE && r.amount() != null) {
                    totals.merge(r.ruleId(), r.amount(), BigDecimal::add);
                    if ("CNY".equals(r.currency())) {
                        r.payers().forEach(p -> payers.merge(p.payer(), p.amount(), BigDecimal::add));
                    }
                }
            }
        }
        return new Expected(counts, totals, payers);
    }

    BatchRun await(long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        List<Integer> seen = new ArrayList<>();
        while (System.currentTimeMillis() < deadline) {
            BatchRun r = runs.find(id).orElseThrow();
            seen.add(r.progress());
            if (r.finished()) {
                assertThat(seen).as("progress never goes back").isSorted();
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("运行 " + id + " 未在 2 分钟内结束");
    }

    static BatchRunRequest request(String doc, Map<String, String> overrides, BatchRunRequest.BudgetRequest budget) {
        return new BatchRunRequest(doc, null, overrides, budget);
    }

    @Test
    void aRunOverTheDemoPopulationEqualsTheInterpreterToTheFen() throws Exception {
        BatchRun started = service.start(request(null, null, null), "admin");
        assertThat(started.status()).isIn(BatchRun.QUEUED, BatchRun.RUNNING);
        BatchRun run = await(started.id());
        assertThat(run.error()).isNull();
        assertThat(run.status()).isEqualTo(BatchRun.DONE);
        assertThat(run.progress()).isEqualTo(100);
        assertThat(run.timings().export()).isNotNull();
        assertThat(run.timings().store()).isNotNull();
        Expected want = interpreter(Overrides.NONE);
        assertThat(run.enterprises()).isEqualTo(store.usccs().size());
        List<BatchRunStore.RuleRow> rules = runs.rules(run.id());
        assertThat(rules).hasSize(book.rules().size()).allMatch(r -> r.variant().equals("base"));
        for (BatchRunStore.RuleRow r : rules) {
            long[] c = want.counts().get(r.ruleId());
            assertThat(new long[] {r.eligible(), r.ineligible(), r.undeterminable()}).as(r.ruleId()).containsExactly(c);
            if (r.total() != null) {
                assertThat(r.total()).as(r.ruleId())
                        .isEqualByComparingTo(want.totals().getOrDefault(r.ruleId(), BigDecimal.ZERO));
            }
        }
        assertThat(rules.stream().mapToLong(BatchRunStore.RuleRow::eligible).sum()).isPositive();
        Map<String, BigDecimal> payers = new HashMap<>();
        runs.payers(run.id()).forEach(p -> payers.put(p.payer(), p.total()));
        assertThat(payers.keySet()).containsAll(want.payers().keySet());
        want.payers().forEach((payer, total) -> assertThat(payers.get(payer)).as(payer).isEqualByComparingTo(total));
        // the stored per-enterprise rows add up to the summaries
        long rows = results.page(run.id(), new ResultFilter(null, null, null), 1, 1).total();
        assertThat(rows).isEqualTo(run.enterprises() * rules.size());
        // PostgreSQL keeps the rows that are not 不符合, exactly those of the run's file
        long ineligible = results.page(run.id(), new ResultFilter(null, "ineligible", null), 1, 1).total();
        long kept = jdbc.sql("select count(*) from batch_result where run_id = ?").param(run.id()).query(Long.class).single();
        assertThat(ineligible).isPositive();
        assertThat(kept).isEqualTo(rows - ineligible);
        assertThat(ineligible).isEqualTo(rules.stream().mapToLong(BatchRunStore.RuleRow::ineligible).sum());
        // the file pages and filters as batch_result did: its eligible rows, in the same order, page by page
        List<String> fromPostgres = jdbc.sql("""
                select uscc || ' ' || rule_id || ' ' || coalesce(amount::text, 'null') from batch_result
                where run_id = ? and status = 'eligible' order by uscc, rule_no""").param(run.id()).query(String.class).list();
        List<String> fromFile = new ArrayList<>();
        ResultFilter eligible = new ResultFilter(null, "eligible", null);
        BatchResults.Page first = results.page(run.id(), eligible, 1, 7);
        for (int p = 1; p <= first.pages(); p++) {
            results.page(run.id(), eligible, p, 7).rows().forEach(r -> fromFile.add(r.uscc() + " " + r.ruleId() + " " + r.amount()));
        }
        assertThat(fromFile).isEqualTo(fromPostgres).isNotEmpty();
        String name = results.page(run.id(), eligible, 1, 1).rows().get(0).name();
        String part = name.substring(name.length() / 2, name.length() / 2 + 2);
        long named = jdbc.sql("select count(*) from batch_result where run_id = ? and status = 'eligible' and name ilike ?")
                .params(run.id(), "%" + part + "%").query(Long.class).single();
        BatchResults.Page search = results.page(run.id(), new ResultFilter(RULE, null, part), 1, 500);
        assertThat(search.rows()).allSatisfy(r -> assertThat(r.ruleId()).isEqualTo(RULE));
        assertThat(results.page(run.id(), new ResultFilter(null, "eligible", part), 1, 1).total()).isEqualTo(named).isPositive();
        assertThat(results.page(run.id(), new ResultFilter(null, null, "%_no_such_%"), 1, 1).total()).isZero();
        BigDecimal rule7 = jdbc.sql("select coalesce(sum(amount), 0) from batch_result where run_id = ? and rule_id = ? and status = 'eligible'")
                .params(run.id(), RULE).query(BigDecimal.class).single();
        assertThat(rule7).isEqualByComparingTo(want.totals().get(RULE)).isPositive();
    }

    @Test
    void aWhatIfRunDiffersExactlyByTheChangedRate() throws Exception {
        Map<String, String> set = Map.of(RULE + ".rate", "0.03元/千瓦时");
        BatchRun run = await(service.start(request("fz-2024-2", set, null), "gongxin").id());
        assertThat(run.status()).as(run.error()).isEqualTo(BatchRun.DONE);
        List<huiqi.rules.file.RuleFile> doc = List.of(book.fileOf("fz-2024-2").orElseThrow());
        Expected base = interpreter(doc, Overrides.NONE);
        Expected variant = interpreter(doc, Overlay.parse(List.of(RULE + ".rate=0.03元/千瓦时")).overrides());
        List<WhatIfRow> diff = WhatIfRow.of(runs.rules(run.id()));
        assertThat(diff).extracting(WhatIfRow::ruleId).contains(RULE, "fz-2024-2/6");
        for (WhatIfRow w : diff) {
            assertThat(w.amountBase()).as(w.ruleId()).isEqualByComparingTo(base.totals().getOrDefault(w.ruleId(), BigDecimal.ZERO));
            assertThat(w.amountVariant()).as(w.ruleId()).isEqualByComparingTo(variant.totals().getOrDefault(w.ruleId(), BigDecimal.ZERO));
            if (!w.ruleId().equals(RULE)) {
                assertThat(w.changed()).as(w.ruleId()).isZero();
                assertThat(w.amountDelta()).isZero();
            }
        }
        WhatIfRow r7 = diff.stream().filter(w -> w.ruleId().equals(RULE)).findFirst().orElseThrow();
        // a higher rate changes no one's eligibility, only amounts: each uncapped amount grows by half
        assertThat(r7.eligibleDelta()).isZero();
        assertThat(r7.amountDelta()).isPositive();
        assertThat(r7.changed()).isPositive();
        List<Map<String, Object>> changed = jdbc.sql("""
                select amount, base_amount from batch_result
                where run_id = ? and rule_id = ? and status = 'eligible'""").params(run.id(), RULE).query().listOfRows();
        assertThat(changed).isNotEmpty();
        BigDecimal cap = new BigDecimal("300000");
        for (Map<String, Object> row : changed) {
            BigDecimal before = (BigDecimal) row.get("base_amount");
            BigDecimal after = (BigDecimal) row.get("amount");
            BigDecimal expected = before.compareTo(cap) >= 0 ? cap
                    : before.multiply(new BigDecimal("1.5")).min(cap);
            // the baseline is rounded to the fen: kWh × 0.02 has at most 2 decimals, so ×1.5 is exact to the fen
            assertThat(after).isEqualByComparingTo(expected.setScale(2, java.math.RoundingMode.HALF_UP));
        }
    }

    @Test
    void aBudgetIsAllocatedToTheFen() throws Exception {
        BigDecimal budget = new BigDecimal("12345.67");
        // started back to back: one worker, so the second queues until the first is done
        List<Long> ids = new ArrayList<>();
        for (String method : List.of("pro-rata", "first-come")) {
            ids.add(service.start(request("fz-2024-2", null,
                    new BatchRunRequest.BudgetRequest("市级·市财政局", "12345.67", method)), "caizheng").id());
        }
        List<BatchRun> done = new ArrayList<>();
        for (long id : ids) {
            done.add(await(id));
        }
        assertThat(done.get(1).startedAt()).isAfterOrEqualTo(done.get(0).finishedAt());
        for (BatchRun run : done) {
            String method = run.budgetMethod();
            assertThat(run.status()).as(run.error()).isEqualTo(BatchRun.DONE);
            List<BatchRunStore.BudgetRow> b = runs.budgets(run.id());
            assertThat(b).hasSize(1);
            assertThat(b.get(0).oversubscribed()).isTrue();
            assertThat(b.get(0).allocated()).isEqualByComparingTo(budget);
            assertThat(b.get(0).allocated().add(b.get(0).shortfall())).isEqualByComparingTo(b.get(0).claimed());
            BigDecimal allocated = jdbc.sql("select sum(allocated) from batch_result where run_id = ?").param(run.id())
                    .query(BigDecimal.class).single();
            assertThat(allocated).as(method).isEqualByComparingTo(budget);
            long over = jdbc.sql("select count(*) from batch_result where run_id = ? and allocated > payer_amount + coalesce(payer2_amount, 0)")
                    .param(run.id()).query(Long.class).single();
            assertThat(over).isZero();
        }
    }

    @Test
    void invalidInputsAreRejectedWithChineseMessages() {
        assertThatThrownBy(() -> service.start(new BatchRunRequest("nope", "2024-13-01",
                Map.of("fz-2024-2/7.nope", "1元", "fz-2024-2/7.rate", "0.03元"),
                new BatchRunRequest.BudgetRequest("市级·市财政局", "-5", "pro-rata")), "admin"))
                .isInstanceOfSatisfying(BatchInputException.class, e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("没有文件 'nope'"))
                        .anySatisfy(p -> assertThat(p).contains("评估日期应为"))
                        .anySatisfy(p -> assertThat(p).contains("未知参数 'fz-2024-2/7.nope'"))
                        .anySatisfy(p -> assertThat(p).contains("不能为负")));
        assertThatThrownBy(() -> service.start(new BatchRunRequest("fz-2024-2", null, Map.of("fz-2024-2/7.rate", "0.03元"),
                new BatchRunRequest.BudgetRequest("市级·不存在", "1万元", "lottery")), "admin"))
                .isInstanceOfSatisfying(BatchInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("单位应为 元/千瓦时"))
                        .anySatisfy(p -> assertThat(p).contains("分配办法应为"))
                        .anySatisfy(p -> assertThat(p).contains("没有付款方为 '市级·不存在'")));
        assertThatThrownBy(() -> service.start(new BatchRunRequest(null, null, null,
                new BatchRunRequest.BudgetRequest("市级·市财政局", "1.234", null)), "admin"))
                .hasMessageContaining("最多到分");
        // over the API: 400 with the problems listed
        HttpResponse<String> r = api("gongxin", "POST", "/api/v1/batch-runs",
                "{\"docId\":\"fz-2024-2\",\"asOf\":\"明天\",\"overrides\":{\"fz-2024-2/7.rate\":\"很多\"},\"budget\":{\"payer\":\"市级·市财政局\",\"amount\":\"-100\"}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("评估日期应为").contains("fz-2024-2/7.rate").contains("不能为负").contains("problems");
        // over the page: the form comes back with the messages
        WebSession s = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD).csrfFrom("/batch-runs");
        HttpResponse<String> page = s.postForm("/batch-runs", Map.of("docId", "", "asOf", "2024/3/1",
                "overrides", "fz-2024-2/7.rate 0.03\nfz-2024-2/7.cap=10", "budgetAmount", "", "budgetMethod", "pro-rata", "budgetPayer", ""));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("未能发起运行").contains("第 1 行应写成").contains("评估日期应为").contains("单位应为 元");
        assertThat(jdbc.sql("select count(*) from batch_run where started_by = 'gongxin' and status = 'queued'").query(Long.class).single())
                .isZero();
    }

    @Test
    void theApiStartsPollsAndPagesAndEnterprisesGet403() throws Exception {
        HttpResponse<String> r = api("admin", "POST", "/api/v1/batch-runs", "{\"docId\":\"fz-2024-2\",\"asOf\":\"2024-03-01\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(r.headers().firstValue("Location")).isPresent();
        long id = Long.parseLong(r.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        BatchRun run = await(id);
        assertThat(run.status()).as(run.error()).isEqualTo(BatchRun.DONE);
        HttpResponse<String> detail = api("gongxin", "GET", "/api/v1/batch-runs/" + id, null);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("\"progress\":100").contains("\"statusLabel\":\"已完成\"").contains(RULE);
        HttpResponse<String> page = api("gongxin", "GET", "/api/v1/batch-runs/" + id + "/results?rule=" + RULE
                + "&status=eligible&size=5", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"size\":5").contains("\"status\":\"eligible\"").doesNotContain("\"ineligible\"");
        assertThat(api("gongxin", "GET", "/api/v1/batch-runs/" + id + "/results?status=maybe", null).statusCode()).isEqualTo(400);
        assertThat(api("gongxin", "GET", "/api/v1/batch-runs", null).body()).contains("\"id\":" + id);
        assertThat(api("gongxin", "GET", "/api/v1/batch-runs/999999", null).statusCode()).isEqualTo(404);
        // the page and its export
        WebSession s = WebSession.login(port, "gongxin", DemoAccounts.PASSWORD);
        String html = s.get("/batch-runs/" + id).body();
        assertThat(html).contains("已完成").contains("chart-payers").contains("chart-rules").contains("逐户结果");
        assertThat(s.get("/batch-runs/" + id + "/results?status=undeterminable&q=" + "福州").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> xlsx = s.sendBytes("/batch-runs/" + id + "/export.xlsx?rule=" + RULE);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getSheet("汇总").getRow(1).getCell(1).getStringCellValue()).startsWith("fz-2024-2/");
            assertThat(wb.getSheet("结果").getLastRowNum()).isEqualTo(run.enterprises().intValue());
        }
        // enterprise accounts: 403 everywhere
        String enterprise = jdbc.sql("select username from app_user where role = 'ENTERPRISE' order by username limit 1")
                .query(String.class).single();
        assertThat(api(enterprise, "GET", "/api/v1/batch-runs", null).statusCode()).isEqualTo(403);
        assertThat(api(enterprise, "GET", "/api/v1/batch-runs/" + id, null).statusCode()).isEqualTo(403);
        assertThat(api(enterprise, "GET", "/api/v1/batch-runs/" + id + "/results", null).statusCode()).isEqualTo(403);
        assertThat(api(enterprise, "POST", "/api/v1/batch-runs", "{}").statusCode()).isEqualTo(403);
        WebSession e = WebSession.login(port, enterprise, DemoAccounts.PASSWORD);
        assertThat(e.get("/batch-runs").statusCode()).isEqualTo(403);
        assertThat(e.get("/batch-runs/" + id).statusCode()).isEqualTo(403);
    }

    @Test
    void aRunThatCannotBeEvaluatedFailsWithAChineseReason() throws Exception {
        BatchRun run = await(service.start(new BatchRunRequest("fz-2024-2", "2099-01-01", null, null), "admin").id());
        assertThat(run.status()).isEqualTo(BatchRun.FAILED);
        assertThat(run.error()).contains("评估日期 2099-01-01 没有有效的规则");
        assertThat(jdbc.sql("select count(*) from batch_result where run_id = ?").param(run.id()).query(Long.class).single()).isZero();
    }

    @Test
    void runsLeftRunningByAStoppedPlatformAreMarkedInterrupted() {
        long id = jdbc.sql("insert into batch_run (status, progress, stage, started_by) values ('running', 40, '评估', 'admin') returning id")
                .query(Long.class).single();
        assertThat(runs.interruptBefore(java.time.OffsetDateTime.now().plusSeconds(1))).isGreaterThanOrEqualTo(1);
        BatchRun r = runs.find(id).orElseThrow();
        assertThat(r.status()).isEqualTo(BatchRun.FAILED);
        assertThat(r.error()).contains("中断");
    }

    private HttpResponse<String> api(String user, String method, String path, String body) {
        WebSession s = WebSession.anonymous(port);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.base() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return s.send(b.build());
    }
}
