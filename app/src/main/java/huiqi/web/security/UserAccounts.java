package huiqi.web.security;

import java.util.List;
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

    public UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public HuiqiUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("用户不存在"));
    }

    public Optional<HuiqiUser> find(String username) {
        return jdbc.sql("select * from app_user where username = ?").param(username)
                .query((rs, i) -> new HuiqiUser(rs.getString("username"), rs.getString("password_hash"),
                        rs.getBoolean("enabled"), Role.valueOf(rs.getString("role")), rs.getString("display_name"),
                        rs.getString("unit"), rs.getString("uscc")))
                .optional();
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    public long countByRole(Role role) {
        return jdbc.sql("select count(*) from app_user where role = ?").param(role.name()).query(Long.class).single();
    }

    /** Creates the account unless the username is taken; returns whether it was created. */
    @Transactional
    public boolean create(String username, String passwordHash, Role role, String displayName, String unit,
                          String uscc) {
        return jdbc.sql("""
                        insert into app_user (username, password_hash, role, display_name, unit, uscc)
                        values (?, ?, ?, ?, ?, ?) on conflict (username) do nothing""")
                .params(username, passwordHash, role.name(), displayName, unit, uscc).update() == 1;
    }

    public List<AccountRow> list(int limit) {
        return jdbc.sql("""
                        select username, role, display_name, unit, uscc, enabled from app_user
                        order by case role when 'ADMIN' then 0 when 'OFFICER' then 1 else 2 end, username limit ?""")
                .param(limit)
                .query((rs, i) -> new AccountRow(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6)))
                .list();
    }

    public record AccountRow(String username, Role role, String displayName, String unit, String uscc,
                             boolean enabled) {
    }
}
