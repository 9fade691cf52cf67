package huiqi.web.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Filters of the results table: rule id, status, and a search over name, 统一社会信用代码 or region code. */
public record ResultFilter(String rule, String status, String q) {
    static final Set<String> STATUSES = Set.of("eligible", "ineligible", "undeterminable");

    public ResultFilter {
        rule = rule == null || rule.isBlank() ? null : rule.trim();
        status = status == null || status.isBlank() ? null : status.trim();
        q = q == null || q.isBlank() ? null : q.trim();
        if (status != null && !STATUSES.contains(status)) {
            throw new BatchInputException(List.of("状态应为 eligible（符合）、ineligible（不符合）或 undeterminable（无法判断），实为 '"
                    + status + "'"));
        }
        if (q != null && q.length() > 100) {
            throw new BatchInputException(List.of("搜索词过长（最多 100 字）"));
        }
    }

    /** The WHERE clause after "run_id = ?" and its parameters, the same in PostgreSQL and DuckDB. */
    String where(List<Object> params) {
        List<String> parts = new ArrayList<>();
        if (rule != null) {
            parts.add("rule_id = ?");
            params.add(rule);
        }
        if (status != null) {
            parts.add("status = ?");
            params.add(status);
        }
        if (q != null) {
            // the escape spelled out: PostgreSQL's default, DuckDB (which reads the run's file) has none
            parts.add("(name ilike ? escape '\\' or uscc like ? escape '\\' or region_code like ? escape '\\')");
            params.add("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.add(q.toUpperCase() + "%");
            params.add(q + "%");
        }
        return parts.isEmpty() ? "" : " and " + String.join(" and ", parts);
    }

    public static String statusLabel(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "eligible" -> "符合";
            case "ineligible" -> "不符合";
            case "undeterminable" -> "无法判断";
            default -> status;
        };
    }
}
