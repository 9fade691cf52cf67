package huiqi.bench;

import huiqi.enterprise.EnterpriseRecord;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.eval.RuleResult;
import java.util.List;
import java.util.stream.IntStream;

/** The rule interpreter, one enterprise at a time, in parallel over the common fork-join pool. */
public final class InterpreterWay {
    private final Workload w;
    private List<EnterpriseRecord> records;

    public InterpreterWay(Workload w) {
        this.w = w;
    }

    /** Builds the EnterpriseRecords (the interpreter's input, what an import produces). */
    public void load(int n) {
        records = IntStream.range(0, n).parallel().mapToObj(w.generator::record).toList();
    }

    public RuleTotals evaluate(Overrides overrides) {
        Evaluator evaluator = new Evaluator(w.catalog);
        return records.parallelStream().collect(RuleTotals::new, (t, rec) -> {
            for (RuleResult r : evaluator.evaluate(w.rules, rec, null, overrides).results()) {
                t.add(r.ruleId(), r.status(), r.amount());
            }
        }, RuleTotals::merge);
    }

    public void unload() {
        records = null;
    }
}
