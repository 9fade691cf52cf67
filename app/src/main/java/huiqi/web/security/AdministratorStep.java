package huiqi.web.security;

import huiqi.app.StartupStep;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Last of the first-start steps: the first administrator (its generated password goes into the banner once). */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AdministratorStep implements StartupStep {
    private final AccountBootstrap accounts;

    AdministratorStep(AccountBootstrap accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<String> run(boolean demo) {
        String generated = accounts.ensureAdministrator(demo);
        return generated == null ? List.of() : List.of("管理员: admin / " + generated + "（首次启动生成，只显示这一次）");
    }
}
