package huiqi.web.fulfilment;

import huiqi.fulfilment.Actor;
import huiqi.fulfilment.TransitionRefused;
import huiqi.fulfilment.TransitionRefused.Reason;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records one payment inside the caller's transaction, after the case row is locked. Locks, always in this
 * order (so concurrent payments cannot deadlock): the case row (caller), the enterprise (advisory lock, for
 * caps and 取高不重复 across its cases), the payer's budget row. Then checks caps, shared caps, 取高不重复
 * and the budget, writes the ledger row and books the budget. The unique keys on ledger_entry and the
 * CHECK on payer_budget are the last fence should any of this ever be bypassed.
 */
public class Payments {
    private final JdbcClient jdbc;

    public Payments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void pay(CaseRecord c, Actor actor, String batchId) {
        if (c.approvedBy() == null || c.approvedBy().equals(actor.username())) {
            // the state machine refuses this already; the ledger trigger and CHECK refuse it a third time
            throw new TransitionRefused(Reason.ROLE, "审核与拨付须由不同人员办理");
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("huiqi-enterprise:" + c.uscc()).query().listOfRows();
        BigDecimal amount = c.amount();
        if (amount.signum() > 0) {
            checkCaps(c, amount);
            checkTakeHighest(c);
        }
        Map<String, Object> budget = jdbc.sql("select budget, paid from payer_budget where payer = ? for update")
                .param(c.payer()).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new TransitionRefused(Reason.LIMIT, "付款方「" + c.payer() + "」尚未设置预算，不能拨付"));
        BigDecimal total = (BigDecimal) budget.get("budget");
        BigDecimal paid = (BigDecimal) budget.get("paid");
        if (paid.add(amount).compareTo(total) > 0) {
            throw new TransitionRefused(Reason.LIMIT, "付款方「" + c.payer() + "」预算余额不足：预算 " + Money.yuan(total) + "，已拨付 "
                    + Money.yuan(paid) + "，本笔 " + Money.yuan(amount));
        }
        if (batchId != null) {
            jdbc.sql("insert into payment_batch (id, created_by) values (?, ?) on conflict (id) do nothing")
                    .params(batchId, actor.username()).update();
        }
        jdbc.sql("""
                insert into ledger_entry (case_id, rule_id, uscc, payer, unit, period, seq, kind, amount, batch_id,
                                          approver, paid_by, bank_account)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.ruleId(), c.uscc(), c.payer(), c.unit(), c.period(), c.seq(), c.kind(), amount, batchId,
                        c.approvedBy(), actor.username(), c.bankAccount())
                .update();
        jdbc.sql("update payer_budget set paid = paid + ?, updated_at = now() where payer = ?").params(amount, c.payer()).update();
    }

    private void checkCaps(CaseRecord c, BigDecimal amount) {
        List<Map<String, Object>> caps = jdbc.sql("select id, cap from benefit_cap where ? = any(rules) order by id")
                .param(c.ruleId()).query().listOfRows();
        for (Map<String, Object> cap : caps) {
            BigDecimal received = jdbc.sql("""
                    select coalesce(sum(amount), 0) from ledger_entry
                    where uscc = ? and rule_id = any(select unnest(rules) from benefit_cap where id = ?)""")
                    .params(c.uscc(), cap.get("id")).query(BigDecimal.class).single();
            BigDecimal limit = (BigDecimal) cap.get("cap");
            if (received.add(amount).compareTo(limit) > 0) {
                throw new TransitionRefused(Reason.LIMIT, "超过上限「" + cap.get("id") + "」" + Money.yuan(limit) + "：该企业已兑现 "
                        + Money.yuan(received) + "，本笔 " + Money.yuan(amount));
            }
        }
    }

    private void checkTakeHighest(CaseRecord c) {
        List<Map<String, Object>> others = jdbc.sql("""
                select l.rule_id, sum(l.amount) as paid from ledger_entry l
                join stacking_class s on s.rule_id = l.rule_id
                where l.uscc = ? and l.rule_id <> ?
                  and s.class_name = (select class_name from stacking_class where rule_id = ?)
                group by l.rule_id having sum(l.amount) > 0""")
                .params(c.uscc(), c.ruleId(), c.ruleId()).query().listOfRows();
        if (!others.isEmpty()) {
            Map<String, Object> o = others.get(0);
            throw new TransitionRefused(Reason.LIMIT, "按取高不重复原则，该企业已享受同类政策「" + o.get("rule_id") + "」"
                    + Money.yuan((BigDecimal) o.get("paid")) + "，不能重复兑现");
        }
    }
}
