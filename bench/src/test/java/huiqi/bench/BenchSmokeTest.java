package huiqi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny run: every way must agree on the rules it covers (Bench throws otherwise). Nothing is timed here. */
class BenchSmokeTest {
    @TempDir
    Path cache;

    @Test
    void waysAgreeOnAThousandEnterprises() throws Exception {
        Workload w = new Workload();
        Bench.Result r = new Bench(w, cache, Integer.MAX_VALUE).run(1_000, 1);
        assertThat(r.rows()).extracting(Bench.Row::enterprises).containsOnly(1_000);
        assertThat(r.rows()).hasSize(3);
        RuleTotals.Total t = r.totals().rule("fz-2024-2/7");
        assertThat(t.eligible()).as("符合 fz-2024-2/7 的企业").isPositive();
        assertThat(t.ineligible()).isPositive();
        assertThat(r.totals().byRule()).hasSize(w.ruleIds().size());
    }

    @Test
    void aWrongHandLoopIsCaught() {
        Workload w = new Workload();
        HandLoopWay hand = new HandLoopWay(w);
        hand.load(300);
        InterpreterWay interp = new InterpreterWay(w);
        interp.load(300);
        RuleTotals right = interp.evaluate(huiqi.rules.eval.Overrides.NONE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Bench.check("手写 (0.03)", hand.evaluate(3), "解释器", right, HandLoopWay.RULES))
                .isInstanceOf(Bench.Disagreement.class);
    }
}
