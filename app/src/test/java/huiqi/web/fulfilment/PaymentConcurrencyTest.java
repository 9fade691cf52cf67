package huiqi.web.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.app.PlatformTest;
import huiqi.fulfilment.ActionInput;
import huiqi.fulfilment.Actor;
import huiqi.fulfilment.CaseAction;
import huiqi.fulfilment.CaseState;
import huiqi.fulfilment.Match;
import huiqi.fulfilment.TransitionRefused;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many threads approving and paying the same cases at once, against the real PostgreSQL: every case is paid
 * at most once, no cap, shared cap, 取高不重复 class or budget is exceeded, and the ledger adds up.
 */
@PlatformTest
class PaymentConcurrencyTest {
    static final int THREADS = 12;
    static final int ENTERPRISES = 15;

    @Autowired MatchSync sync;
    @Autowired CaseWorkflow workflow;
    @Autowired CaseRepository cases;
    @Autowired Limits limits;
    @Autowired JdbcClient jdbc;
    @Autowired huiqi.web.security.UserAccounts accounts;

    @Test
    void concurrentApprovalsAndPaymentsPayEachCaseOnceAndRespectEveryLimit() throws Exception {
        String tag = FulfilmentFixtures.unique("CC");
        String r1 = tag + "/1";
        String r2 = tag + "/2";
        String r3 = tag + "/3";
        String payer = "市级·并发测试局" + tag;
        String unit = "并发测试局" + tag;
        Random random = new Random(42);
        List<Match> matches = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < ENTERPRISES; i++) {
            String uscc = FulfilmentFixtures.uscc(tag, i);
            for (String rule : List.of(r1, r2, r3)) {
                BigDecimal amount = BigDecimal.valueOf(1000 + random.nextInt(40000)).add(new BigDecimal("0.37"));
                matches.add(FulfilmentFixtures.match(rule, uscc, payer, unit, amount.toPlainString()));
                total = total.add(amount);
            }
        }
        Actor admin = Actor.admin("admin");
        BigDecimal budget = total.multiply(new BigDecimal("0.6")).setScale(2, java.math.RoundingMode.DOWN);
        limits.setBudget(payer, budget, admin);
        limits.setCap(tag + "/shared", new BigDecimal("50000.00"), List.of(r1, r2), "两项合计不超过5万元", admin);
        limits.setClass(r2, "类" + tag, admin);
        limits.setClass(r3, "类" + tag, admin);

        MatchSync.Result created = sync.sync(matches, Set.of(r1, r2, r3), Actor.system());
        assertThat(created.created()).isEqualTo(ENTERPRISES * 3);
        List<CaseRecord> all = cases.find(new CaseRepository.Filter(null, unit, List.of(), null, null, 10_000));
        assertThat(all).hasSize(ENTERPRISES * 3);
        for (CaseRecord c : all) {
            workflow.act(c.id(), admin, CaseAction.PUSH, ActionInput.none());
            workflow.act(c.id(), Actor.enterprise(c.uscc(), c.uscc()), CaseAction.CONFIRM, ActionInput.confirm("6222020012345678"));
        }

        List<Long> ids = all.stream().map(CaseRecord::id).toList();
        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            // segregation of duties: every thread approves as a 部门经办 and pays as a separate 财政经办
            Map<CaseAction, Actor> actors = Map.of(
                    CaseAction.APPROVE, FulfilmentFixtures.officer(accounts, tag + "-officer" + t, unit),
                    CaseAction.PAY, FulfilmentFixtures.finance(accounts, tag + "-finance" + t, unit));
            long seed = t;
            futures.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>(ids);
                Collections.shuffle(mine, new Random(seed));
                start.await();
                for (long id : mine) {
                    for (CaseAction a : List.of(CaseAction.APPROVE, CaseAction.PAY)) {
                        try {
                            workflow.act(id, actors.get(a), a, ActionInput.none(), "PB-" + tag);
                        } catch (TransitionRefused e) {
                            refusals.merge(e.reason().name(), 1, Integer::sum);
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        List<CaseRecord> after = cases.find(new CaseRepository.Filter(null, unit, List.of(), null, null, 10_000));
        Map<Long, Long> ledgerRows = new java.util.HashMap<>();
        jdbc.sql("select case_id, count(*) as n from ledger_entry where payer = ? group by case_id").param(payer)
                .query().listOfRows().forEach(r -> ledgerRows.put(((Number) r.get("case_id")).longValue(), ((Number) r.get("n")).longValue()));
        BigDecimal paidCases = BigDecimal.ZERO;
        int paid = 0;
        for (CaseRecord c : after) {
            if (c.state() == CaseState.PAID) {
                assertThat(ledgerRows.get(c.id())).as("ledger rows of paid case %d", c.id()).isEqualTo(1L);
                BigDecimal inLedger = jdbc.sql("select amount from ledger_entry where case_id = ?").param(c.id())
                        .query(BigDecimal.class).single();
                assertThat(inLedger).isEqualByComparingTo(c.amount());
                paidCases = paidCases.add(c.amount());
                paid++;
            } else {
                assertThat(c.state()).as("a case not paid was approved and refused for a limit").isEqualTo(CaseState.AWAITING_PAYMENT);
                assertThat(ledgerRows).doesNotContainKey(c.id());
            }
        }
        BigDecimal ledgerTotal = jdbc.sql("select coalesce(sum(amount), 0) from ledger_entry where payer = ?").param(payer)
                .query(BigDecimal.class).single();
        Limits.Budget b = limits.budgets().stream().filter(x -> x.payer().equals(payer)).findFirst().orElseThrow();
        assertThat(ledgerTotal).isEqualByComparingTo(paidCases);
        assertThat(b.paid()).isEqualByComparingTo(ledgerTotal);
        assertThat(b.paid()).isLessThanOrEqualTo(budget);
        // caps and 取高不重复 per enterprise
        jdbc.sql("select uscc, sum(amount) as s from ledger_entry where rule_id in (?, ?) group by uscc").params(r1, r2)
                .query().listOfRows().forEach(r -> assertThat((BigDecimal) r.get("s")).isLessThanOrEqualTo(new BigDecimal("50000")));
        jdbc.sql("select uscc, count(distinct rule_id) as n from ledger_entry where rule_id in (?, ?) group by uscc").params(r2, r3)
                .query().listOfRows().forEach(r -> assertThat(((Number) r.get("n")).intValue()).isEqualTo(1));
        // the run really raced and really hit the limits
        assertThat(paid).isGreaterThan(ENTERPRISES / 2);
        assertThat(refusals.getOrDefault("STATE", 0)).as("losing racers are refused by state").isGreaterThan(ids.size());
        assertThat(refusals.getOrDefault("LIMIT", 0)).as("caps, classes or the budget refused some").isGreaterThan(0);
        assertThat(after.stream().filter(c -> c.state() == CaseState.AWAITING_PAYMENT).count()).isGreaterThan(0);
        System.out.printf("并发测试：%d 个线程，%d 件事项，兑现 %d 件，台账合计 %s，预算 %s，拒绝 %s%n", THREADS, ids.size(), paid,
                ledgerTotal.toPlainString(), budget.toPlainString(), refusals);
    }
}
