package huiqi.web.security;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Used in @PreAuthorize expressions as {@code @access}: officers and admins see every enterprise, an
 * enterprise account only the one it is bound to.
 */
@Component("access")
public class EnterpriseAccess {

    public boolean canSee(Authentication auth, String uscc) {
        if (auth == null || !(auth.getPrincipal() instanceof HuiqiUser user)) {
            return false;
        }
        return switch (user.getRole()) {
            case ADMIN, OFFICER -> true;
            case ENTERPRISE -> user.getUscc() != null && user.getUscc().equalsIgnoreCase(uscc);
            case SUPERVISOR, FINANCE, REVIEWER -> false; // 督查室 supervises units, not enterprises
        };
    }
}
