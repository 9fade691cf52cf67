package huiqi.web.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Who is looking at a page, worked out once per request: the layout and the pages read these flags instead of
 * {@code sec:authorize}, which parses and evaluates a security expression at every use (a dozen per page).
 * The flags mean exactly what the expressions they replace meant (no role hierarchy: ADMIN is not OFFICER).
 */
public record Viewer(boolean authenticated, Role role, String roleLabel, String displayName, String uscc) {

    static final Viewer ANONYMOUS = new Viewer(false, null, null, null, null);

    static Viewer of(Authentication auth) {
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                || !(auth.getPrincipal() instanceof HuiqiUser user)) {
            return ANONYMOUS;
        }
        return new Viewer(true, user.getRole(), user.getRoleLabel(), user.getDisplayName(), user.getUscc());
    }

    /** hasAnyRole('ADMIN','OFFICER'): the government side that manages policies and enterprises. */
    public boolean officer() {
        return role == Role.ADMIN || role == Role.OFFICER;
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }

    public boolean enterprise() {
        return role == Role.ENTERPRISE;
    }

    public boolean reviewer() {
        return role == Role.REVIEWER;
    }

    /** hasAnyRole('ADMIN','OFFICER','REVIEWER'). */
    public boolean seesRuleReview() {
        return officer() || reviewer();
    }

    /** hasAnyRole('ADMIN','OFFICER','FINANCE'). */
    public boolean seesFulfilment() {
        return officer() || role == Role.FINANCE;
    }

    /** hasAnyRole('ADMIN','OFFICER','SUPERVISOR'). */
    public boolean seesSupervision() {
        return officer() || role == Role.SUPERVISOR;
    }

    /** hasAnyRole('ADMIN','SUPERVISOR'). */
    public boolean seesSupervisionDashboard() {
        return role == Role.ADMIN || role == Role.SUPERVISOR;
    }
}
