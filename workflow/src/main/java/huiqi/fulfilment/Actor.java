package huiqi.fulfilment;

import java.util.Objects;

/**
 * The person (or the platform) acting: an officer belongs to a unit (部门: its name, and its 组织目录 id when the
 * account is bound to the directory), an enterprise account to one 统一社会信用代码.
 */
public record Actor(String username, ActorRole role, String unit, String uscc, String unitId) {
    public Actor(String username, ActorRole role, String unit, String uscc) {
        this(username, role, unit, uscc, null);
    }

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        if (role == ActorRole.ENTERPRISE && (uscc == null || uscc.isBlank())) {
            throw new IllegalArgumentException("企业账号必须绑定统一社会信用代码");
        }
    }

    public static Actor system() {
        return new Actor("system", ActorRole.SYSTEM, null, null);
    }

    public static Actor admin(String username) {
        return new Actor(username, ActorRole.ADMIN, null, null);
    }

    public static Actor officer(String username, String unit) {
        return new Actor(username, ActorRole.OFFICER, unit, null);
    }

    /** A 财政经办 of the payer whose department is {@code payerUnit}. */
    public static Actor finance(String username, String payerUnit) {
        return new Actor(username, ActorRole.FINANCE, payerUnit, null);
    }

    public static Actor enterprise(String username, String uscc) {
        return new Actor(username, ActorRole.ENTERPRISE, null, uscc);
    }

    public String describe() {
        return switch (role) {
            case OFFICER, FINANCE -> role.label() + "（" + (unit == null ? "未绑定单位" : unit) + "）" + username;
            case ENTERPRISE -> role.label() + "（" + uscc + "）";
            default -> role.label() + " " + username;
        };
    }
}
