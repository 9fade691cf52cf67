package huiqi.web.fulfilment;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One audit entry as a person reads it: who (name, account, role in Chinese), what (action and the object in
 * Chinese), when, and the fields that changed as "字段：旧 → 新" instead of two JSON snapshots.
 */
public record AuditRow(long id, OffsetDateTime at, String who, String account, String role, String action,
                       String object, List<String> changes, String detail) {

    static AuditRow of(AuditLog.Entry e, Map<String, String> displayNames) {
        String name = displayNames.get(e.actor());
        String who = e.actor() == null ? "" : "system".equals(e.actor()) ? "系统" : name == null ? e.actor() : name;
        String object = AuditLabels.entity(e.entity()) + (e.entityId() == null ? "" : " " + e.entityId());
        return new AuditRow(e.id(), e.at(), who, e.actor(), AuditLabels.role(e.role()), e.action(), object,
                changes(e.before(), e.after()), e.detail());
    }

    /** Changed fields when both snapshots exist; otherwise the fields of the one that does. */
    static List<String> changes(String beforeJson, String afterJson) {
        JsonNode before = parse(beforeJson);
        JsonNode after = parse(afterJson);
        List<String> out = new ArrayList<>();
        if (before == null && after == null) {
            return out;
        }
        Set<String> keys = new LinkedHashSet<>();
        if (before != null) {
            keys.addAll(before.propertyNames());
        }
        if (after != null) {
            keys.addAll(after.propertyNames());
        }
        for (String k : keys) {
            String b = text(before, k);
            String a = text(after, k);
            if (before != null && after != null) {
                if (!Objects.equals(a, b)) {
                    out.add(AuditLabels.field(k) + "：" + (b == null ? "—" : b) + " → " + (a == null ? "—" : a));
                }
            } else {
                out.add(AuditLabels.field(k) + "：" + (a != null ? a : b));
            }
        }
        return out;
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        JsonNode n = AuditLog.JSON.readTree(json);
        return n.isObject() ? n : null;
    }

    private static String text(JsonNode node, String key) {
        if (node == null || !node.has(key) || node.get(key).isNull()) {
            return null;
        }
        JsonNode v = node.get(key);
        if (v.isValueNode()) {
            return v.asString();
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(x.isValueNode() ? x.asString() : x.toString()));
            return String.join("、", items);
        }
        List<String> items = new ArrayList<>();
        v.properties().forEach(en -> items.add(en.getKey() + " " + (en.getValue().isValueNode() ? en.getValue().asString() : en.getValue().toString())));
        return String.join("；", items);
    }
}
