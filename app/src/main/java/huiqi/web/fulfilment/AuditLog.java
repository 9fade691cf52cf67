package huiqi.web.fulfilment;

import huiqi.fulfilment.Actor;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every fulfilment action leaves one row: who, when, what, and the entity before and after as JSON. Written
 * in the same transaction as the action, so an action and its record commit or vanish together.
 */
public class AuditLog {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Actor actor, String action, String entity, Object entityId, Object before, Object after,
                       String detail) {
        jdbc.sql("""
                insert into audit_log (actor, role, action, entity, entity_id, before, after, detail)
                values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)""")
                .params(actor.username(), actor.role().name(), action, entity, entityId == null ? null : entityId.toString(),
                        json(before), json(after), detail)
                .update();
    }

    private static String json(Object o) {
        return o == null ? null : JSON.writeValueAsString(o);
    }

    public record Entry(long id, OffsetDateTime at, String actor, String role, String action, String entity,
                        String entityId, String before, String after, String detail) {
        /** "已推送 → 部门审核" when the entry carries case states. */
        public String stateChange() {
            String from = field(before, "state");
            String to = field(after, "state");
            if (from == null && to == null) {
                return "";
            }
            return (from == null ? "" : from) + " → " + (to == null ? "" : to);
        }

        private static String field(String json, String name) {
            if (json == null) {
                return null;
            }
            var node = JSON.readTree(json).get(name);
            return node == null ? null : node.asString();
        }
    }

    public record Filter(String actor, String action, String entity, String entityId, int limit) {
    }

    public List<Entry> find(Filter f) {
        StringBuilder sql = new StringBuilder("select * from audit_log where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.actor() != null && !f.actor().isBlank()) {
            sql.append(" and actor = ?");
            params.add(f.actor().strip());
        }
        if (f.action() != null && !f.action().isBlank()) {
            sql.append(" and action = ?");
            params.add(f.action().strip());
        }
        if (f.entity() != null && !f.entity().isBlank()) {
            sql.append(" and entity = ?");
            params.add(f.entity().strip());
        }
        if (f.entityId() != null && !f.entityId().isBlank()) {
            sql.append(" and entity_id = ?");
            params.add(f.entityId().strip());
        }
        sql.append(" order by id desc limit ").append(Math.max(1, Math.min(f.limit(), 100_000)));
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new Entry(rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class), rs.getString("actor"), rs.getString("role"),
                rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"), rs.getString("before"),
                rs.getString("after"), rs.getString("detail"))).list();
    }

    static Map<String, Object> row(Map<String, Object> m) {
        m.replaceAll((k, v) -> v instanceof Timestamp t ? t.toInstant().toString() : v);
        return m;
    }
}
