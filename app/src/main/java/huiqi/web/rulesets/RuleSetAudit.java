package huiqi.web.rulesets;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rule-set events in the shared audit_log (entity {@code rule_set}, id "policy#version"): who saved, submitted,
 * approved, rejected or imported which version, its state before and after. The text itself is the version's,
 * stored once and never changed, so the log names the version rather than copying it.
 */
@Component
class RuleSetAudit {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    RuleSetAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Editor who, String action, String policyId, int version, RuleSetState before, RuleSetState after,
                String detail) {
        jdbc.sql("""
                        insert into audit_log (actor, role, action, entity, entity_id, before, after, detail)
                        values (?, ?, ?, 'rule_set', ?, cast(? as jsonb), cast(? as jsonb), ?)""")
                .params(who.username(), who.role(), action, policyId + "#" + version, state(before), state(after), detail)
                .update();
    }

    private static String state(RuleSetState s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.label());
        return JSON.writeValueAsString(m);
    }
}
