package huiqi.web.security;

import java.util.Optional;

/**
 * In whose name facts are reported: one rule for /api/v1/facts and 数据导入. A 部门经办 reports for its own
 * department only (its department is the source when none is named); an administrator may name any department.
 */
public final class ReportingUnit {
    private ReportingUnit() {
    }

    /** The department an officer is bound to; empty for an administrator. */
    public static Optional<String> boundUnit(HuiqiUser user) {
        return user.getRole() == Role.OFFICER && user.getUnit() != null && !user.getUnit().isBlank()
                ? Optional.of(user.getUnit()) : Optional.empty();
    }

    /** Why {@code user} may not report in the name of {@code named}; empty when it may (or names nobody). */
    public static Optional<String> refusal(HuiqiUser user, String named) {
        Optional<String> unit = boundUnit(user);
        if (named == null || unit.isEmpty() || unit.get().equals(named)) {
            return Optional.empty();
        }
        return Optional.of("部门经办只能以本部门（" + unit.get() + "）名义上报，实为 '" + named + "'");
    }

    /** An officer may not rename an enterprise: its name is the registry's (市场监管局), changed by an administrator. */
    public static Optional<String> renameRefusal(HuiqiUser user, String stored, String named) {
        if (user.getRole() == Role.ADMIN || stored == null || named == null
                || stored.equals(named)) {
            return Optional.empty();
        }
        return Optional.of("部门经办不能修改已有企业的名称（'" + stored + "' → '" + named + "'），请联系管理员");
    }
}
