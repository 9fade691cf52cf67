package huiqi.web.fulfilment;

import huiqi.fulfilment.Actor;
import huiqi.fulfilment.Match;
import huiqi.web.security.Role;
import huiqi.web.security.UserAccounts;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique names per test so that tests sharing the one platform database never see each other's data. */
final class FulfilmentFixtures {
    private static final AtomicInteger N = new AtomicInteger();

    private FulfilmentFixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + N.incrementAndGet();
    }

    /** An 18-character code unique to this test run (only the fulfilment tables see it). */
    static String uscc(String tag, int i) {
        String base = (tag.replaceAll("[^0-9A-Z]", "") + "ZZZZZZZZZZ").substring(0, 10);
        return base + String.format("%08d", i);
    }

    /** A 部门经办 of {@code unit}, as an account (the database checks who approved a payment) and as an actor. */
    static Actor officer(UserAccounts accounts, String username, String unit) {
        accounts.create(username, "-", Role.OFFICER, "测试经办 " + username, unit, null);
        return Actor.officer(username, unit);
    }

    /** A 财政经办 paying for the payer whose department is {@code payerUnit}. */
    static Actor finance(UserAccounts accounts, String username, String payerUnit) {
        accounts.create(username, "-", Role.FINANCE, "测试财政经办 " + username, payerUnit, null);
        return Actor.finance(username, payerUnit);
    }

    static Match match(String rule, String uscc, String payer, String unit, String amount) {
        return new Match(rule, "测试政策 " + rule, uscc, "测试企业" + uscc.substring(12), payer, unit, "2024-02",
                new BigDecimal(amount), "免申即享", null, "测试匹配");
    }

    /**
     * A budget increase needs a second 管理员 (#18): the budgets the tests' admin asked for are approved by another
     * administrator, as the ledger page's 批准 button does.
     */
    static void approvePendingBudgets(BudgetRequests requests) {
        for (BudgetRequests.Request r : requests.pending()) {
            requests.decide(r.id(), true, "测试批准", Actor.admin("admin-2"));
        }
    }
}
