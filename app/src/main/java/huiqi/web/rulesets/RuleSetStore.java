package huiqi.web.rulesets;

import huiqi.web.rules.PublishedVersions;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** rule_set and rule_set_version rows; state changes are guarded by the optimistic lock (lock_version). */
@Repository
public class RuleSetStore implements PublishedVersions {
    private final JdbcClient jdbc;

    RuleSetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every published version except those a successor replaced from their own first day (they never apply). */
    @Override
    public List<Published> all() {
        return jdbc.sql("""
                        select v.policy_id, v.version, v.effective_from, v.yaml from rule_set_version v
                        left join rule_set_version s on s.policy_id = v.policy_id and s.version = v.superseded_by
                        where v.published_at is not null
                          and (s.effective_from is null or s.effective_from > v.effective_from)
                        order by v.policy_id, v.version""")
                .query((rs, i) -> new Published(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4))).list();
    }

    @Override
    public Optional<String> sourceText(String policyId) {
        return jdbc.sql("select source_text from policy_document where id = ?").param(policyId)
                .query(String.class).optional();
    }

    boolean documentExists(String policyId) {
        return jdbc.sql("select count(*) from policy_document where id = ?").param(policyId)
                .query(Long.class).single() > 0;
    }

    /** The document's effective date, else its issue date (null when it states neither). */
    Optional<LocalDate> documentDate(String policyId) {
        return jdbc.sql("select coalesce(effective_from, issued_on) from policy_document where id = ?").param(policyId)
                .query((rs, i) -> rs.getObject(1, LocalDate.class)).optional();
    }

    boolean hasVersions(String policyId) {
        return jdbc.sql("select count(*) from rule_set_version where policy_id = ?").param(policyId)
                .query(Long.class).single() > 0;
    }

    Optional<RuleSetVersion> find(String policyId, int version) {
        return jdbc.sql("select * from rule_set_version where policy_id = ? and version = ?").params(policyId, version)
                .query(RuleSetStore::row).optional();
    }

    /** The same row locked for update (state changes read, check and write it in one transaction). */
    Optional<RuleSetVersion> lock(String policyId, int version) {
        return jdbc.sql("select * from rule_set_version where policy_id = ? and version = ? for update")
                .params(policyId, version).query(RuleSetStore::row).optional();
    }

    /** Every version of a policy, newest first. */
    List<RuleSetVersion> versions(String policyId) {
        return jdbc.sql("select * from rule_set_version where policy_id = ? order by version desc").param(policyId)
                .query(RuleSetStore::row).list();
    }

    /** Versions in a state, of every policy (the reviewers' queue), oldest first. */
    List<RuleSetVersion> inState(RuleSetState state) {
        return jdbc.sql("select * from rule_set_version where state = ? order by updated_at, id").param(state.label())
                .query(RuleSetStore::row).list();
    }

    /** The newest version of a policy (the head), if any. */
    Optional<RuleSetVersion> head(String policyId) {
        return jdbc.sql("select * from rule_set_version where policy_id = ? order by version desc limit 1 for update")
                .param(policyId).query(RuleSetStore::row).optional();
    }

    /** The published version in force today (the latest effective on or before today, else the earliest). */
    Optional<RuleSetVersion> publishedNow(String policyId) {
        return jdbc.sql("""
                        select * from rule_set_version where policy_id = ? and published_at is not null
                        order by (effective_from <= current_date) desc,
                                 case when effective_from <= current_date then effective_from end desc nulls last,
                                 effective_from, version desc
                        limit 1""")
                .param(policyId).query(RuleSetStore::row).optional();
    }

    /** Policy ids with a rule set. */
    List<String> policies() {
        return jdbc.sql("select policy_id from rule_set order by policy_id").query(String.class).list();
    }

    void ensureRuleSet(String policyId) {
        jdbc.sql("insert into rule_set (policy_id) values (?) on conflict do nothing").param(policyId).update();
    }

    int insert(String policyId, int version, RuleSetState state, String yaml, Integer basedOn, String author,
               LocalDate effectiveFrom) {
        jdbc.sql("""
                        insert into rule_set_version (policy_id, version, state, yaml, based_on, authors, author,
                                                      effective_from, published_at)
                        values (?, ?, ?, ?, ?, array[?]::text[], ?, ?, case when ? then now() end)""")
                .params(policyId, version, state.label(), yaml, basedOn, author, author, effectiveFrom,
                        effectiveFrom != null)
                .update();
        return version;
    }

    /** Serializes the saves of one policy's rule set (the head is read and extended in one step). */
    void lockRuleSet(String policyId) {
        jdbc.sql("select policy_id from rule_set where policy_id = ? for update").param(policyId).query().listOfRows();
    }

    void addAuthors(String policyId, int version, List<String> authors) {
        jdbc.sql("""
                        update rule_set_version set authors = array(select distinct unnest(authors || ?::text[]))
                        where policy_id = ? and version = ?""")
                .params(authors.toArray(String[]::new), policyId, version).update();
    }

    /** A draft a newer save replaced (it keeps its state; its text stays readable). */
    void supersede(String policyId, int version, int by) {
        jdbc.sql("update rule_set_version set superseded_by = ?, updated_at = now(), lock_version = lock_version + 1"
                + " where policy_id = ? and version = ?").params(by, policyId, version).update();
    }

    /** Moves a version on, refusing (false) when someone changed it since {@code lockVersion} was read. */
    boolean transition(RuleSetVersion v, RuleSetState to, String sql, Object... params) {
        Object[] all = new Object[params.length + 4];
        all[0] = to.label();
        System.arraycopy(params, 0, all, 1, params.length);
        all[params.length + 1] = v.policyId();
        all[params.length + 2] = v.version();
        all[params.length + 3] = v.lockVersion();
        return jdbc.sql("update rule_set_version set state = ?, " + sql
                        + ", updated_at = now(), lock_version = lock_version + 1"
                        + " where policy_id = ? and version = ? and lock_version = ?")
                .params(all).update() == 1;
    }

    static RuleSetVersion row(ResultSet rs, int i) throws SQLException {
        Array authors = rs.getArray("authors");
        return new RuleSetVersion(rs.getLong("id"), rs.getString("policy_id"), rs.getInt("version"),
                RuleSetState.of(rs.getString("state")), rs.getString("yaml"), (Integer) rs.getObject("based_on"),
                authors == null ? List.of() : Arrays.asList((String[]) authors.getArray()), rs.getString("author"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getObject("requested_from", LocalDate.class),
                rs.getString("reviewer"), rs.getObject("reviewed_at", OffsetDateTime.class),
                rs.getString("review_comment"), rs.getObject("effective_from", LocalDate.class),
                rs.getObject("published_at", OffsetDateTime.class), (Integer) rs.getObject("superseded_by"),
                rs.getInt("lock_version"));
    }
}
