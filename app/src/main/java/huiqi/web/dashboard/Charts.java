package huiqi.web.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Builds the small JSON chart specs that static/js/huiqi.js turns into ECharts charts. */
public final class Charts {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Charts() {
    }

    /** A bar chart from rows with columns "label" and "n". */
    public static String bar(String name, String unit, List<Map<String, Object>> rows) {
        List<Object> labels = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            labels.add(row.get("label"));
            values.add(row.get("n"));
        }
        return spec("bar", name, unit, labels, values);
    }

    public static String spec(String type, String name, String unit, List<?> labels, List<?> values) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", type);
        spec.put("name", name);
        spec.put("unit", unit);
        spec.put("labels", labels);
        spec.put("values", values);
        return JSON.writeValueAsString(spec);
    }
}
