package huiqi.web.rulesets;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Impacts kept with the version they were computed for (table rule_set_impact), against the published version of then. */
@Component
class ImpactStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;

    ImpactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(RuleSetImpact.Impact impact, OffsetDateTime computedAt) {
    }

    Optional<Stored> find(String policyId, int version, int baseVersion) {
        return jdbc.sql("select impact::text, computed_at from rule_set_impact where policy_id = ? and version = ? and base_version = ?")
                .params(policyId, version, baseVersion)
                .query((rs, n) -> new Stored(JSON.readValue(rs.getString(1), RuleSetImpact.Impact.class),
                        rs.getObject(2, OffsetDateTime.class)))
                .optional();
    }

    Stored save(String policyId, int version, int baseVersion, RuleSetImpact.Impact impact) {
        return jdbc.sql("""
                insert into rule_set_impact (policy_id, version, base_version, impact) values (?, ?, ?, ?::jsonb)
                on conflict (policy_id, version, base_version) do update set impact = excluded.impact, computed_at = now()
                returning computed_at""")
                .params(policyId, version, baseVersion, JSON.writeValueAsString(impact))
                .query((rs, n) -> new Stored(impact, rs.getObject(1, OffsetDateTime.class))).single();
    }
}
