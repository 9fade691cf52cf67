package huiqi.web.rulesets;

import huiqi.policy.PolicyLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Texts for rule-set tests: the shipped fz-2024-2 rules, and the same with measure 7 paying 0.03 instead of
 * 0.02元/千瓦时 (tests updated, so the version passes every check).
 */
final class RuleSetFixtures {
    static final Path POLICIES = PolicyLibrary.locate().root();
    static final String FZ = "fz-2024-2";
    static final Editor OFFICER = new Editor("gongxin", "OFFICER", false);
    static final Editor OTHER_OFFICER = new Editor("caizheng", "OFFICER", false);
    static final Editor REVIEWER = new Editor("shenhe", "REVIEWER", true);
    static final Editor ADMIN = new Editor("admin", "ADMIN", true);

    private RuleSetFixtures() {
    }

    /**
     * Every test sharing the platform expects the shipped fz-2024-2 (0.02元/千瓦时): gives up an open draft and, if
     * another text is in force, publishes the shipped text again from today.
     */
    static void restoreShipped(RuleSetService service) {
        RuleSetVersion head = service.versions(FZ).get(0);
        if (head.state().open()) {
            service.discard(FZ, head.version(), head.lockVersion(), ADMIN);
        }
        if (head.state() == RuleSetState.SUBMITTED) {
            Editor reviewer = head.authors().contains(REVIEWER.username()) ? ADMIN : REVIEWER;
            service.reject(FZ, head.version(), head.lockVersion(), "测试结束，退回", reviewer);
        }
        if (!service.publishedNow(FZ).orElseThrow().yaml().equals(shipped(FZ))) {
            int n = service.saveDraft(FZ, shipped(FZ), 0, OFFICER);
            service.submit(FZ, n, java.time.LocalDate.now(), service.find(FZ, n).orElseThrow().lockVersion(), OFFICER);
            service.approve(FZ, n, service.find(FZ, n).orElseThrow().lockVersion(), REVIEWER);
        }
    }

    static String shipped(String policyId) {
        try {
            return Files.readString(POLICIES.resolve(policyId).resolve("rules.yaml"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Measure 7 at 0.03元/千瓦时, its tests' amounts recomputed (caps unchanged). */
    static String threeFen() {
        String t = shipped(FZ);
        t = replaceOnce(t, "rate: { values: { 2024-01-10: 0.02元/千瓦时 }", "rate: { values: { 2024-01-10: 0.03元/千瓦时 }");
        t = replaceOnce(t, "expect: { status: eligible, amount: 10000 }", "expect: { status: eligible, amount: 15000 }");
        t = replaceOnce(t, "expect: 12000", "expect: 18000");
        t = replaceOnce(t, "amount: 299998 }", "amount: 300000 }");
        t = replaceOnce(t, "amount: 10000.01 }", "amount: 15000.01 }");
        return t;
    }

    static String replaceOnce(String text, String from, String to) {
        int i = text.indexOf(from);
        if (i < 0 || text.indexOf(from, i + 1) >= 0) {
            throw new AssertionError("not exactly once in the rule file: " + from);
        }
        return text.substring(0, i) + to + text.substring(i + from.length());
    }
}
