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

    public HuiqiUser(String username, String passwordHash, boolean enabled, Role role, String displayName,
                     String unit, String uscc) {
        super(username, passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority(role.authority())));
        this.role = role;
        this.displayName = displayName;
        this.unit = unit;
        this.uscc = uscc;
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
}
