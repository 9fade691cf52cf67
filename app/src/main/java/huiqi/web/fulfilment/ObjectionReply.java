package huiqi.web.fulfilment;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An enterprise's 异议 and the department's answer, for 惠企消息: the answer is 重新推送 (amount re-checked, confirm
 * again) or 驳回, each with the reason the officer gave. An objection not answered yet shows as 待答复.
 */
public record ObjectionReply(long caseId, String title, String objection, OffsetDateTime objectedAt, String outcome,
                             String reply, OffsetDateTime repliedAt) {

    public boolean answered() {
        return outcome != null;
    }

    /** Pairs each 异议 with the answer that followed it; newest first. */
    static List<ObjectionReply> of(List<AuditLog.Entry> entries, Map<Long, String> titles) {
        Map<Long, AuditLog.Entry> open = new HashMap<>();
        List<ObjectionReply> out = new ArrayList<>();
        for (AuditLog.Entry e : entries) {
            long id = Long.parseLong(e.entityId());
            if ("异议".equals(e.action())) {
                open.put(id, e);
                continue;
            }
            AuditLog.Entry objection = open.remove(id);
            out.add(new ObjectionReply(id, titles.get(id), objection == null ? null : reason(objection),
                    objection == null ? null : objection.at(), e.action(), reason(e), e.at()));
        }
        open.forEach((id, e) -> out.add(new ObjectionReply(id, titles.get(id), reason(e), e.at(), null, null, null)));
        out.sort((a, b) -> b.latest().compareTo(a.latest()));
        return out;
    }

    private OffsetDateTime latest() {
        return repliedAt != null ? repliedAt : objectedAt;
    }

    private static String reason(AuditLog.Entry e) {
        if (e.after() != null) {
            var node = AuditLog.JSON.readTree(e.after()).get("reason");
            if (node != null && !node.isNull()) {
                return node.asString();
            }
        }
        return e.detail();
    }
}
