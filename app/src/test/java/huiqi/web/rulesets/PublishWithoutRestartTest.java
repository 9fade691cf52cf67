package huiqi.web.rulesets;

import static huiqi.web.rulesets.RuleSetFixtures.FZ;
import static huiqi.web.rulesets.RuleSetFixtures.OFFICER;
import static huiqi.web.rulesets.RuleSetFixtures.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.enterprise.Uscc;
import huiqi.app.WebSession;
import huiqi.fulfilment.ActionInput;
import huiqi.fulfilment.Actor;
import huiqi.fulfilment.CaseAction;
import huiqi.web.fulfilment.BudgetRequests;
import huiqi.web.fulfilment.CaseWorkflow;
import huiqi.web.security.DemoAccounts;
import org.springframework.boot.test.web.server.LocalServerPort;
import huiqi.web.batch.BatchRunRequest;
import huiqi.web.batch.BatchRunService;
import huiqi.web.enterprise.EnterpriseImportService;
import huiqi.web.fulfilment.MatchSource;
import huiqi.web.fulfilment.MatchSync;
import huiqi.web.matching.RuleMatching;
import huiqi.web.matching.MatchReport;
import huiqi.web.rules.RuleBook;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Publishing takes effect without a restart: 一企一策 and the rule book serve the new version from its effective
 * date (the day before still gets the old one), a batch run started before keeps the version it started with, and
 * rematch after publishing creates only the difference (补发, and 冲正 when the old text is published again), each
 * case recording the version it came from.
 */
@PlatformTest
class PublishWithoutRestartTest {
    static final String RULE = "fz-2024-2/7";

    @Autowired
    RuleSetService service;
    @Autowired
    RuleBook book;
    @Autowired
    RuleMatching matching;
    @Autowired
    BatchRunService batches;
    @Autowired
    MatchSource source;
    @Autowired
    MatchSync sync;
    @Autowired
    EnterpriseImportService imports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    BudgetRequests budgetRequests;
    @LocalServerPort
    int port;

    /** A failed assertion must not leave 0.03元/千瓦时 in force for the other tests. */
    @org.junit.jupiter.api.AfterEach
    void restoreShippedRules() {
        RuleSetFixtures.restoreShipped(service);
    }

    @Test
    void aPublishedVersionIsUsedAtOnceWhileARunInProgressKeepsItsVersionAndRematchPaysOnlyTheDifference()
            throws Exception {
        String uscc = importEnterpriseWith600000Kwh();
        int old = service.publishedNow(FZ).orElseThrow().version();
        assertThat(amount(uscc)).isEqualByComparingTo("12000.00");
        assertThat(syncCases(uscc).created()).isEqualTo(1);
        assertThat(caseVersions(uscc)).containsExactly(old);
        pay(uscc, "兑现"); // an open case with a new amount is replaced; a paid one gets the difference

        long before = batches.start(new BatchRunRequest(FZ, null, Map.of(), null), "admin").id();

        int n = publish(RuleSetFixtures.threeFen());
        assertThat(book.inForce(null).versions()).containsEntry(FZ, n);
        assertThat(book.inForce(LocalDate.now().minusDays(1)).versions().get(FZ)).as("the day before its effective date")
                .isNotEqualTo(n);
        assertThat(amount(uscc)).as("一企一策 at once, no restart").isEqualByComparingTo("18000.00");
        assertThat(service.find(FZ, old).orElseThrow().state()).isEqualTo(RuleSetState.RETIRED);

        long after = batches.start(new BatchRunRequest(FZ, null, Map.of(), null), "admin").id();
        awaitDone(before);
        awaitDone(after);
        assertThat(batchAmount(before, uscc)).as("started before publishing").isEqualByComparingTo("12000.00");
        assertThat(batchAmount(after, uscc)).isEqualByComparingTo("18000.00");
        assertThat(ruleVersions(before)).isEqualTo(FZ + " 第" + old + "版");
        assertThat(ruleVersions(after)).isEqualTo(FZ + " 第" + n + "版");

        MatchSync.Result topUp = syncCases(uscc);
        assertThat(topUp.topUps()).isEqualTo(1);
        assertThat(topUp.created() + topUp.corrections() + topUp.withdrawn()).isZero();
        assertThat(jdbc.sql("select amount from fulfilment_case where uscc = ? and kind = '补发'").param(uscc)
                .query(BigDecimal.class).single()).isEqualByComparingTo("6000.00");
        assertThat(caseVersions(uscc)).containsExactly(old, n);
        MatchSync.Result again = syncCases(uscc);
        assertThat(again.created() + again.topUps() + again.corrections() + again.withdrawn())
                .as("rematching again changes nothing").isZero();

        pay(uscc, "补发");
        // the shipped text published again: the difference is corrected back, and every other test sees 0.02 again
        int back = publish(RuleSetFixtures.shipped(FZ));
        assertThat(amount(uscc)).isEqualByComparingTo("12000.00");
        MatchSync.Result correction = syncCases(uscc);
        assertThat(correction.corrections()).isEqualTo(1);
        assertThat(jdbc.sql("select amount from fulfilment_case where uscc = ? and kind = '冲正'").param(uscc)
                .query(BigDecimal.class).single()).isEqualByComparingTo("-6000.00");
        assertThat(caseVersions(uscc)).containsExactly(old, n, back);
    }

