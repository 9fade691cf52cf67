package huiqi.web.security;

import huiqi.app.StartupStep;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Accounts created before the organisation directory (or by name): bound to the directory unit they name. */
@Component
@Order(105)
class AccountUnitBinding implements StartupStep {
    private final UserAccounts accounts;

    AccountUnitBinding(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<String> run(boolean demo) {
        int bound = accounts.bindUnits();
        return bound == 0 ? List.of() : List.of("组织目录：" + bound + " 个账号已按所属部门绑定到目录单位");
    }
}
