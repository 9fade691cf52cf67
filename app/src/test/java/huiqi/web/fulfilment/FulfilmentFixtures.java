package huiqi.web.fulfilment;

import huiqi.fulfilment.Match;
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

    static Match match(String rule, String uscc, String payer, String unit, String amount) {
        return new Match(rule, "测试政策 " + rule, uscc, "测试企业" + uscc.substring(12), payer, unit, "2024-02",
                new BigDecimal(amount), "免申即享", null, "测试匹配");
    }
}
