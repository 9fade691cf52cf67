package huiqi.web.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Account events in the shared audit_log (entity {@code account}): sign-in lockouts, password changes and
 * resets, enabling and disabling, and what a production start did to demo logins.
 */
@Component
public class AccountAudit {
    /** The actor of events nobody signed in caused (start-up, a stranger's wrong passwords). */
    public static final String SYSTEM = "system";

    private final JdbcClient jdbc;

    public AccountAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, String actorRole, String action, String username, String detail) {
        jdbc.sql("""
                        insert into audit_log (actor, role, action, entity, entity_id, detail)
                        values (?, ?, ?, 'account', ?, ?)""")
                .params(clip(actor, 64), clip(actorRole, 16), action, clip(username, 64), detail)
                .update();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
