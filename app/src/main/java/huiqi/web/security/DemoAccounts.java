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
 * Demo mode: an administrator, two department officers and an account for every enterprise the demo population
 * generated (username = its 统一社会信用代码; enterprises imported by an officer get none), all with the password
 * {@value #PASSWORD}. Outside demo mode the opposite: every enabled account that still accepts {@value #PASSWORD}
 * (a data directory first used in demo mode) is disabled and the banner says so; the administrator's password is
 * replaced by {@link AccountBootstrap}.
 */
@Component
@Order(100)
public class DemoAccounts implements StartupStep {
    public static final String PASSWORD = "demo123";

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    private final AccountAudit audit;

    public DemoAccounts(UserAccounts accounts, PasswordEncoder encoder, JdbcClient jdbc, TransactionTemplate tx,
                        AccountAudit audit) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
    }

    // Bound by id: "市工信局" is the spelling of every city's 工信局, so the name alone binds no unit.
    static final String FUZHOU_GONGXIN = "350100/工信局";
    static final String FUZHOU_CAIZHENG = "350100/财政局";

    @Override
    public List<String> run(boolean demo) {
        if (!demo) {
            return retire();
        }
        // One hash for all: BCrypt embeds its salt, and hashing thousands of accounts one by one takes minutes.
        String hash = encoder.encode(PASSWORD);
        accounts.create("admin", hash, Role.ADMIN, "系统管理员", null, null);
        accounts.create("gongxin", hash, Role.OFFICER, "市工信局经办", "市工信局", null, FUZHOU_GONGXIN);
        accounts.create("caizheng", hash, Role.OFFICER, "市财政局经办", "市财政局", null, FUZHOU_CAIZHENG);
        // 拨付 is never done by the approving officer: each payer department has its own 财政经办.
        accounts.create("guoku", hash, Role.FINANCE, "市财政局国库拨付", "市财政局", null, FUZHOU_CAIZHENG);
        accounts.create("gongxin-caiwu", hash, Role.FINANCE, "市工信局财务拨付", "市工信局", null, FUZHOU_GONGXIN);
        Integer created = tx.execute(s -> jdbc.sql("""
                insert into app_user (username, password_hash, role, display_name, uscc)
                select e.uscc, ?, 'ENTERPRISE', e.name, e.uscc from enterprise e where e.demo
                on conflict (username) do nothing""").param(hash).update());
        List<String> notes = new ArrayList<>();
        notes.add("演示模式（huiqi.demo=true），演示账号密码均为 " + PASSWORD + "：");
        notes.add("  管理员    admin");
        notes.add("  部门经办  gongxin（市工信局）  caizheng（市财政局）");
        notes.add("  财政经办  guoku（市财政局）  gongxin-caiwu（市工信局）（只拨付，不审核）");
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

    /** Production start: disables every account other than the administrator that still accepts the demo password. */
    private List<String> retire() {
        List<String> disabled = new ArrayList<>();
        // demo accounts share one hash, so this checks each distinct hash once rather than every account
        for (UserAccounts.HashGroup group : accounts.enabledHashGroups()) {
            if (encoder.matches(PASSWORD, group.passwordHash())) {
                group.usernames().stream().filter(u -> !u.equals(AccountBootstrap.ADMIN)).forEach(disabled::add);
            }
        }
        if (disabled.isEmpty()) {
            return List.of();
        }
        tx.executeWithoutResult(s -> disabled.forEach(u -> {
            accounts.setEnabled(u, false);
            audit.record(AccountAudit.SYSTEM, "SYSTEM", "停用演示账号", u, "非演示模式启动，该账号仍使用演示口令");
        }));
        return List.of("非演示模式：已停用 " + disabled.size() + " 个仍使用演示口令的账号（管理员可在“用户管理”中重置密码后启用）");
    }
}
