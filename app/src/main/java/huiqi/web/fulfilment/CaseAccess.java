package huiqi.web.fulfilment;

import huiqi.fulfilment.Payers;
import huiqi.fulfilment.TransitionRefused;
import huiqi.fulfilment.UnitMatch;
import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may read a case and how much of it: officers, 财政经办 and admins any case, an enterprise only its own.
 * The full bank account goes only to whoever needs it to pay or owns it: the payer's 财政经办 and the
 * enterprise itself; every other reader (other departments, the reviewing officer, the administrator) sees
 * the last four digits.
 */
@Component
class CaseAccess {
    private final CaseRepository cases;
    private final Applications applications;

    CaseAccess(CaseRepository cases, Applications applications) {
        this.cases = cases;
        this.applications = applications;
    }

    /**
     * An application's attachment: for the enterprise that filed it, the reviewing unit's officers (who need it
     * to approve), the payer's 财政经办 and the administrator; not for other departments.
     */
    Applications.Attachment attachment(long caseId, long attachmentId, HuiqiUser user) {
        CaseRecord c = readable(caseId, user);
        boolean allowed = switch (user.getRole()) {
            case ADMIN, ENTERPRISE -> true;
            case OFFICER -> UnitMatch.same(user.getUnit(), user.getUnitId(), c.unit(), c.unitIds());
            case FINANCE -> UnitMatch.same(user.getUnit(), user.getUnitId(), Payers.unit(c.payer()), c.payerUnitIds());
            case SUPERVISOR, REVIEWER -> false;
        };
        if (!allowed) {
            throw new TransitionRefused(TransitionRefused.Reason.NOT_YOURS, "申请附件只供审核单位「" + c.unit() + "」、付款方和申请企业查看");
        }
        return applications.attachment(caseId, attachmentId).orElseThrow(() -> new CaseWorkflow.CaseNotFound(caseId));
    }

    CaseRecord readable(long id, HuiqiUser user) {
        CaseRecord c = cases.find(id).orElseThrow(() -> new CaseWorkflow.CaseNotFound(id));
        if (user.getRole() == Role.ENTERPRISE && !c.uscc().equalsIgnoreCase(user.getUscc())) {
            throw new TransitionRefused(TransitionRefused.Reason.NOT_YOURS, "只能查看本企业的兑现事项");
        }
        return c;
    }

    /** The case as this user may see it (bank account masked unless the user pays or owns it). */
    CaseRecord shown(CaseRecord c, HuiqiUser user) {
        return seesFullAccount(user, c.payer(), c.payerUnitIds(), c.uscc()) ? c : c.withMaskedAccount();
    }

    List<CaseRecord> shown(List<CaseRecord> list, HuiqiUser user) {
        return list.stream().map(c -> shown(c, user)).toList();
    }

    List<LedgerQueries.Entry> shownEntries(List<LedgerQueries.Entry> list, HuiqiUser user) {
        return list.stream().map(e -> seesFullAccount(user, e.payer(), List.of(), null) ? e : e.withMaskedAccount()).toList();
    }

    static boolean seesFullAccount(HuiqiUser user, String payer, List<String> payerUnitIds, String uscc) {
        return switch (user.getRole()) {
            case FINANCE -> UnitMatch.same(user.getUnit(), user.getUnitId(), Payers.unit(payer), payerUnitIds);
            case ENTERPRISE -> uscc != null && uscc.equalsIgnoreCase(user.getUscc());
            default -> false;
        };
    }
}
