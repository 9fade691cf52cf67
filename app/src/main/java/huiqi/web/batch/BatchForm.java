package huiqi.web.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The page's start form; overrides are typed one "参数全名=值" per line. */
public record BatchForm(String docId, String asOf, String overrides, String budgetAmount, String budgetMethod,
                        String budgetPayer) {

    static BatchForm empty() {
        return new BatchForm("", "", "", "", "pro-rata", "");
    }

    /**
     * The form with the what-if form's fields (one per parameter, named "set:" + 参数全名) added to the typed
     * overrides. A bare number takes the parameter's own unit, so nobody has to type "元/千瓦时".
     */
    BatchForm withSettings(Map<String, String> fields, Map<String, String> unitOf) {
        StringBuilder lines = new StringBuilder(overrides == null ? "" : overrides.strip());
        fields.forEach((key, raw) -> {
            if (!key.startsWith(SETTING) || raw == null || raw.isBlank()) {
                return;
            }
            String name = key.substring(SETTING.length());
            String value = raw.strip();
            String unit = unitOf.get(name);
            if (unit != null && value.matches("[-+]?[0-9]+(\\.[0-9]+)?")) {
                value = value + unit;
            }
            if (!lines.isEmpty()) {
                lines.append('\n');
            }
            lines.append(name).append('=').append(value);
        });
        return new BatchForm(docId, asOf, lines.toString(), budgetAmount, budgetMethod, budgetPayer);
    }

    static final String SETTING = "set:";

    /** The request, or every problem of the overrides' line syntax plus what the validator finds. */
    BatchRunRequest request(List<String> problems) {
        Map<String, String> map = new LinkedHashMap<>();
        if (overrides != null) {
            String[] lines = overrides.split("\\R");
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i].trim();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int eq = l.indexOf('=');
                if (eq <= 0) {
                    problems.add("试算第 " + (i + 1) + " 行应写成 参数全名=值，如 fz-2024-2/7.rate=0.03元/千瓦时，实为 '" + l + "'");
                    continue;
                }
                map.put(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
            }
        }
        return new BatchRunRequest(docId, asOf, map, new BatchRunRequest.BudgetRequest(budgetPayer, budgetAmount, budgetMethod));
    }
}
