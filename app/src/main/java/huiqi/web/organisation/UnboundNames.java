package huiqi.web.organisation;

import java.util.List;

/**
 * Names elsewhere in the platform that should refer to a directory unit but resolve to none (e.g. payers of 兑现
 * cases): listed on the 组织目录 page for 管理员 to add the unit or an alias. Implemented by the features that own
 * the names, so the directory does not depend on them.
 */
public interface UnboundNames {
    /** What the names are, e.g. "兑现付款方". */
    String title();

    /** Each unbound name with how much refers to it, e.g. "区级·杨凌示范区（3 个事项）". */
    List<String> names();
}
