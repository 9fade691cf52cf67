package huiqi.batch.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huiqi.batch.run.BatchOptions;
import huiqi.batch.run.BatchResult;
import huiqi.batch.duck.BatchRunner;
import huiqi.batch.duck.TestPopulation;
import huiqi.enterprise.InMemoryEnterpriseStore;
import huiqi.rules.Status;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A what-if overlay changes what the interpreter says it changes, per rule and payer. */
class WhatIfTest {
    @TempDir
    Path dir;

    @Test
    void rateAndThresholdOverlayMatchesTheInterpreterAndReportsTheDifference() throws Exception {
        TestPopulation.generate(1500, 5, dir);
        Path yaml = dir.resolve("whatif.yaml");
        Files.writeString(yaml, """
                name: 门槛降到40万千瓦时、标准提高到0.03元
                set:
                  fz-2024-2/7.threshold: 40万千瓦时
                  fz-2024-2/7.rate: 0.03元/千瓦时
                """);
        Overlay overlay = Overlay.load(yaml);
        InMemoryEnterpriseStore store = TestPopulation.imported(dir);
        Evaluator ev = new Evaluator(TestPopulation.CATALOG);
        long eligBefore = 0;
        long eligAfter = 0;
        BigDecimal before = BigDecimal.ZERO;
        BigDecimal after = BigDecimal.ZERO;
        for (String uscc : store.usccs()) {
            var rec = store.record(uscc).orElseThrow();
            RuleResult b = rule(ev.evaluate(TestPopulation.RULES, rec, null, Overrides.NONE).results());
            RuleResult a = rule(ev.evaluate(TestPopulation.RULES, rec, null, overlay.overrides()).results());
            if (b.status() == Status.ELIGIBLE) {
                eligBefore++;
                before = before.add(b.amount());
            }
            if (a.status() == Status.ELIGIBLE) {
                eligAfter++;
                after = after.add(a.amount());
            }
        }
        try (BatchRunner runner = BatchRunner.open(dir, TestPopulation.CATALOG, TestPopulation.RULES, BatchOptions.defaults())) {
            BatchResult base = runner.run(Overrides.NONE);
            BatchResult variant = runner.run(overlay.overrides());
            WhatIfReport report = runner.compare(overlay.name(), base, variant);
            WhatIfReport.RuleDiff d = report.byRule().get("fz-2024-2/7");
            assertThat(d.eligibleBefore()).isEqualTo(eligBefore);
            assertThat(d.eligibleAfter()).isEqualTo(eligAfter).isGreaterThan(eligBefore);
            assertThat(d.amountBefore()).isEqualByComparingTo(before);
            assertThat(d.amountAfter()).isEqualByComparingTo(after);
            assertThat(d.changed()).isPositive();
            WhatIfReport.RuleDiff other = report.byRule().get("fz-2024-2/6");
            assertThat(other.changed()).isZero();
            assertThat(other.amountDelta()).isZero();
            // only the payer of fz-2024-2/7 moves; every other payer of the library keeps its total
            List<WhatIfReport.PayerDiff> moved = report.payers().stream().filter(p -> p.delta().signum() != 0).toList();
            assertThat(moved).extracting(WhatIfReport.PayerDiff::payer).containsExactly("市级·市财政局");
            assertThat(moved.get(0).delta()).isEqualByComparingTo(after.subtract(before));
        }
    }

    @Test
    void setOptionsParseUnitsAndUnknownParametersAreRejected() throws Exception {
        Overlay o = Overlay.parse(List.of("fz-2024-2/7.rate=0.03元/千瓦时", "fz-2024-2/7.cap=20万元"));
        assertThat(o.overrides().values().get("fz-2024-2/7.cap").value()).isEqualByComparingTo("200000");
        assertThatThrownBy(() -> Overlay.parse(List.of("fz-2024-2/7.rate"))).hasMessageContaining("参数全名=值");
        TestPopulation.generate(20, 1, dir);
        try (BatchRunner runner = BatchRunner.open(dir, TestPopulation.CATALOG, TestPopulation.RULES, BatchOptions.defaults())) {
            assertThatThrownBy(() -> runner.run(Overlay.parse(List.of("fz-2024-2/7.nope=1元")).overrides()))
                    .hasMessageContaining("未知参数");
            assertThatThrownBy(() -> runner.run(Overlay.parse(List.of("fz-2024-2/7.rate=0.03元")).overrides()))
                    .hasMessageContaining("单位");
        }
    }

    private static RuleResult rule(List<RuleResult> results) {
        return results.stream().filter(r -> r.ruleId().equals("fz-2024-2/7")).findFirst().orElseThrow();
    }
}
