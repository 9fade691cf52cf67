package huiqi.web.fulfilment;

import huiqi.web.security.HuiqiUser;
import huiqi.web.security.Role;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The 办理记录 of a case as its viewer may read it. An enterprise sees what happened to its case — not the
 * officers' attempts the system refused (e.g. a bulk push that skipped this case) nor their account names;
 * roles read in Chinese for everyone.
 */
record CaseHistory(OffsetDateTime at, String who, String action, String stateChange, String detail) {

    static List<CaseHistory> of(List<AuditLog.Entry> entries, HuiqiUser viewer) {
        boolean enterprise = viewer.getRole() == Role.ENTERPRISE;
        return entries.stream()
                .filter(e -> !enterprise || !refused(e) || viewer.getUsername().equals(e.actor()))
                .map(e -> new CaseHistory(e.at(), who(e, viewer, enterprise), e.action(), e.stateChange(), e.detail()))
                .toList();
    }

    private static boolean refused(AuditLog.Entry e) {
        return e.before() == null && e.after() == null && e.detail() != null && e.detail().startsWith("已拒绝");
    }

    private static String who(AuditLog.Entry e, HuiqiUser viewer, boolean enterprise) {
        String role = AuditLabels.role(e.role());
        if (!enterprise) {
            return e.actor() + "（" + role + "）";
        }
        return viewer.getUsername().equals(e.actor()) || "ENTERPRISE".equals(e.role()) ? "本企业" : role;
    }
}
