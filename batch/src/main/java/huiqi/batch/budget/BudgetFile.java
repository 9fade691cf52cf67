package huiqi.batch.budget;

import huiqi.quantity.Expectation;
import huiqi.quantity.QuantityText;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a budget file (docs/formats.md「批量免申即享」):
 * <pre>
 * budgets:
 *   - id: 春节用电奖励市级预算
 *     payer: 市级·市财政局          # as in the results' payer column (level·department)
 *     rules: [fz-2024-2/7]         # one rule or a group sharing the budget
 *     amount: 500万元               # 元; 万元/亿元 allowed
 *     policy: pro-rata             # pro-rata | first-come
 *     order_by: application_time   # first-come: profile column with the application time
 * </pre>
 */
public final class BudgetFile {
    private BudgetFile() {
    }

    @SuppressWarnings("unchecked")
    public static List<Budget> load(Path file) throws IOException {
        Object root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("budgets") instanceof List<?> list)) {
            throw new IllegalArgumentException(file + "：预算文件应包含 budgets: [ … ]");
        }
        List<Budget> out = new ArrayList<>();
        int n = 0;
        for (Object o : list) {
            n++;
            if (!(o instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(file + " 第 " + n + " 项预算应为映射");
            }
            Map<String, Object> b = (Map<String, Object>) m;
            String where = file + " 第 " + n + " 项预算";
            String payer = required(b, "payer", where);
            Object rules = b.get("rules");
            List<String> ids = new ArrayList<>();
            if (rules instanceof List<?> l) {
                l.forEach(x -> ids.add(String.valueOf(x)));
            } else if (rules != null) {
                ids.add(String.valueOf(rules));
            }
            if (ids.isEmpty()) {
                throw new IllegalArgumentException(where + "：缺少 rules（规则 id 或列表）");
            }
            String policy = String.valueOf(b.getOrDefault("policy", "pro-rata"));
            Budget.Policy p = Budget.Policy.parse(policy).orElseThrow(
                    () -> new IllegalArgumentException(where + "：policy 应为 pro-rata 或 first-come，实为 '" + policy + "'"));
            Object order = b.get("order_by");
            String id = String.valueOf(b.getOrDefault("id", payer + " " + String.join("+", ids)));
            out.add(new Budget(id, payer, ids, money(required(b, "amount", where), where), p,
                    order == null ? null : order.toString()));
        }
        return out;
    }

    private static String required(Map<String, Object> m, String key, String where) {
        Object v = m.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException(where + "：缺少 " + key);
        }
        return v.toString();
    }

    /** "5000000", "500万元", "500万" → yuan, to the fen. */
    static BigDecimal money(String text, String where) {
        return QuantityText.yuan(text, Expectation.money(where + "：金额")).setScale(2);
    }
}
