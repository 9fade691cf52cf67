package huiqi.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 修改密码: every signed-in account changes its own password (and must, after a generated or reset one). */
@Controller
class AccountController {
    static final String PASSWORD_PAGE = "/account/password";

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final AccountAudit audit;

    AccountController(UserAccounts accounts, PasswordEncoder encoder, AccountAudit audit) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
    }

    @GetMapping(PASSWORD_PAGE)
    @PreAuthorize("isAuthenticated()")
    String form(@AuthenticationPrincipal HuiqiUser user, Model model) {
        model.addAttribute("forced", user.isMustChangePassword());
        return "account/password";
    }

    @PostMapping(PASSWORD_PAGE)
    @PreAuthorize("isAuthenticated()")
    String change(@AuthenticationPrincipal HuiqiUser user, @RequestParam(defaultValue = "") String current,
                  @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirm,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        String stored = accounts.find(user.getUsername()).map(HuiqiUser::getPassword).orElse("");
        String problem = !encoder.matches(current, stored) ? "当前密码不正确"
                : !password.equals(confirm) ? "两次输入的新密码不一致"
                : password.equals(current) ? "新密码不能与当前密码相同"
                : PasswordPolicy.problem(user.getUsername(), password).orElse(null);
        if (problem != null) {
            model.addAttribute("forced", user.isMustChangePassword());
            model.addAttribute("problem", problem);
            return "account/password";
        }
        String hash = encoder.encode(password);
        accounts.setPassword(user.getUsername(), hash, false);
        audit.record(user.getUsername(), user.getRole().name(), "修改密码", user.getUsername(), "本人修改密码");
        HuiqiUser updated = user.withPasswordChanged(hash);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null,
                updated.getAuthorities()));
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
        return "redirect:/?passwordChanged";
    }
}
