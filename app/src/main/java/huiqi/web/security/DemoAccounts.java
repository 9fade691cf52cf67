package huiqi.web.security;

import huiqi.app.StartupStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: an administrator, two department officers and an account for every demo enterprise
 * (username = its 统一社会信用代码), all with the password {@value #PASSWORD}.
 */
@Component
@Order(100)
public class DemoAccounts implements StartupStep {
    public static final String PASSWORD = "demo123";

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public DemoAccounts(UserAccounts accounts, PasswordEncoder encoder, JdbcClient jdbc, TransactionTemplate tx) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public List<String> run(boolean demo) {
        if (!demo) {
            return List.of();
        }
        // One hash for all: BCrypt embeds its salt, and hashing thousands of accounts one by one takes minutes.
        String hash = encoder.encode(PASSWORD);
        accounts.create("admin", hash, Role.ADMIN, "系统管理员", null, null);
        accounts.create("gongxin", hash, Role.OFFICER, "市工信局经办", "市工信局", null);
        accounts.create("caizheng", hash, Role.OFFICER, "市财政局经办", "市财政局", null);
        Integer created = tx.execute(s -> jdbc.sql("""
                insert into app_user (username, password_hash, role, display_name, uscc)
                select e.uscc, ?, 'ENTERPRISE', e.name, e.uscc from enterprise e
                on conflict (username) do nothing""").param(hash).update());
        List<String> notes = new ArrayList<>();
        notes.add("演示模式（huiqi.demo=true），演示账号密码均为 " + PASSWORD + "：");
        notes.add("  管理员    admin");
        notes.add("  部门经办  gongxin（市工信局）  caizheng（市财政局）");
        List<Map<String, Object>> sample = jdbc.sql("""
                select u.username, u.display_name from app_user u where u.role = 'ENTERPRISE'
                order by u.username limit 2""").query().listOfRows();
        for (Map<String, Object> row : sample) {
            notes.add("  企业      " + row.get("username") + "（" + row.get("display_name") + "）");
        }
        if (created != null && created > 0) {
            notes.add("  （已为 " + created + " 户演示企业创建账号，用户名为统一社会信用代码）");
        }
        return notes;
    }
}
