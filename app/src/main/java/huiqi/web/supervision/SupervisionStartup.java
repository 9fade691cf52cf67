package huiqi.web.supervision;

import huiqi.app.StartupStep;
import huiqi.web.security.DemoAccounts;
import huiqi.web.security.Role;
import huiqi.web.security.UserAccounts;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * After the policy library is loaded: generates the 督查任务 of every document that has none yet, and in demo
 * mode creates the 督查室 account {@value #DEMO_USER}.
 */
@Component
@Order(110)
class SupervisionStartup implements StartupStep {
    static final String DEMO_USER = "ducha";

    private final TaskStore tasks;
    private final UserAccounts accounts;
    private final PasswordEncoder encoder;

    SupervisionStartup(TaskStore tasks, UserAccounts accounts, PasswordEncoder encoder) {
        this.tasks = tasks;
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @Override
    public List<String> run(boolean demo) {
        List<String> notes = new ArrayList<>();
        notes.add("督查督办：本次生成督查任务 " + tasks.syncAll() + " 项（已有任务不重复生成）");
        if (demo) {
            if (!accounts.exists(DEMO_USER)) {
                accounts.create(DEMO_USER, encoder.encode(DemoAccounts.PASSWORD), Role.SUPERVISOR, "市政府督查室",
                        "福州市人民政府", null);
            }
            notes.add("  督查室    " + DEMO_USER + "（福州市人民政府督查室，密码 " + DemoAccounts.PASSWORD + "）");
        }
        return notes;
    }
}
