package huiqi.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The thresholds of the computable measures of the documents in policies/, written down from the clause text in
 * boundaries.yaml (next to this class); the probes it names are {@link BoundaryProbes}.
 * {@code DocumentedBoundariesTest} checks every quote against policies/&lt;doc&gt;/source.txt and, once a rule with
 * that id is encoded in policies/&lt;doc&gt;/rules.yaml, every parameter against the rule file.
 */
public final class DocumentedBoundaries implements BoundarySource {
    static final String TABLE = "boundaries.yaml";

    @Override
    public List<Boundary> boundaries() {
        List<Boundary> all = new ArrayList<>();
        for (Map<String, Object> entry : table()) {
            all.add(boundary(entry));
        }
        return List.copyOf(all);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> table() {
        try (InputStream in = DocumentedBoundaries.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("类路径上没有边界表 " + TABLE);
            }
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Boundary boundary(Map<String, Object> entry) {
        String ruleId = text(entry, "rule");
        try {
            Map<String, BigDecimal> parameters = new LinkedHashMap<>();
            strings(entry.get("parameters")).forEach((k, v) -> parameters.put(k, new BigDecimal(v)));
            BiConsumer<SyntheticEnterprise, BigDecimal> set = BoundaryProbes.named(text(entry, "probe"), strings(entry.get("with")));
            Boundary.Probe probe = Boundary.Probe.of(set, removal(strings(entry.get("remove"))));
            String far = (String) entry.get("far");
            return new Boundary(ruleId, text(entry, "description"), Boundary.Kind.valueOf(text(entry, "kind")),
                    amount(text(entry, "threshold"), parameters), new BigDecimal(text(entry, "step")),
                    far == null ? null : new BigDecimal(far), parameters, text(entry, "quote"), probe);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("边界表 " + TABLE + " 中规则 " + ruleId + " 的条目有误：" + e.getMessage(), e);
        }
    }

    /** A number, or "a / b" / "a * b" over parameter names and numbers (exact, as the clause computes it). */
    static BigDecimal amount(String expression, Map<String, BigDecimal> parameters) {
        String[] parts = expression.trim().split("\\s+");
        if (parts.length == 1) {
            return operand(parts[0], parameters);
        }
        if (parts.length != 3 || !(parts[1].equals("/") || parts[1].equals("*"))) {
            throw new IllegalArgumentException("门槛应为数或 “a / b”、“a * b”：" + expression);
        }
        BigDecimal a = operand(parts[0], parameters);
        BigDecimal b = operand(parts[2], parameters);
        return parts[1].equals("/") ? a.divide(b) : a.multiply(b);
    }

    private static BigDecimal operand(String s, Map<String, BigDecimal> parameters) {
        BigDecimal p = parameters.get(s);
        return p != null ? p : new BigDecimal(s);
    }

    /** Removes the fact, attribute or profile field the rule needs (for the undeterminable case). */
    private static Consumer<SyntheticEnterprise> removal(Map<String, String> remove) {
        if (remove.containsKey("fact")) {
            String indicator = remove.get("fact");
            String period = remove.get("period");
            return e -> e.removeFact(indicator, period);
        }
        if (remove.containsKey("attribute")) {
            String attribute = remove.get("attribute");
            return e -> e.attributes.remove(attribute);
        }
        if (remove.containsKey("items")) {
            String kind = remove.get("items");
            return e -> e.removeItems(kind);
        }
        if ("size".equals(remove.get("field"))) {
            return e -> e.size = null;
        }
        throw new IllegalArgumentException("remove 应为 {fact, period}、{attribute}、{items} 或 {field: size}：" + remove);
    }

    private static String text(Map<String, Object> entry, String key) {
        Object v = entry.get(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(key + " 应为字符串（数也写成字符串，以保留其小数位），实为 " + v);
        }
        return s;
    }

    private static Map<String, String> strings(Object map) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map == null) {
            return out;
        }
        ((Map<?, ?>) map).forEach((k, v) -> {
            if (!(v instanceof String s)) {
                throw new IllegalArgumentException(k + " 应为字符串（数也写成字符串，以保留其小数位），实为 " + v);
            }
            out.put(String.valueOf(k), s);
        });
        return out;
    }
}
