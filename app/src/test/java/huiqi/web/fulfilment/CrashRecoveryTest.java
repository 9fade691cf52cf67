package huiqi.web.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import huiqi.app.PlatformTest;
import huiqi.fulfilment.ActionInput;
import huiqi.fulfilment.Actor;
import huiqi.fulfilment.CaseAction;
import huiqi.fulfilment.CaseState;
import huiqi.fulfilment.Match;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kill -9 the process doing a bulk approval, and later a bulk payment, in the middle (with transactions
 * open), start it again, and check that nothing was lost and nothing was paid twice. The worker is a
 * separate JVM using the platform's own workflow classes against the platform's PostgreSQL.
 */
@PlatformTest
class CrashRecoveryTest {
    static final int CASES = 30;

    @Autowired MatchSync sync;
    @Autowired CaseWorkflow workflow;
    @Autowired CaseRepository cases;
    @Autowired Limits limits;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired huiqi.web.security.UserAccounts accounts;
    /** The platform's database login (the embedded PostgreSQL has a generated password), handed to the worker. */
    Map<String, String> credentials;

    @Test
    void killingABulkApprovalAndABulkPaymentLosesNothingAndPaysNothingTwice() throws Exception {
        String tag = FulfilmentFixtures.unique("KILL");
        String rule = tag + "/1";
        String payer = "市级·崩溃测试局" + tag;
        String unit = "崩溃测试局" + tag;
        List<Match> matches = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < CASES; i++) {
            BigDecimal amount = new BigDecimal(1000 + 37 * i + ".25");
            matches.add(FulfilmentFixtures.match(rule, FulfilmentFixtures.uscc(tag, i), payer, unit, amount.toPlainString()));
            total = total.add(amount);
        }
        Actor admin = Actor.admin("admin");
        limits.setBudget(payer, total, admin);
        sync.sync(matches, Set.of(rule), Actor.system());
        List<Long> ids = cases.find(new CaseRepository.Filter(null, unit, List.of(), rule, null, 1000)).stream()
                .map(CaseRecord::id).toList();
        assertThat(ids).hasSize(CASES);
        for (long id : ids) {
            CaseRecord c = cases.find(id).orElseThrow();
            workflow.act(id, admin, CaseAction.PUSH, ActionInput.none());
            workflow.act(id, Actor.enterprise(c.uscc(), c.uscc()), CaseAction.CONFIRM, ActionInput.confirm("6222020012345678"));
        }
        HikariDataSource hikari = (HikariDataSource) dataSource;
        String url = hikari.getJdbcUrl();
        credentials = new HashMap<>();
        credentials.put(BulkWorker.USER, hikari.getUsername());
        credentials.put(BulkWorker.PASSWORD, hikari.getPassword());
        credentials.values().removeIf(Objects::isNull);
        String list = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        String batch = "PB-" + tag;
        FulfilmentFixtures.officer(accounts, BulkWorker.approverOf(batch), unit);
        FulfilmentFixtures.finance(accounts, BulkWorker.payerOf(batch), unit);

        // 1. bulk approval killed in the middle
        Process approve = worker(url, "审核通过", batch, unit, 150, list);
        waitFor(() -> count("select count(*) from fulfilment_case where rule_id = ? and state = '财政拨付'", rule) >= 8,
                approve);
        kill(approve);
        long approved = count("select count(*) from fulfilment_case where rule_id = ? and state = '财政拨付'", rule);
        assertThat(approved).isBetween(8L, CASES - 1L);
        assertThat(count("select count(*) from audit_log a join fulfilment_case c on a.entity = 'case' and a.entity_id = c.id::text "
                + "where c.rule_id = ? and a.action = '审核通过' and coalesce(a.detail, '') not like '已拒绝%'", rule))
                .as("every approval committed has its audit record and no other").isEqualTo(approved);
        // restart: the same bulk approval again finishes the rest
        Process again = worker(url, "审核通过", batch, unit, 0, list);
        assertThat(again.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(again.exitValue()).isZero();
        assertThat(count("select count(*) from fulfilment_case where rule_id = ? and state = '财政拨付'", rule)).isEqualTo(CASES);

        // 2. bulk payment killed in the middle: transactions open (ledger row written, not committed)
        Process pay = worker(url, "拨付", batch, unit, 300, list);
        waitFor(() -> count("select count(*) from ledger_entry where rule_id = ?", rule) >= 8, pay);
        kill(pay);
        long paidBefore = count("select count(*) from ledger_entry where rule_id = ?", rule);
        assertThat(paidBefore).isBetween(8L, CASES - 1L);
        assertConsistent(rule, payer);
        // restart: paying the same batch again pays only what was not paid
        Process rest = worker(url, "拨付", batch, unit, 0, list);
        assertThat(rest.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(rest.exitValue()).isZero();
        // and a third run pays nothing at all
        Process third = worker(url, "拨付", batch, unit, 0, list);
        assertThat(third.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertConsistent(rule, payer);
        assertThat(count("select count(*) from ledger_entry where rule_id = ?", rule)).isEqualTo(CASES);
        assertThat(count("select count(distinct case_id) from ledger_entry where rule_id = ?", rule)).isEqualTo(CASES);
        assertThat(count("select count(*) from fulfilment_case where rule_id = ? and state = '已兑现'", rule)).isEqualTo(CASES);
        BigDecimal ledger = jdbc.sql("select sum(amount) from ledger_entry where rule_id = ?").param(rule).query(BigDecimal.class).single();
        assertThat(ledger).isEqualByComparingTo(total);
        System.out.printf("崩溃测试：审批中途 kill -9 时已审批 %d/%d，拨付中途 kill -9 时已拨付 %d/%d；重启后全部 %d 件各兑现一次，合计 %s 元%n",
                approved, CASES, paidBefore, CASES, CASES, ledger.toPlainString());
    }

    /** Paid cases and ledger rows match one to one, and the budget booked exactly the ledger. */
    private void assertConsistent(String rule, String payer) {
        List<Map<String, Object>> mismatches = jdbc.sql("""
                select c.id, c.state, l.id as ledger from fulfilment_case c left join ledger_entry l on l.case_id = c.id
                where c.rule_id = ? and ((c.state = '已兑现') <> (l.id is not null))""").param(rule).query().listOfRows();
        assertThat(mismatches).isEmpty();
        BigDecimal ledger = jdbc.sql("select coalesce(sum(amount), 0) from ledger_entry where payer = ?").param(payer)
                .query(BigDecimal.class).single();
        BigDecimal booked = jdbc.sql("select paid from payer_budget where payer = ?").param(payer).query(BigDecimal.class).single();
        assertThat(booked).isEqualByComparingTo(ledger);
        assertThat(count("select count(*) from (select case_id from ledger_entry where rule_id = ? group by case_id having count(*) > 1) x", rule))
                .isZero();
    }

    private long count(String sql, String param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    private Process worker(String url, String action, String batch, String unit, long pause, String ids) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("crash-worker", ".log");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                BulkWorker.class.getName(), url + (url.contains("?") ? "&" : "?") + "ApplicationName=crash-worker",
                action, batch, unit, String.valueOf(pause), ids);
        pb.environment().putAll(credentials);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    private static void waitFor(Supplier<Boolean> condition, Process p) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!condition.get()) {
            assertThat(p.isAlive()).as("worker still running before the kill").isTrue();
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    /** SIGKILL, then wait until PostgreSQL has noticed and rolled back the worker's open transaction. */
    private void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (jdbc.sql("select count(*) from pg_stat_activity where application_name = 'crash-worker'").query(Long.class).single() > 0) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(50);
        }
    }

}
