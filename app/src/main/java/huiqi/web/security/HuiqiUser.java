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
    private final UnitBinding binding;

    /**
     * The directory unit an account acts for (组织目录 id) and the government that unit belongs to
     * ("350102|鼓楼区"); {@link #NONE} for accounts without a unit.
     */
    public record UnitBinding(String unitId, String governmentKey, String governmentName) {
        public static final UnitBinding NONE = new UnitBinding(null, null, null);
    }

    public HuiqiUser(String username, String passwordHash, boolean enabled, Role role, String displayName,
                     String unit, String uscc) {
        this(username, passwordHash, enabled, true, false, role, displayName, unit, uscc);
    }

    public HuiqiUser(String username, String passwordHash, boolean enabled, boolean nonLocked,
                     boolean mustChangePassword, Role role, String displayName, String unit, String uscc) {
        this(username, passwordHash, enabled, nonLocked, mustChangePassword, role, displayName, unit, uscc,
                UnitBinding.NONE);
    }

    public HuiqiUser(String username, String passwordHash, boolean enabled, boolean nonLocked,
                     boolean mustChangePassword, Role role, String displayName, String unit, String uscc,
                     UnitBinding binding) {
        super(username, passwordHash, enabled, true, true, nonLocked,
                List.of(new SimpleGrantedAuthority(role.authority())));
        this.role = role;
        this.displayName = displayName;
        this.unit = unit;
        this.uscc = uscc;
        this.mustChangePassword = mustChangePassword;
        this.binding = binding == null ? UnitBinding.NONE : binding;
    }

    /** The same account after its password was changed (kept in the session without a new login). */
    HuiqiUser withPasswordChanged(String newHash) {
        return new HuiqiUser(getUsername(), newHash, isEnabled(), isAccountNonLocked(), false, role, displayName, unit,
                uscc, binding);
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

    /** The 组织目录 id of the account's unit, null when it has none. */
    public String getUnitId() {
        return binding.unitId();
    }

    /** The government of the account's unit ("350102|鼓楼区"), null when it has none. */
    public String getGovernmentKey() {
        return binding.governmentKey();
    }

    public String getGovernmentName() {
        return binding.governmentName();
    }

    public String getUscc() {
        return uscc;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }
}
