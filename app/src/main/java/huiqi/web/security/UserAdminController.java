package huiqi.web.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import huiqi.enterprise.Uscc;

/** 用户管理 (管理员 only): list accounts and create officer or enterprise accounts. */
@Controller
class UserAdminController {
    private final UserAccounts accounts;
    private final PasswordEncoder encoder;

    UserAdminController(UserAccounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    record NewAccount(@NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{3,64}", message = "用户名为 3-64 位字母、数字、点、下划线或连字符") String username,
                      @NotBlank @Size(min = 8, max = 72, message = "密码长度为 8-72 位") String password,
                      @NotBlank String role,
                      @NotBlank @Size(max = 100) String displayName,
                      @Size(max = 100) String unit,
                      @Size(max = 18) String uscc) {
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasRole('ADMIN')")
    String list(Model model) {
        model.addAttribute("accounts", accounts.list(200));
        model.addAttribute("roles", Role.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewAccount("", "", "OFFICER", "", "", ""));
        }
        return "admin/users";
    }

    @PostMapping("/admin/users")
    @PreAuthorize("hasRole('ADMIN')")
    String create(@Valid @ModelAttribute("form") NewAccount form, BindingResult errors, Model model) {
        Role role = null;
        try {
            role = Role.valueOf(form.role());
        } catch (IllegalArgumentException e) {
            errors.rejectValue("role", "role", "未知角色");
        }
        String uscc = form.uscc() == null ? "" : form.uscc().strip().toUpperCase();
        if (role == Role.ENTERPRISE && !Uscc.isValid(uscc)) {
            errors.rejectValue("uscc", "uscc", "企业账号须绑定有效的统一社会信用代码");
        }
        if (!errors.hasErrors() && accounts.exists(form.username())) {
            errors.rejectValue("username", "taken", "用户名已存在");
        }
        if (errors.hasErrors()) {
            return list(model);
        }
        accounts.create(form.username(), encoder.encode(form.password()), role, form.displayName().strip(),
                role == Role.OFFICER && form.unit() != null && !form.unit().isBlank() ? form.unit().strip() : null,
                role == Role.ENTERPRISE ? uscc : null);
        return "redirect:/admin/users";
    }
}
