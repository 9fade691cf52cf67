package huiqi.web.security;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The administrator. Outside demo mode there is no fixed password: huiqi.admin.password if it is configured,
 * otherwise a random one shown once in the start-up banner and to be changed at first sign-in. An administrator
 * still holding the demo password when the platform starts outside demo mode gets the same treatment.
 */
@Component
public class AccountBootstrap {
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    static final String ADMIN = "admin";

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final AccountAudit audit;
    private final String configuredPassword;

    public AccountBootstrap(UserAccounts accounts, PasswordEncoder encoder, AccountAudit audit,
                            @Value("${huiqi.admin.password:}") String configuredPassword) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.configuredPassword = configuredPassword;
    }

    /** Returns the generated password when one was generated now (for the banner, shown once), else null. */
    public String ensureAdministrator(boolean demo) {
        Optional<HuiqiUser> admin = accounts.find(ADMIN);
        if (accounts.countByRole(Role.ADMIN) == 0 && admin.isEmpty()) {
            return setPassword(true, "首次启动创建管理员账号");
        }
        if (demo || admin.isEmpty()) {
            return null;
        }
        if (encoder.matches(DemoAccounts.PASSWORD, admin.get().getPassword())) {
            log.warn("非演示模式启动：管理员 admin 仍在使用演示口令，已改为{}", configuredPassword.isBlank()
                    ? "新生成的口令" : "配置的 huiqi.admin.password");
            return setPassword(false, "非演示模式启动，替换管理员的演示口令");
        }
        if (!configuredPassword.isBlank() && !encoder.matches(configuredPassword, admin.get().getPassword())) {
            log.warn("管理员账号 admin 已存在且已设置自己的口令，未按 huiqi.admin.password 修改（如需重置，请由管理员在“用户管理”中操作）");
        }
        return null;
    }

    private String setPassword(boolean create, String why) {
        boolean generated = configuredPassword.isBlank();
        String password = generated ? PasswordPolicy.generate(16) : configuredPassword;
        String hash = encoder.encode(password);
        if (create) {
            accounts.create(ADMIN, hash, Role.ADMIN, "系统管理员", null, null);
        }
        accounts.setPassword(ADMIN, hash, generated);
        accounts.setEnabled(ADMIN, true);
        audit.record(AccountAudit.SYSTEM, "SYSTEM", "设置管理员口令", ADMIN,
                why + (generated ? "：生成随机口令，首次登录须修改" : "：使用配置的 huiqi.admin.password"));
        return generated ? password : null;
    }
}
