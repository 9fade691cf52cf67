package huiqi.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.rules.eval.Overrides;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny run: every way must agree on all 24 rules of the three seed documents (Bench throws otherwise), though
 * policies/ holds more documents. Nothing is timed here.
 */
class BenchSmokeTest {
    @TempDir
    Path cache;

    @Test
    void waysAgreeOnAThousandEnterprises() throws Exception {
        Workload w = new Workload();
        Bench.Result r = new Bench(w, cache, Integer.MAX_VALUE).run(1_000, 1);
        assertThat(r.rows()).extracting(Bench.Row::enterprises).containsOnly(1_000);
        assertThat(r.rows()).extracting(Bench.Row::way).hasSize(5).contains(Bench.TUNED_DROOLS);
        assertThat(r.totals().byRule()).hasSize(w.ruleIds().size()).hasSize(24);
        assertThat(w.rules).extracting(f -> f.docId()).containsExactly("fz-2024-2", "gl-2023-1", "qt-2024-3");
        for (String rule : w.ruleIds()) {
            RuleTotals.Total t = r.totals().rule(rule);
            assertThat(t.eligible() + t.ineligible() + t.undeterminable()).as(rule).isEqualTo(1_000);
        }
        RuleTotals.Total t = r.totals().rule("fz-2024-2/7");
        assertThat(t.eligible()).as("符合 fz-2024-2/7 的企业").isPositive();
        assertThat(t.ineligible()).isPositive();
    }

    @Test
    void aWrongHandLoopAndAWrongDrlAreCaught() throws Exception {
        Workload w = new Workload();
        HandLoopWay hand = new HandLoopWay();
        hand.load(w.population(300, cache));
        InterpreterWay interp = new InterpreterWay(w);
        interp.load(300);
        RuleTotals right = interp.evaluate(Overrides.NONE);
        Bench.check("手写", hand.evaluate(Bench.BASE_RATE), "解释器", right, w.ruleIds());
        assertThatThrownBy(() -> Bench.check("手写 (0.03)", hand.evaluate(Bench.WHAT_IF_RATE), "解释器", right, w.ruleIds()))
                .isInstanceOf(Bench.Disagreement.class).hasMessageContaining("fz-2024-2/7");

        List<String> fz = List.of("fz-2024-2/6", "fz-2024-2/7");
        DroolsWay drools = new DroolsWay(fz, List.of("fz-2024-2.drl"));
        drools.load(hand.columns());
        Bench.check("Drools", drools.evaluate(Bench.BASE_RATE).totals(), "解释器", right, fz);
        DroolsWay wrong = new DroolsWay(fz, List.of("wrong-fz-2024-2.drl")); // 第7条 “(含)” written as >
        wrong.load(hand.columns());
        assertThatThrownBy(() -> Bench.check("Drools（> 50万千瓦时）", wrong.evaluate(Bench.BASE_RATE).totals(), "解释器", right, fz))
                .isInstanceOf(Bench.Disagreement.class).hasMessageContaining("fz-2024-2/7");

        TunedDroolsWay tuned = new TunedDroolsWay(fz, TunedDroolsWay.DIR, List.of("fz-2024-2.drl"), 100);
        tuned.load(hand.columns());
        Bench.check("Drools 调优", tuned.evaluate(Bench.BASE_RATE).totals(), "解释器", right, fz);
        TunedDroolsWay tunedWrong = new TunedDroolsWay(fz, "huiqi/bench/drools/tuned-wrong/", List.of("fz-2024-2.drl"), 100);
        tunedWrong.load(hand.columns());
        assertThatThrownBy(() -> Bench.check("Drools 调优（> 50万千瓦时）", tunedWrong.evaluate(Bench.BASE_RATE).totals(), "解释器", right, fz))
                .isInstanceOf(Bench.Disagreement.class).hasMessageContaining("fz-2024-2/7");
    }
}
