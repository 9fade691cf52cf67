package huiqi.web.rulesets;

import huiqi.app.StartupStep;
import huiqi.web.security.DemoAccounts;
import huiqi.web.security.Role;
import huiqi.web.security.UserAccounts;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Demo mode: the 政策审核 account that reviews and publishes rule-set versions. */
@Component
@Order(105)
class ReviewerAccount implements StartupStep {
    static final String DEMO_USER = "shenhe";

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;

    ReviewerAccount(UserAccounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @Override
    public List<String> run(boolean demo) {
        if (!demo) {
            return List.of();
        }
        if (!accounts.exists(DEMO_USER)) {
            accounts.create(DEMO_USER, encoder.encode(DemoAccounts.PASSWORD), Role.REVIEWER, "政策法规科审核", null, null);
        }
        return List.of("  政策审核  " + DEMO_USER + "（审核并发布规则，密码 " + DemoAccounts.PASSWORD + "）");
    }
}
