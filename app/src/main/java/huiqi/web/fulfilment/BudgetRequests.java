package huiqi.web.fulfilment;

import huiqi.fulfilment.Actor;
import huiqi.quantity.Expectation;
import huiqi.quantity.QuantityText;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budget changes through the pages and the API: only for a payer of a published rule whose department is a
 * directory unit ({@link PublishedPayers}); a new budget or an increase waits for a second 管理员's approval; a
 * decrease (never below what is paid) applies at once. Every step is in the audit log.
 */
@Service
public class BudgetRequests {
    private final Limits limits;
    private final PublishedPayers payers;
    private final FulfilmentUnits units;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    BudgetRequests(Limits limits, PublishedPayers payers, JdbcClient jdbc, AuditLog audit, FulfilmentUnits units) {
        this.units = units;
        this.limits = limits;
        this.payers = payers;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Request(long id, String payer, BigDecimal current, BigDecimal requested, String reason,
                          String requestedBy, OffsetDateTime requestedAt, String state, String decidedBy) {
    }

    /** What became of a change: applied now, or waiting for approval as request {@code requestId}. */
    public record Outcome(boolean applied, Long requestId, String message) {
    }

    @Transactional
    public Outcome submit(String payer, BigDecimal amount, String reason, Actor actor) {
        BigDecimal value = QuantityText.check(amount, Expectation.money("预算").withDigits(16, 2)).setScale(2);
        PublishedPayers.Resolved p = payers.check(payer);
        if (!p.real()) {
            throw new IllegalArgumentException(p.problem());
        }
        BigDecimal current = limits.budgets().stream().filter(b -> b.payer().equals(p.payer()))
                .map(Limits.Budget::budget).findFirst().orElse(null);
        if (current != null && value.compareTo(current) <= 0) {
            limits.setBudget(p.payer(), value, actor);
            units.budget(p.payer());
            return new Outcome(true, null, "已将「" + p.payer() + "」预算调整为 " + Money.yuan(value));
        }
        long id = jdbc.sql("""
                        insert into payer_budget_request (payer, unit_ids, current, requested, reason, requested_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(p.payer(), p.unitIds().toArray(String[]::new), current, value,
                        reason == null || reason.isBlank() ? null : reason.strip(), actor.username())
                .query(Long.class).single();
        audit.record(actor, "申请预算", "budget-request", id, current == null ? null : Map.of("budget", current),
                Map.of("payer", p.payer(), "budget", value, "units", p.unitIds()), reason);
        return new Outcome(false, id, "已提交「" + p.payer() + "」预算 " + Money.yuan(value) + " 的申请，须另一名管理员批准后生效");
    }

    /** Approves (applies) or rejects a pending request; the approver must not be the requester. */
    @Transactional
    public Optional<String> decide(long id, boolean approve, String note, Actor actor) {
        Request r = find(id).orElse(null);
        if (r == null || !"待批准".equals(r.state())) {
            return Optional.of("该预算申请不存在或已处理");
        }
        if (r.requestedBy().equals(actor.username())) {
            return Optional.of("预算增加须由申请人以外的另一名管理员批准");
        }
        jdbc.sql("""
                        update payer_budget_request set state = ?, decided_by = ?, decided_at = now(), decision_note = ?
                        where id = ? and state = '待批准'""")
                .params(approve ? "已批准" : "已驳回", actor.username(), note, id).update();
        if (approve) {
            limits.setBudget(r.payer(), r.requested(), actor);
            units.budget(r.payer());
        }
        audit.record(actor, approve ? "批准预算" : "驳回预算", "budget-request", id, null,
                Map.of("payer", r.payer(), "budget", r.requested()), note);
        return Optional.empty();
    }

    public List<Request> pending() {
        return jdbc.sql("select * from payer_budget_request where state = '待批准' order by requested_at, id")
                .query((rs, i) -> row(rs)).list();
    }

    public Optional<Request> find(long id) {
        return jdbc.sql("select * from payer_budget_request where id = ?").param(id).query((rs, i) -> row(rs)).optional();
    }

    private static Request row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Request(rs.getLong("id"), rs.getString("payer"), rs.getBigDecimal("current"),
                rs.getBigDecimal("requested"), rs.getString("reason"), rs.getString("requested_by"),
                rs.getObject("requested_at", OffsetDateTime.class), rs.getString("state"), rs.getString("decided_by"));
    }
}
