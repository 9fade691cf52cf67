package huiqi.web.security;

import huiqi.enterprise.Uscc;
import huiqi.web.organisation.OrgStore;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * What Bean Validation cannot see in a {@link NewAccount}: a known role, an enterprise's 信用代码, a password the
 * {@link PasswordPolicy} accepts, a free username.
 */
@Component
class NewAccountValidator {
    private final UserAccounts accounts;
    private final OrgStore units;

    NewAccountValidator(UserAccounts accounts, OrgStore units) {
        this.accounts = accounts;
        this.units = units;
    }

    /** Adds the problems to {@code errors}; returns the role, or null when it is missing or unknown. */
    Role validate(NewAccount form, Errors errors) {
        Role role = null;
        try {
            role = form.role() == null ? null : Role.parse(form.role());
        } catch (IllegalArgumentException e) {
            errors.rejectValue("role", "role", "未知角色");
        }
        if (role == Role.ENTERPRISE && !Uscc.isValid(uscc(form))) {
            errors.rejectValue("uscc", "uscc", "企业账号须绑定有效的统一社会信用代码");
        }
        if (role == Role.FINANCE && (form.unit() == null || form.unit().isBlank())) {
            errors.rejectValue("unit", "unit", "财政经办须填写所拨付的付款方部门（如 市财政局）");
        }
        boolean staff = role == Role.OFFICER || role == Role.FINANCE || role == Role.SUPERVISOR;
        if (staff && form.unit() != null && !form.unit().isBlank() && units.idOf(form.unit()).isEmpty()) {
            errors.rejectValue("unit", "unit", "「" + form.unit().strip() + "」不在组织目录中或有多个单位同名，请填写规范全称（见“组织目录”）");
        }
        if (form.password() != null && form.username() != null) {
            PasswordPolicy.problem(form.username(), form.password())
                    .ifPresent(p -> errors.rejectValue("password", "weak", p));
        }
        if (!errors.hasErrors() && accounts.exists(form.username())) {
            errors.rejectValue("username", "taken", "用户名已存在");
        }
        return role;
    }

    /** The 信用代码 as stored: trimmed, upper case. */
    static String uscc(NewAccount form) {
        return form.uscc() == null ? "" : form.uscc().strip().toUpperCase(Locale.ROOT);
    }
}
