package huiqi.web.fulfilment;

import huiqi.fulfilment.Actor;
import huiqi.web.paging.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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

    /** The 审计日志 page's filters: who, what, which object, and a date range (inclusive, in the server's zone). */
    public record Query(String actor, String action, String entity, String entityId, LocalDate from, LocalDate to) {
        static Query of(Filter f) {
            return new Query(f.actor(), f.action(), f.entity(), f.entityId(), null, null);
        }
    }

    public List<Entry> find(Filter f) {
        return find(Query.of(f), f.limit());
    }

    public List<Entry> find(Query q, int limit) {
        Where w = where(q);
        String sql = "select * from audit_log" + w.sql + " order by id desc limit " + Math.max(1, Math.min(limit, 100_000));
        return jdbc.sql(sql).params(w.params).query(AuditLog::entry).list();
    }

    /** One page, newest first (or by time ascending when asked). */
    public List<Entry> page(Query q, PageRequest request) {
        Where w = where(q);
        String sql = "select * from audit_log" + w.sql + " order by " + request.orderBy(Map.of("at", "id"), "id")
                + " limit " + request.size() + " offset " + request.offset();
        return jdbc.sql(sql).params(w.params).query(AuditLog::entry).list();
    }

    public long count(Query q) {
        Where w = where(q);
        return jdbc.sql("select count(*) from audit_log" + w.sql).params(w.params).query(Long.class).single();
    }

    /** The enterprise's 异议 on these cases and the officers' answers (重新推送 or 驳回 out of 企业异议), oldest first. */
    public List<Entry> objectionsAndReplies(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from audit_log where entity = 'case' and entity_id in (:ids) and before is not null
                  and (action = '异议' or (action in ('重新推送', '驳回') and before ->> 'state' = '企业异议'))
                order by id""")
                .param("ids", caseIds.stream().map(String::valueOf).toList()).query(AuditLog::entry).list();
    }

    /** The actions recorded so far, for the filter menu. */
    public List<String> actions() {
        return jdbc.sql("select distinct action from audit_log order by action").query(String.class).list();
    }

    /** Display names of the given accounts (the log keeps the username, which may later be renamed or removed). */
    public Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        if (usernames.isEmpty()) {
            return names;
        }
        jdbc.sql("select username, display_name from app_user where username in (:u)").param("u", usernames)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(Query q) {
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        equal(sql, params, "actor", q.actor());
        equal(sql, params, "action", q.action());
        equal(sql, params, "entity", q.entity());
        equal(sql, params, "entity_id", q.entityId());
        if (q.from() != null) {
            sql.append(" and at >= ?");
            params.add(q.from().atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime());
        }
        if (q.to() != null) {
            sql.append(" and at < ?");
            params.add(q.to().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime());
        }
        return new Where(sql.toString(), params);
    }

    private static void equal(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value.strip());
        }
    }

    private static Entry entry(ResultSet rs, int i) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                rs.getString("role"), rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"),
                rs.getString("before"), rs.getString("after"), rs.getString("detail"));
    }

    static Map<String, Object> row(Map<String, Object> m) {
        m.replaceAll((k, v) -> v instanceof Timestamp t ? t.toInstant().toString() : v);
        return m;
    }
}
