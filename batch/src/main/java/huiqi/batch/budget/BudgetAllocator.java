package huiqi.batch.budget;

import huiqi.batch.run.BatchResult;
import huiqi.batch.sql.CompiledRule;
import huiqi.batch.sql.SqlDialect;
import huiqi.batch.sql.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Allocates payers' budgets over a batch result, inside the engine ({@link huiqi.batch.pipeline.BatchPipeline#allocate}), into table {@code budget_allocation}
 * (budget_id, uscc, rule_id, payer, claim, allocated, shortfall) and its per (uscc, rule_id) roll-up
 * {@code budget_by_rule} (allocated, shortfall) that the result file joins.
 * <p>A claim is the payer's part of an eligible amount (&gt; 0) of a rule in the budget's group.
 * When the claims fit, everyone gets their claim. Otherwise, working in fen:
 * <ul>
 * <li><b>pro-rata</b>: each claim gets ⌊claim × budget ÷ total claims⌋; the fen left over (fewer than the
 * number of claims) go one each to the claims with the largest remainders, ties by uscc then rule id
 * (largest remainder method). The budget is used exactly and no one gets more than the claim.</li>
 * <li><b>first-come</b>: claims in application order (the budget's order_by profile column ascending,
 * missing last, ties by uscc then rule id) are paid in full while the budget lasts; the claim that crosses
 * the budget gets what is left; later claims get 0.</li>
 * </ul>
 */
public final class BudgetAllocator {
    /** One budget's outcome. */
    public record Allocation(Budget budget, long claims, BigDecimal claimed, BigDecimal allocated, BigDecimal shortfall,
                             long paidInFull) {
        public boolean oversubscribed() {
            return claimed.compareTo(budget.amount()) > 0;
        }
    }

    private BudgetAllocator() {
    }

    /** The per (uscc, rule_id) roll-up of {@code budget_allocation} that the result file joins. */
    public static final String BY_RULE_QUERY = "SELECT uscc, rule_id, sum(allocated) AS allocated, "
            + "sum(shortfall) AS shortfall FROM budget_allocation GROUP BY uscc, rule_id";

    /**
     * The SELECT of table {@code budget_allocation} over the result table {@code result.table()} (and
     * {@code profiles_src} for first-come), in the given dialect; all arithmetic in whole fen.
     */
    public static String allocationQuery(BatchResult result, List<Budget> budgets, SqlDialect d) {
        Set<String> seen = new HashSet<>();
        List<String> perBudget = new ArrayList<>();
        for (int k = 0; k < budgets.size(); k++) {
            Budget b = budgets.get(k);
            List<String> claims = new ArrayList<>();
            for (String ruleId : b.rules()) {
                CompiledRule cr = result.compiled().rules().stream().filter(r -> r.rule().id().equals(ruleId)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("预算 " + b.id() + "：本次评估中没有规则 " + ruleId));
                String col;
                if (b.payer().equals(cr.payer1())) {
                    col = cr.payer1Column();
                } else if (b.payer().equals(cr.payer2())) {
                    col = cr.payer2Column();
                } else {
                    throw new IllegalArgumentException("预算 " + b.id() + "：规则 " + ruleId + " 的付款方是 " + cr.payer1()
                            + (cr.payer2() == null ? "" : "、" + cr.payer2()) + "，没有 " + b.payer());
                }
                if (col == null) {
                    throw new IllegalArgumentException("预算 " + b.id() + "：规则 " + ruleId + " 不计算金额");
                }
                if (!seen.add(ruleId + "|" + b.payer())) {
                    throw new IllegalArgumentException("规则 " + ruleId + " 的付款方 " + b.payer() + " 出现在多个预算中");
                }
                claims.add("SELECT uscc, " + lit(ruleId) + " AS rule_id, CAST(" + col + " * 100 AS " + d.wideInteger()
                        + ") AS claim_fen FROM " + result.table() + " WHERE " + Status.eligible(cr.statusColumn()) + " AND "
                        + col + " > 0");
            }
            perBudget.add(allocation(k, b, String.join(" UNION ALL ", claims), d));
        }
        return String.join("\nUNION ALL\n", perBudget);
    }

    /** One row for a budget over {@code budget_allocation}: claims, claimed, allocated, shortfall, paid in full. */
    public static String summaryQuery(Budget b) {
        return "SELECT count(*), coalesce(sum(claim), 0), coalesce(sum(allocated), 0), "
                + "coalesce(sum(shortfall), 0), count(*) FILTER (WHERE shortfall = 0) FROM budget_allocation "
                + "WHERE budget_id = " + lit(b.id());
    }

    /** An {@link Allocation} from the columns of {@link #summaryQuery}. */
    public static Allocation allocation(Budget b, long claims, BigDecimal claimed, BigDecimal allocated, BigDecimal shortfall,
                                        long paidInFull) {
        return new Allocation(b, claims, claimed.setScale(2), allocated.setScale(2), shortfall.setScale(2), paidInFull);
    }

    private static String allocation(int k, Budget b, String claims, SqlDialect d) {
        String budgetFen = b.amount().movePointRight(2).toBigIntegerExact().toString();
        String w = d.wideInteger();
        String B = "CAST(" + budgetFen + " AS " + w + ")";
        String fen;
        String from;
        if (b.policy() == Budget.Policy.PRO_RATA) {
            from = "(SELECT p.*, row_number() OVER (ORDER BY rem DESC, uscc, rule_id) AS rk, " + B
                    + " - sum(base_fen) OVER () AS leftover FROM (SELECT c.*, t.total, "
                    + "CASE WHEN t.total <= " + B + " THEN claim_fen ELSE " + d.intDiv("(claim_fen * " + B + ")", "t.total")
                    + " END AS base_fen, "
                    + "CASE WHEN t.total <= " + B + " THEN 0 ELSE (claim_fen * " + B + ") % t.total END AS rem "
                    + "FROM (" + claims + ") c CROSS JOIN (SELECT sum(claim_fen) AS total FROM (" + claims + ") x) t) p) q" + k;
            fen = "base_fen + CASE WHEN total > " + B + " AND rk <= leftover THEN 1 ELSE 0 END";
        } else {
            from = "(SELECT c.*, coalesce(sum(claim_fen) OVER (ORDER BY ps." + d.quote(b.orderBy()) + " NULLS LAST, c.uscc, c.rule_id "
                    + "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before_fen FROM (" + claims + ") c "
                    + "LEFT JOIN profiles_src ps ON ps.uscc = c.uscc) q" + k;
            fen = "least(claim_fen, greatest(CAST(0 AS " + w + "), " + B + " - before_fen))";
        }
        String cent = "CAST('0.01' AS DECIMAL(38,2))";
        return "SELECT " + lit(b.id()) + " AS budget_id, uscc, rule_id, " + lit(b.payer()) + " AS payer, "
                + "CAST(claim_fen AS DECIMAL(38,0)) * " + cent + " AS claim, "
                + "CAST(" + fen + " AS DECIMAL(38,0)) * " + cent + " AS allocated, "
                + "CAST(claim_fen - (" + fen + ") AS DECIMAL(38,0)) * " + cent + " AS shortfall FROM " + from;
    }

    private static String lit(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
