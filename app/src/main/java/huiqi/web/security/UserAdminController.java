package huiqi.web.security;

import huiqi.web.organisation.OrgStore;
import huiqi.web.paging.PageRequest;
import huiqi.web.paging.Paged;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 用户管理 (管理员 only): find accounts, create officer, 督查室 or enterprise accounts (the initial password must
 * be changed at first sign-in), reset a password, unlock, disable and enable.
 */
@Controller
class UserAdminController {
    static final int PAGE = 50;

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final AccountAudit audit;
    private final LoginThrottle throttle;
    private final NewAccountValidator validator;
    private final OrgStore units;

    UserAdminController(UserAccounts accounts, PasswordEncoder encoder, AccountAudit audit, LoginThrottle throttle,
                        NewAccountValidator validator, OrgStore units) {
        this.units = units;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.throttle = throttle;
        this.validator = validator;
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasRole('ADMIN')")
    String list(@RequestParam(name = "q", defaultValue = "") String q, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, Model model) {
        String query = q.length() > 64 ? q.substring(0, 64) : q;
        PageRequest request = PageRequest.of(page, size == null ? PAGE : size, null, List.of(), "");
        Paged<UserAccounts.AccountRow> rows = Paged.of(accounts.list(query, request.size(), request.offset()),
                accounts.count(query), request, "/admin/users", Map.of("q", query));
        model.addAttribute("q", query);
        model.addAttribute("page", rows);
        model.addAttribute("accounts", rows.rows());
        model.addAttribute("total", rows.total());
        model.addAttribute("roles", Role.values());
        model.addAttribute("unitChoices", units.activeByGovernment());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewAccount("", "", "OFFICER", "", "", ""));
        }
        return "admin/users";
    }

    @PostMapping("/admin/users")
    @PreAuthorize("hasRole('ADMIN')")
    String create(@AuthenticationPrincipal HuiqiUser admin, @Valid @ModelAttribute("form") NewAccount form,
                  BindingResult errors, Model model) {
        Role role = validator.validate(form, errors);
        String uscc = NewAccountValidator.uscc(form);
        if (errors.hasErrors() || role == null) {
            return list("", null, null, model);
        }
        String unit = (role == Role.OFFICER || role == Role.FINANCE || role == Role.SUPERVISOR)
                && form.unit() != null && !form.unit().isBlank()
                ? form.unit().strip() : null;
        String unitId = unit == null ? null : units.idOf(unit).orElse(null);
        // chosen from the list by id: the account shows the unit's canonical name
        String label = unitId != null && unitId.equals(unit) ? units.nameOf(unitId).orElse(unit) : unit;
        accounts.create(form.username(), encoder.encode(form.password()), role, form.displayName().strip(), label,
                role == Role.ENTERPRISE ? uscc : null, unitId);
        accounts.setPassword(form.username(), encoder.encode(form.password()), true);
        audit.record(admin.getUsername(), admin.getRole().name(), "创建账号", form.username(),
                "角色 " + role.label() + "，首次登录须修改密码");
        return "redirect:/admin/users?q=" + form.username();
    }

    /** A new random password, shown once to the administrator; the account must change it at its next sign-in. */
    @PostMapping("/admin/users/{username}/reset")
    @PreAuthorize("hasRole('ADMIN')")
    String reset(@AuthenticationPrincipal HuiqiUser admin, @PathVariable String username, RedirectAttributes flash) {
        if (!accounts.exists(username)) {
            flash.addFlashAttribute("problem", "账号不存在");
            return "redirect:/admin/users";
        }
        String password = PasswordPolicy.generate(12);
        accounts.setPassword(username, encoder.encode(password), true);
        audit.record(admin.getUsername(), admin.getRole().name(), "重置密码", username, "管理员重置，须在下次登录时修改");
        flash.addFlashAttribute("notice", "已重置 " + username + " 的密码为 " + password + "（只显示这一次，对方登录后须修改）");
        return "redirect:/admin/users?q=" + username;
    }

    @PostMapping("/admin/users/{username}/enabled")
    @PreAuthorize("hasRole('ADMIN')")
    String enable(@AuthenticationPrincipal HuiqiUser admin, @PathVariable String username,
                  @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes flash) {
        if (username.equals(admin.getUsername()) && !enabled) {
            flash.addFlashAttribute("problem", "不能停用自己的账号");
        } else if (!accounts.setEnabled(username, enabled)) {
            flash.addFlashAttribute("problem", "账号不存在");
        } else {
            audit.record(admin.getUsername(), admin.getRole().name(), enabled ? "启用账号" : "停用账号", username, null);
            flash.addFlashAttribute("notice", (enabled ? "已启用 " : "已停用 ") + username);
        }
        return "redirect:/admin/users?q=" + username;
    }

    @PostMapping("/admin/users/{username}/unlock")
    @PreAuthorize("hasRole('ADMIN')")
    String unlock(@AuthenticationPrincipal HuiqiUser admin, @PathVariable String username,
                  @RequestParam(name = "address", defaultValue = "") String address, RedirectAttributes flash) {
        if (!accounts.unlock(username)) {
            flash.addFlashAttribute("problem", "账号不存在");
            return "redirect:/admin/users";
        }
        if (!address.isBlank()) {
            throttle.release(address.strip());
        }
        audit.record(admin.getUsername(), admin.getRole().name(), "解除锁定", username,
                address.isBlank() ? null : "并解除地址 " + address.strip());
        flash.addFlashAttribute("notice", "已解除 " + username + " 的登录锁定");
        return "redirect:/admin/users?q=" + username;
    }
}