    private void pay(String uscc, String kind) {
        long id = jdbc.sql("select id from fulfilment_case where uscc = ? and rule_id = ? and kind = ?")
                .params(uscc, RULE, kind).query(Long.class).single();
        WebSession.login(port, "admin", DemoAccounts.PASSWORD).csrfFrom("/fulfilment/budgets")
                .postForm("/fulfilment/budgets", Map.of("payer", "市级·市财政局", "budget", "100000000"));
        // a budget increase needs a second 管理员 (#18)
        for (BudgetRequests.Request r : budgetRequests.pending()) {
            budgetRequests.decide(r.id(), true, "测试批准", Actor.admin("admin-2"));
        }
        workflow.act(id, Actor.admin("admin"), CaseAction.PUSH, ActionInput.none());
        workflow.act(id, Actor.enterprise(uscc, uscc), CaseAction.CONFIRM, ActionInput.confirm("6222020012345678"));
        workflow.act(id, Actor.officer("caizheng", "市财政局"), CaseAction.APPROVE, ActionInput.none());
        workflow.act(id, Actor.finance("guoku", "市财政局"), CaseAction.PAY, ActionInput.none(), "PB-rules");
        assertThat(jdbc.sql("select state from fulfilment_case where id = ?").param(id).query(String.class).single())
                .isEqualTo("已兑现");
    }

    private int publish(String yaml) {
        int n = service.saveDraft(FZ, yaml, 0, OFFICER);
        service.submit(FZ, n, LocalDate.now(), service.find(FZ, n).orElseThrow().lockVersion(), OFFICER);
        service.approve(FZ, n, service.find(FZ, n).orElseThrow().lockVersion(), REVIEWER);
        return n;
    }

    private BigDecimal amount(String uscc) {
        MatchReport report = matching.match(uscc);
        return report.eligible().stream().filter(b -> b.ruleId().equals(RULE)).findFirst().orElseThrow().amount();
    }

    private MatchSync.Result syncCases(String uscc) {
        MatchSource.Run run = source.run(List.of(uscc));
        return sync.sync(run.matches(), new MatchSync.Scope(run.rules(), Set.of(uscc), null), Actor.system(),
                run.explain(), run.versions());
    }

    private List<Integer> caseVersions(String uscc) {
        return jdbc.sql("select rule_version from fulfilment_case where uscc = ? and rule_id = ? order by seq")
                .params(uscc, RULE).query(Integer.class).list();
    }

    private BigDecimal batchAmount(long run, String uscc) {
        return jdbc.sql("select amount from batch_result where run_id = ? and uscc = ? and rule_id = ?")
                .params(run, uscc, RULE).query(BigDecimal.class).single();
    }

    private String ruleVersions(long run) {
        return jdbc.sql("select rule_versions from batch_run where id = ?").param(run).query(String.class).single();
    }

    private void awaitDone(long run) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            String status = jdbc.sql("select status from batch_run where id = ?").param(run).query(String.class).single();
            if (status.equals("done")) {
                return;
            }
            assertThat(status).as("batch run " + run).isNotEqualTo("failed");
            Thread.sleep(100);
        }
        throw new AssertionError("批量运行 " + run + " 未在 2 分钟内结束");
    }

    private String importEnterpriseWith600000Kwh() {
        String uscc = Uscc.generate(new SplittableRandom(System.nanoTime()), "350104");
        var outcome = imports.importUploads(List.of(
                csv("企业档案.csv", "统一社会信用代码,企业名称,行政区划代码,行业代码,企业规模,规模以上工业企业,制造业企业\n"
                        + uscc + ",福州仓山规则发布测试机械有限公司,350104,C3311,中型,是,是\n"),
                csv("事实.csv", "统一社会信用代码,指标,期间,数值,来源\n" + uscc + ",用电量,2024-02,600000,国网福州供电公司\n")),
                "admin");
        assertThat(outcome.problems()).isEmpty();
        return uscc;
    }

    private static MockMultipartFile csv(String name, String content) {
        return new MockMultipartFile("files", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }
}
