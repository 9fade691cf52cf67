package huiqi.web.fulfilment;

import huiqi.fulfilment.TransitionRefused;
import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
import org.springframework.stereotype.Component;

/** Who may read a case: officers and admins any, an enterprise only its own. */
@Component
class CaseAccess {
    private final CaseRepository cases;

    CaseAccess(CaseRepository cases) {
        this.cases = cases;
    }

    CaseRecord readable(long id, HuiqiUser user) {
        CaseRecord c = cases.find(id).orElseThrow(() -> new CaseWorkflow.CaseNotFound(id));
        if (user.getRole() == Role.ENTERPRISE && !c.uscc().equalsIgnoreCase(user.getUscc())) {
            throw new TransitionRefused(TransitionRefused.Reason.NOT_YOURS, "只能查看本企业的兑现事项");
        }
        return c;
    }
}
