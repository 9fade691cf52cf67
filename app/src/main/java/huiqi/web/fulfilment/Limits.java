package huiqi.web.fulfilment;

import huiqi.fulfilment.Actor;
import huiqi.quantity.Expectation;
import huiqi.quantity.QuantityText;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Payer budgets, per-enterprise caps (own and shared) and 取高不重复 classes; every change is audited. */
public class Limits {
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;

    public Limits(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
    }

    public record Budget(String payer, BigDecimal budget, BigDecimal paid) {
        public BigDecimal remaining() {
            return budget.subtract(paid);
        }
    }

    public record Cap(String id, BigDecimal cap, List<String> rules, String quote) {
    }

    public List<Budget> budgets() {
        return jdbc.sql("select payer, budget, paid from payer_budget order by payer")
                .query((rs, i) -> new Budget(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).list();
    }

    /** Sets a payer's budget; refused (by the CHECK) if it would fall below what is already paid. */
    public Budget setBudget(String payer, BigDecimal budget, Actor actor) {
        BigDecimal amount = QuantityText.check(budget, Expectation.money("预算").withDigits(16, 2)).setScale(2);
        return tx.execute(s -> {
            Map<String, Object> before = jdbc.sql("select payer, budget, paid from payer_budget where payer = ? for update")
                    .param(payer).query().listOfRows().stream().findFirst().orElse(null);
            if (before != null && ((BigDecimal) before.get("paid")).compareTo(amount) > 0) {
                throw new IllegalArgumentException("预算不能低于已拨付金额 " + Money.yuan((BigDecimal) before.get("paid")));
            }
            jdbc.sql("""
                    insert into payer_budget (payer, budget) values (?, ?)
                    on conflict (payer) do update set budget = excluded.budget, updated_at = now()""")
                    .params(payer, amount).update();
            Budget after = budgets().stream().filter(b -> b.payer().equals(payer)).findFirst().orElseThrow();
            audit.record(actor, "设置预算", "budget", payer, before, after, null);
            return after;
        });
    }

    public List<Cap> caps() {
        return jdbc.sql("select id, cap, rules, quote from benefit_cap order by id")
                .query((rs, i) -> new Cap(rs.getString(1), rs.getBigDecimal(2),
                        Arrays.asList((String[]) rs.getArray(3).getArray()), rs.getString(4))).list();
    }

    public Cap setCap(String id, BigDecimal cap, List<String> rules, String quote, Actor actor) {
        QuantityText.check(cap, Expectation.money("上限").withDigits(16, 2));
        if (rules == null || rules.isEmpty()) {
            throw new IllegalArgumentException("上限须为非负金额，并至少适用于一条规则");
        }
        return tx.execute(s -> {
            Cap before = caps().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
            jdbc.sql("""
                    insert into benefit_cap (id, cap, rules, quote) values (?, ?, ?, ?)
                    on conflict (id) do update set cap = excluded.cap, rules = excluded.rules, quote = excluded.quote""")
                    .params(id, cap, rules.toArray(String[]::new), quote).update();
            Cap after = caps().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
            audit.record(actor, "设置上限", "cap", id, before, after, null);
            return after;
        });
    }

    public Map<String, String> classes() {
        Map<String, String> m = new LinkedHashMap<>();
        jdbc.sql("select rule_id, class_name from stacking_class order by class_name, rule_id").query()
                .listOfRows().forEach(r -> m.put((String) r.get("rule_id"), (String) r.get("class_name")));
        return m;
    }

    public void setClass(String ruleId, String className, Actor actor) {
        tx.executeWithoutResult(s -> {
            String before = classes().get(ruleId);
            if (className == null || className.isBlank()) {
                jdbc.sql("delete from stacking_class where rule_id = ?").param(ruleId).update();
            } else {
                jdbc.sql("""
                        insert into stacking_class (rule_id, class_name) values (?, ?)
                        on conflict (rule_id) do update set class_name = excluded.class_name""").params(ruleId, className.strip()).update();
            }
            audit.record(actor, "设置取高不重复", "stacking-class", ruleId, before == null ? null : Map.of("class", before),
                    className == null || className.isBlank() ? null : Map.of("class", className.strip()), null);
        });
    }

    /** Brings the 取高不重复 classes in line with the rule files; returns how many changed. */
    public int syncClasses(Map<String, String> fromRules, Actor actor) {
        Map<String, String> current = classes();
        int changed = 0;
        for (Map.Entry<String, String> e : fromRules.entrySet()) {
            if (!e.getValue().equals(current.get(e.getKey()))) {
                setClass(e.getKey(), e.getValue(), actor);
                changed++;
            }
        }
        return changed;
    }
}
