package huiqi.bench.jmh;

import huiqi.facts.IndicatorCatalog;
import huiqi.policy.PolicyDocument;
import huiqi.policy.PolicyParser;
import huiqi.rules.file.RuleLibrary;
import huiqi.rules.file.RuleFile;
import huiqi.rules.file.RuleFileLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Parsing a policy document's text (source.txt) and loading + type-checking its rules.yaml. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParsingBenchmark {
    @Param({"fz-2024-2", "gl-2023-1", "qt-2024-3"})
    public String document;

    String source;
    Path rulesFile;
    PolicyParser parser;
    RuleFileLoader loader;

    @Setup
    public void setup() throws Exception {
        Path dir = IndicatorCatalog.locate(Path.of("")).getParent().resolve("policies").resolve(document);
        source = Files.readString(dir.resolve("source.txt"), StandardCharsets.UTF_8);
        rulesFile = dir.resolve("rules.yaml");
        parser = new PolicyParser();
        IndicatorCatalog catalog = RuleLibrary.catalog();
        loader = new RuleFileLoader(catalog);
    }

    @Benchmark
    public PolicyDocument parseDocument() {
        return parser.parse(source);
    }

    @Benchmark
    public RuleFile loadRules() {
        return loader.load(rulesFile);
    }
}
