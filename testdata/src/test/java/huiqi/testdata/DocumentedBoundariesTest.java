package huiqi.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import huiqi.facts.IndicatorCatalog;
import huiqi.quantity.ChineseNumbers;
import huiqi.quantity.Quantity;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Keeps the boundary table honest: against the clause text now, and against the encoded rules as they land. */
class DocumentedBoundariesTest {
    static final Path ROOT = IndicatorCatalog.locate(Path.of("")).getParent();
    final List<Boundary> boundaries = new DocumentedBoundaries().boundaries();

    @Test
    void everyQuoteOccursInItsDocument() throws IOException {
        for (Boundary b : boundaries) {
            String source = normalise(Files.readString(ROOT.resolve("policies").resolve(doc(b)).resolve("source.txt")));
            assertThat(source).as("%s: %s", b.ruleId(), b.quote()).contains(normalise(b.quote()));
        }
    }

    @Test
    void everyParameterOfAnEncodedRuleMatchesTheRuleFile() throws IOException {
        int checked = 0;
        for (Boundary b : boundaries) {
            Optional<Map<String, Object>> rule = encodedRule(b);
            if (rule.isEmpty()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> parameters = (Map<String, Object>) rule.get().getOrDefault("parameters", Map.of());
            for (Map.Entry<String, BigDecimal> p : b.parameters().entrySet()) {
                assertThat(parameters).as("%s 应有参数 %s（边界表与规则文件不一致）", b.ruleId(), p.getKey()).containsKey(p.getKey());
                assertThat(latestValue(parameters.get(p.getKey())))
                        .as("%s 参数 %s", b.ruleId(), p.getKey()).isEqualByComparingTo(p.getValue());
                checked++;
            }
        }
        // fz-2024-2 measures 6 and 7 are encoded on main: their parameters must have been compared
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    @Test
    void casesStraddleEachThreshold() {
        for (Boundary b : boundaries) {
            if (b.kind() == Boundary.Kind.FLAG) {
                assertThat(b.cases()).containsExactly(BoundaryCase.ELIGIBLE, BoundaryCase.INELIGIBLE, BoundaryCase.UNDETERMINABLE);
                continue;
            }
            if (b.cases().contains(BoundaryCase.JUST_BELOW)) {
                assertThat(b.value(BoundaryCase.JUST_BELOW)).isLessThan(b.threshold());
            }
            assertThat(b.value(BoundaryCase.AT_THRESHOLD)).isEqualByComparingTo(b.threshold());
            if (b.kind() == Boundary.Kind.AT_LEAST) {
                assertThat(b.expected(BoundaryCase.AT_THRESHOLD)).isEqualTo("eligible");
                assertThat(b.expected(BoundaryCase.JUST_BELOW)).isEqualTo("ineligible");
                assertThat(b.value(BoundaryCase.INELIGIBLE)).isLessThan(b.threshold());
                assertThat(b.value(BoundaryCase.ELIGIBLE)).isGreaterThan(b.threshold());
            }
            if (b.kind() == Boundary.Kind.CAP) {
                assertThat(b.cases()).doesNotContain(BoundaryCase.INELIGIBLE);
            }
        }
    }

    static String doc(Boundary b) {
        return b.ruleId().substring(0, b.ruleId().indexOf('/'));
    }

    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> encodedRule(Boundary b) throws IOException {
        Path file = ROOT.resolve("policies").resolve(doc(b)).resolve("rules.yaml");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            for (Map<String, Object> rule : (List<Map<String, Object>>) root.getOrDefault("rules", List.of())) {
                if (b.ruleId().equals(rule.get("id"))) {
                    return Optional.of(rule);
                }
            }
        }
        return Optional.empty();
    }

    /** A parameter is `50万千瓦时` or `{values: {date: 50万千瓦时}, ...}`; the latest dated value counts. */
    @SuppressWarnings("unchecked")
    static BigDecimal latestValue(Object parameter) {
        Object v = parameter;
        if (parameter instanceof Map<?, ?> m && m.containsKey("values")) {
            TreeMap<String, Object> byDate = new TreeMap<>();
            ((Map<Object, Object>) m.get("values")).forEach((k, x) -> byDate.put(String.valueOf(k), x));
            v = byDate.lastEntry().getValue();
        }
        Quantity q = ChineseNumbers.parseQuantity(String.valueOf(v)).orElseThrow();
        return q.unit().equals("%") ? q.value().movePointLeft(2) : q.value();
    }

    static String normalise(String s) {
        return ChineseNumbers.toHalfWidth(s).replaceAll("\\s+", "")
                .replace('（', '(').replace('）', ')').replace('，', ',').replace('：', ':').replace('；', ';');
    }
}
