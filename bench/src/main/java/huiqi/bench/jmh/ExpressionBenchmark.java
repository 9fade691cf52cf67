package huiqi.bench.jmh;

import huiqi.bench.Workload;
import huiqi.enterprise.EnterpriseRecord;
import huiqi.rules.eval.Evaluator;
import huiqi.rules.eval.Overrides;
import huiqi.rules.file.RuleFile;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Interpreter cost per enterprise: one document's rules, and all three documents (with 取高不重复). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExpressionBenchmark {
    Workload w;
    Evaluator evaluator;
    RuleFile fuzhou;
    EnterpriseRecord[] records;
    int next;

    @Setup
    public void setup() {
        w = new Workload();
        evaluator = new Evaluator(w.catalog);
        fuzhou = w.rules.stream().filter(f -> f.rules().get(0).id().startsWith("fz-2024-2")).findFirst().orElseThrow();
        records = new EnterpriseRecord[1024];
        for (int i = 0; i < records.length; i++) {
            records[i] = w.generator.record(i);
        }
    }

    private EnterpriseRecord nextRecord() {
        return records[next++ & (records.length - 1)];
    }

    @Benchmark
    public Map<String, ?> oneDocument() {
        return evaluator.evaluateFile(fuzhou, nextRecord(), null, Overrides.NONE);
    }

    @Benchmark
    public Object allDocuments() {
        return evaluator.evaluate(w.rules, nextRecord(), null, Overrides.NONE);
    }
}
