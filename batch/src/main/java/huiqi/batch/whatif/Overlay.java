package huiqi.batch.whatif;

import huiqi.quantity.Expectation;
import huiqi.quantity.QuantityText;
import huiqi.rules.eval.Overrides;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A what-if parameter overlay: full parameter name → value written as in rule files ("0.03元/千瓦时",
 * "40万千瓦时"). From {@code --set NAME=VALUE} options or a YAML file:
 * <pre>
 * name: 用电奖励提高到0.03元     # optional label
 * set:
 *   fz-2024-2/7.rate: 0.03元/千瓦时
 *   fz-2024-2/7.threshold: 40万千瓦时
 * </pre>
 * Values are read by {@link QuantityText} and may not be negative (every parameter is a rate, an amount,
 * a threshold or a share). Unknown names and unit mismatches are rejected when the overlay is applied
 * (BatchRunner, Evaluator).
 */
public record Overlay(String name, Overrides overrides) {

    public static Overlay parse(List<String> assignments) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : assignments) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set 应写成 参数全名=值，如 fz-2024-2/7.rate=0.03元/千瓦时，实为 '" + s + "'");
            }
            m.put(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
        }
        return of(String.join("，", assignments), m);
    }

    @SuppressWarnings("unchecked")
    public static Overlay load(Path file) throws IOException {
        Object root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("set") instanceof Map<?, ?> set)) {
            throw new IllegalArgumentException(file + "：试算文件应包含 set: { 参数全名: 值 }");
        }
        Map<String, String> m = new LinkedHashMap<>();
        ((Map<Object, Object>) set).forEach((k, v) -> m.put(String.valueOf(k), String.valueOf(v)));
        Object name = map.get("name");
        return of(name == null ? file.getFileName().toString() : name.toString(), m);
    }

    /** Two overlays together; the second wins on the same parameter. */
    public Overlay and(Overlay other) {
        Map<String, Overrides.Override> m = new LinkedHashMap<>(overrides.values());
        m.putAll(other.overrides.values());
        return new Overlay(name.isEmpty() ? other.name : other.name.isEmpty() ? name : name + "；" + other.name, new Overrides(m));
    }

    public boolean isEmpty() {
        return overrides.values().isEmpty();
    }

    public static final Overlay NONE = new Overlay("", Overrides.NONE);

    private static Overlay of(String name, Map<String, String> assignments) {
        Map<String, Overrides.Override> m = new LinkedHashMap<>();
        assignments.forEach((param, text) -> {
            QuantityText.Measured v = QuantityText.measured(text, Expectation.quantity("参数 " + param + " 的值"));
            m.put(param, new Overrides.Override(v.value(), v.unit()));
        });
        return new Overlay(name, new Overrides(m));
    }
}
