package huiqi.web.security;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first administrator. Outside demo mode there is no fixed password: huiqi.admin.password if it is
 * configured, otherwise a random one printed once, at the first start (when no administrator exists yet).
 */
@Component
public class AccountBootstrap {
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final String configuredPassword;

    public AccountBootstrap(UserAccounts accounts, PasswordEncoder encoder,
                            @Value("${huiqi.admin.password:}") String configuredPassword) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.configuredPassword = configuredPassword;
    }

    /** Returns the generated password when one was generated now, else null. */
    public String ensureAdministrator() {
        if (accounts.countByRole(Role.ADMIN) > 0) {
            return null;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        accounts.create("admin", encoder.encode(password), Role.ADMIN, "系统管理员", null, null);
        if (generated) {
            log.warn("首次启动：已创建管理员账号 admin，初始密码 {}（只显示这一次，请登录后妥善保管）", password);
            return password;
        }
        log.info("已按配置 huiqi.admin.password 创建管理员账号 admin");
        return null;
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
