package huiqi.web.supervision;

import huiqi.org.Government;
import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;

/**
 * Whose tasks an account reaches: 管理员 every task; 督查室 the tasks of its own government and the governments
 * under it (a 督查室 without a directory unit, as before the directory, every task); 部门经办 only the tasks of
 * its own directory unit — by id, never by name, so 仓山区's 区人社局 does not reach 鼓楼区's.
 */
final class SupervisionScope {
    private SupervisionScope() {
    }

    static boolean sees(HuiqiUser user, String taskUnitId, String taskGovernmentKey) {
        if (user.getRole() == Role.ADMIN) {
            return true;
        }
        if (user.getRole() == Role.SUPERVISOR) {
            return user.getGovernmentKey() == null || within(taskGovernmentKey, user.getGovernmentKey());
        }
        return user.getRole() == Role.OFFICER && ownUnit(user, taskUnitId);
    }

    static boolean ownUnit(HuiqiUser user, String taskUnitId) {
        return taskUnitId != null && taskUnitId.equals(user.getUnitId());
    }

    /** Whether government {@code key} is {@code ancestor} or lies under it ("350102|鼓楼区" within "350100|福州市"). */
    static boolean within(String key, String ancestor) {
        if (key == null) {
            return false;
        }
        if (key.equals(ancestor)) {
            return true;
        }
        Government g = government(key);
        for (int depth = 0; g != null && depth < 4; depth++) {
            if (g.key().equals(ancestor)) {
                return true;
            }
            g = g.parent().orElse(null);
        }
        return false;
    }

    private static Government government(String key) {
        int bar = key.indexOf('|');
        return bar < 0 ? null : Government.of(key.substring(0, bar), key.substring(bar + 1));
    }
}
