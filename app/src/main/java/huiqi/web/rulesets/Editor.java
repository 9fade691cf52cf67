package huiqi.web.rulesets;

/**
 * Who acts on a rule set: the account and its role (ADMIN, OFFICER, REVIEWER or SYSTEM for start-up imports).
 * {@code reviewer}: the role may approve and reject (管理员 or 政策审核).
 */
public record Editor(String username, String role, boolean reviewer) {
    static final Editor SYSTEM = new Editor("system", "SYSTEM", false);
}
