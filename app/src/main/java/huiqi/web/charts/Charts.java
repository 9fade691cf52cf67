package huiqi.web.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The small JSON chart specs that static/js/huiqi.js turns into ECharts charts, for every page that draws one:
 * {type, name, unit, labels, values} and, for several bars per label, series [{name, values}].
 */
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
        return spec(type, name, unit, labels, values, null);
    }

    /** values or series may be null: that key is then left out. */
    public static String spec(String type, String name, String unit, List<?> labels, List<?> values,
                              List<Map<String, Object>> series) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", type);
        spec.put("name", name);
        spec.put("unit", unit);
        spec.put("labels", labels);
        if (values != null) {
            spec.put("values", values);
        }
        if (series != null) {
            spec.put("series", series);
        }
        return JSON.writeValueAsString(spec);
    }

    /** One named series of a multi-series chart. */
    public static Map<String, Object> series(String name, List<?> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("values", values);
        return m;
    }
}
