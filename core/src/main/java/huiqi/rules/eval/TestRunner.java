package huiqi.rules.eval;

import huiqi.rules.file.Expectation;
import huiqi.rules.file.Rule;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleTest;
import huiqi.rules.file.SourcePos;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** Runs the example tests of a rule file through the real evaluator. */
public final class TestRunner {
    /** One test's outcome; {@code failures} says what differed (empty when passed). */
    public record Outcome(String name, SourcePos pos, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private TestRunner() {
    }

    public static List<Outcome> run(RuleFile f, Evaluator evaluator) {
        List<Outcome> out = new ArrayList<>();
        for (Rule r : f.rules()) {
            for (RuleTest t : r.tests()) {
                out.add(run(f, t, evaluator, r.id() + " 「" + t.name() + "」"));
            }
        }
        for (RuleTest t : f.tests()) {
            out.add(run(f, t, evaluator, f.docId() + " 「" + t.name() + "」"));
        }
        return out;
    }

    private static Outcome run(RuleFile f, RuleTest t, Evaluator evaluator, String name) {
        List<String> failures = new ArrayList<>();
        Map<String, RuleResult> results;
        try {
            results = evaluator.evaluateFile(f, t.enterprise(), null, Overrides.NONE);
        } catch (RuntimeException e) {
            return new Outcome(name, t.pos(), List.of("评估出错：" + e));
        }
        for (Expectation x : t.expectations()) {
            RuleResult r = results.get(x.ruleId());
            if (r == null) {
                failures.add(x.ruleId() + " 没有结果");
                continue;
            }
            String prefix = t.expectations().size() > 1 ? x.ruleId() + "：" : "";
            if (x.status() != null && x.status() != r.status()) {
                failures.add(prefix + "状态应为 " + x.status().json() + "，实为 " + r.status().json() + detail(r));
            }
            if (x.amount() != null) {
                BigDecimal want = x.amount().setScale(2, RoundingMode.HALF_UP);
                if (r.amount() == null || r.amount().compareTo(want) != 0) {
                    failures.add(prefix + "金额应为 " + want.toPlainString() + "，实为 " + (r.amount() == null ? "无" : r.amount().toPlainString()) + detail(r));
                }
            }
            if (x.missing() != null && !new HashSet<>(x.missing()).equals(new HashSet<>(r.missing()))) {
                failures.add(prefix + "缺失事实应为 " + x.missing() + "，实为 " + r.missing());
            }
            if (x.nearMiss() != null && (r.nearMiss() == null || !r.nearMiss().contains(x.nearMiss()))) {
                failures.add(prefix + "nearMiss 应包含 '" + x.nearMiss() + "'，实为 " + (r.nearMiss() == null ? "无" : "'" + r.nearMiss() + "'"));
            }
        }
        return new Outcome(name, t.pos(), failures);
    }

    private static String detail(RuleResult r) {
        return "（" + String.join(" | ", r.explanation()) + "）";
    }
}
