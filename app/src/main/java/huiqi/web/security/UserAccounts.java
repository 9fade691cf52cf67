package huiqi.web.security;

import java.time.Duration;
import huiqi.web.organisation.OrgStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The app_user table, and the lookup Spring Security uses at login. */
@Repository
public class UserAccounts implements UserDetailsService {
    private final JdbcClient jdbc;
    private final OrgStore units;

    public UserAccounts(JdbcClient jdbc, OrgStore units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    @Override
    public HuiqiUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("用户不存在"));
    }

    public Optional<HuiqiUser> find(String username) {
        return jdbc.sql("""
                        select u.*, coalesce(u.locked_until > now(), false) as locked,
                               o.region_code || '|' || o.region_name as government_key, o.region_name as government_name
                        from app_user u left join org_unit o on o.id = u.unit_id where u.username = ?""")
                .param(username)
                .query((rs, i) -> new HuiqiUser(rs.getString("username"), rs.getString("password_hash"),
                        rs.getBoolean("enabled"), !rs.getBoolean("locked"), rs.getBoolean("must_change_password"),
                        Role.parse(rs.getString("role")), rs.getString("display_name"), rs.getString("unit"),
                        rs.getString("uscc"), new HuiqiUser.UnitBinding(rs.getString("unit_id"),
                                rs.getString("government_key"), rs.getString("government_name"))))
                .optional();
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    public long countByRole(Role role) {
        return jdbc.sql("select count(*) from app_user where role = ?").param(role.name()).query(Long.class).single();
    }

    /**
     * Creates the account unless the username is taken; returns whether it was created. The unit is bound to the
     * 组织目录 unit it names (its id, full name, or an alias only one unit has), unbound when none or several.
     */
    @Transactional
    public boolean create(String username, String passwordHash, Role role, String displayName, String unit,
                          String uscc) {
        return create(username, passwordHash, role, displayName, unit, uscc, units.idOf(unit).orElse(null));
    }

    /** Creates the account bound to directory unit {@code unitId} (its unit name then is that unit's label). */
    @Transactional
    public boolean create(String username, String passwordHash, Role role, String displayName, String unit,
                          String uscc, String unitId) {
        return jdbc.sql("""
                        insert into app_user (username, password_hash, role, display_name, unit, uscc, unit_id)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (username) do nothing""")
                .params(username, passwordHash, role.name(), displayName, unit, uscc, unitId).update() == 1;
    }

    /** Binds accounts whose unit names exactly one directory unit but have no unit id yet; returns how many. */
    @Transactional
    public int bindUnits() {
        int bound = 0;
        for (var row : jdbc.sql("select username, unit from app_user where unit is not null and unit_id is null")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list()) {
            var id = units.idOf(row.getValue());
            if (id.isPresent()) {
                bound += jdbc.sql("update app_user set unit_id = ? where username = ?").params(id.get(), row.getKey()).update();
            }
        }
        return bound;
    }

    /** Sets a new password hash; {@code mustChange} forces a change at the next sign-in (generated or reset). */
    public boolean setPassword(String username, String passwordHash, boolean mustChange) {
        return jdbc.sql("""
                        update app_user set password_hash = ?, must_change_password = ?, failed_logins = 0,
                        locked_until = null where username = ?""")
                .params(passwordHash, mustChange, username).update() == 1;
    }

    public boolean setEnabled(String username, boolean enabled) {
        return jdbc.sql("update app_user set enabled = ? where username = ?").params(enabled, username).update() == 1;
    }

    public boolean unlock(String username) {
        return jdbc.sql("update app_user set failed_logins = 0, locked_until = null where username = ?")
                .param(username).update() == 1;
    }

    /**
     * Counts one wrong password; at {@code maxFailures} in a row the account locks for {@code lockFor}. Returns
     * true when this failure locked it.
     */
    public boolean recordFailure(String username, int maxFailures, Duration lockFor) {
        Integer failures = jdbc.sql("""
                        update app_user set failed_logins = failed_logins + 1 where username = ?
                        returning failed_logins""")
                .param(username).query(Integer.class).optional().orElse(null);
        if (failures == null || failures < maxFailures) {
            return false;
        }
        jdbc.sql("update app_user set failed_logins = 0, locked_until = now() + make_interval(secs => ?) where username = ?")
                .params(lockFor.toSeconds(), username).update();
        return true;
    }

    public void recordSuccess(String username) {
        jdbc.sql("update app_user set failed_logins = 0 where username = ? and failed_logins <> 0")
                .param(username).update();
    }

    /** Distinct password hashes of enabled accounts with the accounts that share each one. */
    public List<HashGroup> enabledHashGroups() {
        return jdbc.sql("""
                        select password_hash, array_agg(username order by username) from app_user where enabled
                        group by password_hash""")
                .query((rs, i) -> new HashGroup(rs.getString(1),
                        List.of((String[]) rs.getArray(2).getArray())))
                .list();
    }

    public record HashGroup(String passwordHash, List<String> usernames) {
    }

    private static final String MATCHING = """
            where username ilike :q or display_name ilike :q or coalesce(unit, '') ilike :q
                  or coalesce(uscc, '') ilike :q
            """;

    /** One page of accounts, optionally filtered by a fragment of the username, name, unit or 信用代码. */
    public List<AccountRow> list(String query, int limit) {
        return list(query, limit, 0);
    }

    public List<AccountRow> list(String query, int limit, int offset) {
        return jdbc.sql("""
                        select username, role, display_name, unit, uscc, enabled, coalesce(locked_until > now(), false),
                               must_change_password
                        from app_user
                        """ + MATCHING + """
                        order by case role when 'ADMIN' then 0 when 'SUPERVISOR' then 1 when 'OFFICER' then 2 else 3 end,
                                 username limit :limit offset :offset""")
                .param("q", like(query)).param("limit", limit).param("offset", offset)
                .query((rs, i) -> new AccountRow(rs.getString(1), Role.parse(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8)))
                .list();
    }

    public long count(String query) {
        return jdbc.sql("select count(*) from app_user " + MATCHING).param("q", like(query)).query(Long.class).single();
    }

    private static String like(String query) {
        String q = query == null ? "" : query.strip();
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public record AccountRow(String username, Role role, String displayName, String unit, String uscc,
                             boolean enabled, boolean locked, boolean mustChangePassword) {
    }
}
