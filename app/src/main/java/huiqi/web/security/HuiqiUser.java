package huiqi.web.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in account: its role, its department (部门经办) or its enterprise (企业). */
public class HuiqiUser extends User {
    private final Role role;
    private final String displayName;
    private final String unit;
    private final String uscc;
    private final boolean mustChangePassword;

    public HuiqiUser(String username, String passwordHash, boolean enabled, Role role, String displayName,
                     String unit, String uscc) {
        this(username, passwordHash, enabled, true, false, role, displayName, unit, uscc);
    }

    public HuiqiUser(String username, String passwordHash, boolean enabled, boolean nonLocked,
                     boolean mustChangePassword, Role role, String displayName, String unit, String uscc) {
        super(username, passwordHash, enabled, true, true, nonLocked,
                List.of(new SimpleGrantedAuthority(role.authority())));
        this.role = role;
        this.displayName = displayName;
        this.unit = unit;
        this.uscc = uscc;
        this.mustChangePassword = mustChangePassword;
    }

    /** The same account after its password was changed (kept in the session without a new login). */
    HuiqiUser withPasswordChanged(String newHash) {
        return new HuiqiUser(getUsername(), newHash, isEnabled(), isAccountNonLocked(), false, role, displayName, unit,
                uscc);
    }

    public Role getRole() {
        return role;
    }

    public String getRoleLabel() {
        return role.label();
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getUnit() {
        return unit;
    }

    public String getUscc() {
        return uscc;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }
}
