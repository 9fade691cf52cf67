package huiqi.fulfilment;

import java.util.List;

/**
 * What the actor supplies with an action: a reason (异议、驳回、撤销、重新推送), the bank account and the
 * confirmation of the facts (企业确认), the attachments of an application (申请).
 */
public record ActionInput(String reason, String bankAccount, boolean factsConfirmed, List<String> attachments) {
    public ActionInput {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static ActionInput none() {
        return new ActionInput(null, null, false, List.of());
    }

    public static ActionInput reason(String reason) {
        return new ActionInput(reason, null, false, List.of());
    }

    public static ActionInput confirm(String bankAccount) {
        return new ActionInput(null, bankAccount, true, List.of());
    }

    public static ActionInput application(String bankAccount, List<String> attachments) {
        return new ActionInput(null, bankAccount, true, attachments);
    }
}
