package huiqi.web.fulfilment;

import huiqi.fulfilment.ActionInput;
import huiqi.fulfilment.Actor;
import huiqi.fulfilment.BankAccounts;
import huiqi.fulfilment.CaseAction;
import huiqi.fulfilment.CaseState;
import huiqi.fulfilment.CaseStateMachine;
import huiqi.fulfilment.TransitionRefused;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes an action on a case: in one transaction lock the row, ask the state machine, write the new state
 * (and for 拨付 the ledger row and the budget), and the audit record. A refused action changes nothing and
 * is itself audited (in its own transaction) so that attempts are traceable too.
 */
public class CaseWorkflow {
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CaseRepository cases;
    private final Payments payments;
    private final AuditLog audit;

    public CaseWorkflow(JdbcClient jdbc, TransactionTemplate tx, CaseRepository cases, Payments payments, AuditLog audit) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cases = cases;
        this.payments = payments;
        this.audit = audit;
    }

    /** The most cases one bulk action takes (a request with more is refused before anything is done). */
    public static final int MAX_BULK = 1000;

    public static class CaseNotFound extends RuntimeException {
        public CaseNotFound(long id) {
            super("兑现事项 " + id + " 不存在");
        }
    }

    public CaseRecord act(long id, Actor actor, CaseAction action, ActionInput input) {
        return act(id, actor, action, input, null);
    }

    public CaseRecord act(long id, Actor actor, CaseAction action, ActionInput input, String batchId) {
        return act(id, actor, action, input, batchId, true);
    }

    private CaseRecord act(long id, Actor actor, CaseAction action, ActionInput input, String batchId, boolean auditRefusal) {
        ActionInput in = input == null ? ActionInput.none() : input;
        try {
            return tx.execute(s -> {
                CaseRecord before = cases.lock(id).orElseThrow(() -> new CaseNotFound(id));
                CaseState next = CaseStateMachine.next(before.ref(), actor, action, in);
                if (action == CaseAction.PAY) {
                    payments.pay(before, actor, batchId);
                }
                update(before, next, actor, action, in);
                CaseRecord after = cases.find(id).orElseThrow();
                audit.record(actor, action.label(), "case", id, before.audit(), after.audit(),
                        batchId == null ? in.reason() : "批次 " + batchId);
                return after;
            });
        } catch (TransitionRefused e) {
            if (auditRefusal) {
                tx.executeWithoutResult(s -> audit.record(actor, action.label(), "case", id, null, null, "已拒绝：" + e.getMessage()));
            }
            throw e;
        }
    }

    private void update(CaseRecord c, CaseState next, Actor actor, CaseAction action, ActionInput in) {
        String set = switch (action) {
            case PUSH, REPUSH -> ", pushed_at = now()";
            case CONFIRM -> ", confirmed_at = now(), bank_account = :bank, facts_confirmed = true";
            case APPROVE -> ", approved_at = now(), approved_by = :actor";
            case PAY -> ", paid_at = now(), paid_by = :actor";
            default -> "";
        };
        jdbc.sql("update fulfilment_case set state = :state, updated_at = now(), last_reason = coalesce(:reason, last_reason)"
                        + set + " where id = :id")
                .param("state", next.label())
                .param("reason", in.reason() == null || in.reason().isBlank() ? null : in.reason().strip())
                .param("bank", BankAccounts.normalize(in.bankAccount()))
                .param("actor", actor.username())
                .param("id", c.id())
                .update();
    }

    /** One outcome of a bulk action. */
    public record Outcome(long caseId, boolean ok, String message) {
    }

    /**
     * The same action on many cases, each in its own transaction: a failure (or a crash) leaves every case
     * either fully done or untouched, and running the same bulk action again only does what is left.
     */
    public List<Outcome> bulk(List<Long> ids, Actor actor, CaseAction action, ActionInput input, String batchId) {
        if (ids.size() > MAX_BULK) {
            throw new TransitionRefused(TransitionRefused.Reason.INPUT, "批量操作一次最多 " + MAX_BULK + " 件，本次 " + ids.size()
                    + " 件，请分批办理");
        }
        List<Outcome> out = new ArrayList<>();
        for (Long id : ids) {
            try {
                CaseRecord after = act(id == null ? -1 : id, actor, action, input, batchId, false);
                out.add(new Outcome(id == null ? -1 : id, true, after.state().label()));
            } catch (TransitionRefused | CaseNotFound e) {
                out.add(new Outcome(id == null ? -1 : id, false, e.getMessage()));
            }
        }
        auditRefusals(actor, action, batchId, out);
        return out;
    }

    /** The refusals of one bulk action as one audit row: counts by reason and the first case ids, not a row each. */
    private void auditRefusals(Actor actor, CaseAction action, String batchId, List<Outcome> out) {
        List<Outcome> refused = out.stream().filter(o -> !o.ok()).toList();
        if (refused.isEmpty()) {
            return;
        }
        Map<String, Long> byReason = refused.stream().collect(Collectors.groupingBy(
                o -> o.message().replaceAll("\\d+", "#"), TreeMap::new, Collectors.counting()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("refused", refused.size());
        summary.put("of", out.size());
        summary.put("byReason", byReason.entrySet().stream().limit(20).collect(Collectors.toMap(
                Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
        summary.put("caseIds", refused.stream().limit(50).map(Outcome::caseId).toList());
        tx.executeWithoutResult(s -> audit.record(actor, "批量" + action.label(), "bulk", batchId, null, summary,
                "已拒绝：" + refused.size() + " / " + out.size() + " 件" + (batchId == null ? "" : "（批次 " + batchId + "）")));
    }

    /** Numbers for a bulk result banner. */
    public static Map<String, Long> summary(List<Outcome> outcomes) {
        long ok = outcomes.stream().filter(Outcome::ok).count();
        return Map.of("ok", ok, "refused", outcomes.size() - ok);
    }
}
